package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The workflow of a team that writes its own consumer outside the project (consumers/external-example,
 * its own pom, not a reactor module): the API artifacts this build made are published into a folder
 * repository by their Maven coordinates, the example is built on its own against them (Maven, offline),
 * and its jar is written into the hot-deploy directory of a host that is already running; the host
 * resolves it (its pinned range {@code [1.0,1.1)} of the system-control contract is on offer) and its
 * command answers.
 */
public class ExternalConsumerIT {

    private static final String MAVEN_INSTALL_FILE = "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aConsumerBuiltOutsideTheProjectRunsWhenHotDeployedIntoARunningHost() throws Exception {
        Path root = HalcyonScript.ROOT;
        Path repo = tmp.newFolder("api-repo").toPath();
        maven(root, "-o", "-q", "-N", MAVEN_INSTALL_FILE, "-Dfile=pom.xml", "-DpomFile=pom.xml", "-DlocalRepositoryPath=" + repo);
        maven(root, "-o", "-q", "-N", MAVEN_INSTALL_FILE, "-Dfile=" + apiJar(root), "-DpomFile=hal-api/pom.xml", "-DlocalRepositoryPath=" + repo);

        Path example = tmp.newFolder("external-example").toPath();
        for (String part : List.of("pom.xml", "bnd.bnd", "src")) {
            copyTree(root.resolve("consumers/external-example").resolve(part), example.resolve(part));
        }
        // Offline: plugins come from this build's local repository (as a file mirror), the API from the folder.
        Path settings = tmp.newFile("settings.xml").toPath();
        Files.writeString(settings, "<settings><mirrors><mirror><id>this-build</id><mirrorOf>*,!halcyon-api</mirrorOf><url>"
                + localRepository().toUri() + "</url></mirror></mirrors></settings>");
        maven(example, "-o", "-q", "package", "-s", settings.toString(), "-Dmaven.repo.local=" + tmp.newFolder("local").toPath(),
                "-Daether.offline.protocols=file", "-Dhalcyon.api.repo=" + repo.toUri());
        Path jar = example.resolve("target/identity-check-1.0.0.jar");
        try (JarFile built = new JarFile(jar.toFile())) {
            assertEquals("the pin the example's bnd.bnd declares", "io.halcyon.hal.api.sysctrl;version=\"[1.0,1.1)\"",
                    built.getManifest().getMainAttributes().getValue("Import-Package"));
        }

        Path deploy = tmp.newFolder("deploy").toPath();
        Path stderr = tmp.newFile("host.err").toPath();
        Process host = new HalcyonScript(tmp, Map.of("HALCYON_DEPLOY", deploy.toString())).start(stderr, "shell");
        try {
            BlockingQueue<String> lines = lines(host);
            assertNotNull("the host came up: " + Files.readString(stderr), await(lines, "Commands: help hal", 60));
            Files.copy(jar, deploy.resolve("identity-check.jar.part"));
            Files.move(deploy.resolve("identity-check.jar.part"), deploy.resolve("identity-check.jar"), StandardCopyOption.ATOMIC_MOVE);
            Writer in = new OutputStreamWriter(host.getOutputStream(), StandardCharsets.UTF_8);
            String answer = null;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (answer == null && System.nanoTime() < end) { // until FileInstall has installed and started it
                in.write("example:identity\n");
                in.flush();
                answer = await(lines, "example consumer: ", 2);
            }
            assertNotNull("the hot-deployed consumer answered: " + Files.readString(stderr), answer);
            assertTrue(answer, answer.matches(".*example consumer: chip 0x484c4359 gen 1 rev \\d+ caps 0x[0-9a-f]+ \\(generation 1\\)"));
            in.write("exit\n");
            in.flush();
            assertTrue("the host exits", host.waitFor(30, TimeUnit.SECONDS));
            assertEquals(Files.readString(stderr), 0, host.exitValue());
        } finally {
            host.destroyForcibly();
        }
    }

    private static Path apiJar(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("hal-api/target"))) {
            return files.filter(p -> p.getFileName().toString().matches("hal-api-[0-9.]+(-SNAPSHOT)?\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("hal-api is not built"));
        }
    }

    /** The local repository this build resolves from. */
    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private void maven(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn"));
        command.addAll(List.of(args));
        Path log = tmp.newFile().toPath();
        Process mvn = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue("mvn " + String.join(" ", args) + " within 5 minutes", mvn.waitFor(5, TimeUnit.MINUTES));
            assertEquals("mvn " + String.join(" ", args) + ":\n" + Files.readString(log), 0, mvn.exitValue());
        } finally {
            mvn.destroyForcibly();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
    }

    /** The process's stdout, line by line, as it comes. */
    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "host stdout");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The next line containing {@code text}, waiting at most {@code seconds}; null if none came. */
    private static String await(BlockingQueue<String> lines, String text, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line != null && line.contains(text)) {
                return line;
            }
        }
        return null;
    }
}
