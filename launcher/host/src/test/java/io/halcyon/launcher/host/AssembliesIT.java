package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The assemblies as the build exported them (target/export/NAME/): the main host carries no test
 * tooling, the soak host is the main host plus the soak, and the verification host the main host plus the
 * verification platform, nothing else; the production host has the web console (off unless asked for), the
 * QEMU guest's host does not.
 */
public class AssembliesIT {

    private static final String SOAK = "io.halcyon.launcher.soak";
    private static final String CONSOLE = "io.halcyon.launcher.webconsole";
    private static final String JETTY = "org.apache.felix.http.jetty";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theMainHostCarriesNoTestTooling() throws IOException {
        Set<String> main = symbolicNames(Assembly.MAIN);
        assertTrue("what a server runs: " + main, main.containsAll(List.of("io.halcyon.platform.emulation",
                "io.halcyon.block.sysctrl", "io.halcyon.consumers.training", "io.halcyon.launcher.update")));
        assertFalse("the soak (javac at run time, jar rewriting) in the main host: " + main, main.contains(SOAK));
    }

    @Test
    public void theVerificationHostIsTheMainHostPlusTheVerificationPlatform() throws IOException {
        Set<String> expected = new TreeSet<>(symbolicNames(Assembly.MAIN));
        expected.add("io.halcyon.platform.verification");
        assertEquals(expected, symbolicNames("verification"));
        assertFalse(symbolicNames(Assembly.MAIN).contains("io.halcyon.platform.verification"));
    }

    @Test
    public void theSoakHostIsTheMainHostPlusTheSoak() throws IOException {
        Set<String> expected = new TreeSet<>(symbolicNames(Assembly.MAIN));
        expected.add(SOAK);
        assertEquals(expected, symbolicNames("soak"));
    }

    @Test
    public void theMainHostHasNoSoakCommand() throws Exception {
        HostProcess.Result r = HostProcess.run(tmp.getRoot().toPath(), null, "run", "hal:soak --updates 1");
        assertEquals(r.stderr(), 1, r.exitCode());
        assertEquals(List.of("halcyon: Command not found: hal:soak"), r.stderrLines());
    }

    @Test
    public void theProductionHostHasTheWebConsoleOffUnlessAskedFor() throws IOException {
        Set<String> production = symbolicNames("production");
        assertTrue(production.toString(), production.containsAll(List.of(CONSOLE, JETTY)));
        Properties p = properties("production");
        assertEquals("off unless HALCYON_CONSOLE says otherwise", "false", p.getProperty("org.apache.felix.http.enable"));
        assertEquals("loopback only", "127.0.0.1", p.getProperty("org.apache.felix.http.host"));
    }

    @Test
    public void theQemuGuestsHostIsTheProductionHostWithoutTheConsolePlusTheEmulationAndItsTestCommands() throws IOException {
        Set<String> production = symbolicNames("production");
        Set<String> guest = symbolicNames("hitl-qemu");
        Set<String> added = new TreeSet<>(guest);
        added.removeAll(production);
        assertEquals(Set.of("io.halcyon.platform.emulation", "io.halcyon.launcher.hitl"), added);
        Set<String> left = new TreeSet<>(production);
        left.removeAll(guest);
        assertEquals("the console and what only it needs", Set.of(CONSOLE, JETTY, "org.apache.felix.http.servlet-api"), left);
        assertTrue("no HTTP properties in the guest: " + properties("hitl-qemu"),
                properties("hitl-qemu").stringPropertyNames().stream().noneMatch(k -> k.contains(".http.")));
    }

    private static Properties properties(String assembly) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(HostProcess.HOME.resolve("export").resolve(assembly + ".properties"))) {
            p.load(in);
        }
        return p;
    }

    /** Bundle-SymbolicName of every jar the assembly's folder holds. */
    private static Set<String> symbolicNames(String assembly) throws IOException {
        Path folder = HostProcess.HOME.resolve("export").resolve(assembly);
        Set<String> names = new TreeSet<>();
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    names.add(file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim());
                }
            }
        }
        assertFalse("no bundles in " + folder, names.isEmpty());
        return names;
    }
}
