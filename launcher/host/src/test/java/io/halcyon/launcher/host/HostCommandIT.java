package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The host as users run it: real processes, real Felix, the emulated chip, exit codes and messages. */
public class HostCommandIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private HostProcess.Result run(String... args) throws Exception {
        return HostProcess.run(tmp.getRoot().toPath(), null, args);
    }

    @Test
    public void mainJobDetectsTheChipAndListsBundlesWithVersions() throws Exception {
        HostProcess.Result r = run();
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().matches("(?s)Halcyon HAL ready in \\d+ ms.*"));
        assertTrue(r.stdout(), r.stdout().contains("platform      emulation"));
        assertTrue(r.stdout(), r.stdout().contains("chip 0x484c4359 gen 1 rev 1"));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*active\\s+io\\.halcyon\\.block\\.sysctrl\\s+\\d+\\.\\d+\\.\\d+.*"));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*active\\s+io\\.halcyon\\.platform\\.emulation\\s+\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    public void readDecodesFields() throws Exception {
        HostProcess.Result r = run("run", "hal:read sysctrl VERSION");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().startsWith("sysctrl.VERSION @ 0x00000004 = 0x00000101"));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*\\[15:8\\]\\s+GENERATION\\s+r\\s+0x01\\s+\\(1\\).*"));
    }

    @Test
    public void fieldWriteIsVisibleToTheNextRead() throws Exception {
        HostProcess.Result r = run("run", "hal:write sysctrl SCRATCH VALUE=0xbeef ; hal:read sysctrl SCRATCH");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().startsWith("sysctrl.SCRATCH @ 0x0000000c = 0x0000beef"));
    }

    @Test
    public void unknownBlockIsOneLineAndFails() throws Exception {
        HostProcess.Result r = run("run", "hal:read nosuch CHIP_ID");
        assertEquals(1, r.exitCode());
        assertEquals(1, r.stderrLines().size());
        assertEquals("halcyon: unknown block 'nosuch'; blocks: sysctrl", r.stderrLines().get(0));
    }

    @Test
    public void unknownRegisterNamesTheBlockAndItsRegisters() throws Exception {
        HostProcess.Result r = run("run", "hal:read sysctrl NOPE");
        assertEquals(1, r.exitCode());
        assertEquals(r.stderr(), 1, r.stderrLines().size());
        assertTrue(r.stderr(), r.stderr().startsWith("halcyon: unknown register 'NOPE' in block sysctrl; registers: CHIP_ID, VERSION"));
    }

    @Test
    public void tooWideValueIsRefusedWithTheAllowedRange() throws Exception {
        HostProcess.Result r = run("run", "hal:write sysctrl SCRATCH 0x100000000");
        assertEquals(1, r.exitCode());
        assertEquals("halcyon: value 0x100000000 too wide for sysctrl.SCRATCH: 32 bits, allowed 0x0..0xffffffff", r.stderrLines().get(0));
    }

    @Test
    public void usageErrorExitsTwo() throws Exception {
        assertEquals(2, run("frobnicate").exitCode());
    }

    @Test
    public void missingHotDeployDirectoryDegradesButRuns() throws Exception {
        Path missing = tmp.getRoot().toPath().resolve("absent");
        HostProcess.Result r = HostProcess.run(missing, null, "run", "hal:info");
        assertEquals(3, r.exitCode());
        assertTrue(r.stdout(), r.stdout().contains("chip 0x484c4359"));
        assertEquals(r.stderr(), 1, r.stderrLines().size());
        assertEquals("halcyon: hot-deploy directory " + missing + " does not exist; hot deploy is off", r.stderrLines().get(0));
    }

    @Test
    public void unresolvableDeployedBundleIsReportedOnceAndTheHostKeepsWorking() throws Exception {
        writeBundle(tmp.getRoot().toPath().resolve("broken.jar"), "broken.bundle", "does.not.exist");
        HostProcess.Result r = run("run", "hal:read sysctrl CHIP_ID");
        assertEquals(3, r.exitCode());
        assertTrue(r.stdout(), r.stdout().startsWith("sysctrl.CHIP_ID"));
        assertEquals(r.stderr(), 1, r.stderrLines().size());
        String line = r.stderrLines().get(0);
        assertTrue(line, line.startsWith("halcyon: hot deploy: bundle broken.bundle 1.0.0 (broken.jar) does not resolve: "));
        assertTrue(line, line.contains("osgi.wiring.package=does.not.exist"));
    }

    @Test
    public void shellSurvivesABadCommandAndRunsTheNextOne() throws Exception {
        HostProcess.Result r = HostProcess.run(tmp.getRoot().toPath(), "hal:read nosuch X\nhal:read sysctrl CHIP_ID\nexit\n", "shell");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout() + r.stderr(), (r.stdout() + r.stderr()).contains("unknown block 'nosuch'"));
        assertTrue(r.stdout(), r.stdout().contains("sysctrl.CHIP_ID @ 0x00000000 = 0x484c4359"));
    }

    private static void writeBundle(Path jar, String bsn, String importPackage) throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", importPackage);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            // a manifest is all a bundle needs to be installed
        }
    }
}
