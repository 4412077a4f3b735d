package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Semantic versioning is enforced by the build: hal-api is baselined against the release committed
 * in cnf/releases. Each case builds a scratch copy of the workspace (root pom reduced to hal-api,
 * bnd.bnd, cnf/, .mvn/) with real Maven, after applying a change to the API.
 */
public class ApiBaselineTest {

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static final Path ROOT = Path.of(System.getProperty("halcyon.root", "..")).toAbsolutePath().normalize();
    private static final String PLATFORM_INFO = "hal-api/src/main/java/io/halcyon/hal/api/platform/PlatformInfo.java";
    private static final String PLATFORM_PACKAGE = "hal-api/src/main/java/io/halcyon/hal/api/platform/package-info.java";

    record Build(int exitCode, String output) {}

    @BeforeClass
    public static void releaseIsCommitted() {
        assertTrue("no API release to baseline against in " + ROOT.resolve("cnf/releases"),
                Files.isDirectory(ROOT.resolve("cnf/releases/io/halcyon/hal-api")));
    }

    @Test
    public void unchangedApiPasses() throws Exception {
        Build b = build(workspace("unchanged"));
        assertEquals(b.output(), 0, b.exitCode());
        assertTrue("compared with the committed release: " + b.output(),
                b.output().matches("(?s).*Baseline bundle \\S+hal-api-\\S+\\.jar against baseline \\S+hal-api-\\d+\\.\\d+\\.\\d+\\.jar.*"));
    }

    @Test
    public void methodAddedToProviderTypeWithoutMinorBumpFails() throws Exception {
        Path ws = workspace("unbumped");
        addMethodToPlatformInfo(ws);
        Build b = build(ws);
        assertNotEquals(b.output(), 0, b.exitCode());
        assertTrue(b.output(), b.output().contains("Baseline problems detected"));
        // The report names the package, the change, its declared and released versions and the version it needs.
        assertTrue(b.output(), b.output().matches("(?s).*\\* io\\.halcyon\\.hal\\.api\\.platform\\s+PACKAGE\\s+MINOR\\s+1\\.0\\.0\\s+1\\.0\\.0\\s+1\\.1\\.0.*"));
    }

    @Test
    public void methodAddedWithTheMinorBumpPasses() throws Exception {
        Path ws = workspace("bumped");
        addMethodToPlatformInfo(ws);
        Path pkg = ws.resolve(PLATFORM_PACKAGE);
        String text = Files.readString(pkg);
        assertTrue(text, text.contains("Version(\"1.0.0\")"));
        Files.writeString(pkg, text.replace("Version(\"1.0.0\")", "Version(\"1.1.0\")"));
        Build b = build(ws);
        assertEquals(b.output(), 0, b.exitCode());
    }

    private static void addMethodToPlatformInfo(Path ws) throws IOException {
        Path src = ws.resolve(PLATFORM_INFO);
        String text = Files.readString(src);
        int end = text.lastIndexOf('}');
        Files.writeString(src, text.substring(0, end) + "    int pcieLanes();\n}\n");
    }

    /** A copy of the workspace holding only what building hal-api needs; the reactor lists hal-api alone. */
    private static Path workspace(String name) throws IOException {
        Path ws = tmp.newFolder(name).toPath();
        for (String part : List.of("pom.xml", "bnd.bnd", ".mvn", "hal-api/pom.xml", "hal-api/bnd.bnd", "hal-api/src")) {
            copy(ROOT.resolve(part), ws.resolve(part));
        }
        try (Stream<Path> cnf = Files.list(ROOT.resolve("cnf"))) {
            for (Path p : cnf.toList()) {
                if (Files.isRegularFile(p) || p.getFileName().toString().equals("releases")) {
                    copy(p, ws.resolve("cnf").resolve(p.getFileName()));
                }
            }
        }
        Path pom = ws.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replaceAll("(?s)<modules>.*?</modules>", "<modules><module>hal-api</module></modules>"));
        return ws;
    }

    private static Build build(Path ws) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-DskipTests", "verify"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            cmd.add("-Dmaven.repo.local=" + repo);
        }
        Path log = ws.resolve("build.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ws.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("nested build did not finish in 5 minutes");
        }
        return new Build(p.exitValue(), Files.readString(log));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
