package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code halcyon run 'hal:butr --all'} through the assembled host: the clean emulated chip passes and
 * the JUnit XML is written; with a fault injected from the shell the run exits 1 and stderr names the
 * register, field and bit.
 */
public class ButrCommandIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theCleanChipPassesAndJUnitXmlIsWritten() throws Exception {
        Path xml = tmp.getRoot().toPath().resolve("butr.xml");
        HostProcess.Result r = HostProcess.run(tmp.newFolder("deploy").toPath(), null, "run",
                "hal:butr --all --junit " + xml);
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().contains("total"));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*total\\s+\\d+\\s+0\\s+\\d+.*"));
        assertTrue(Files.readString(xml).contains("<testsuites name=\"halcyon-butr\""));
    }

    @Test
    public void hitlExitsFiveWhenAConfiguredPlatformDidNotRun() throws Exception {
        HostProcess.Result r = HostProcess.run(tmp.newFolder("deploy").toPath(), null, "run", "hal:hitl sysctrl");
        assertEquals(r.stderr(), HalcyonHost.PLATFORM_NOT_RUN, r.exitCode());
        assertEquals(r.stderr(), List.of("halcyon: HITL: 2 of 3 configured platforms did not run (verification, production: not attached to "
                + "this host; their checks are reported skipped); --attached-only tests the attached platforms only"), r.stderrLines());
        assertTrue("the table still shows every configured platform: " + r.stdout(), r.stdout().contains("PRODUCTION P/F/S"));
    }

    @Test
    public void hitlOnTheAttachedPlatformsOnlyPasses() throws Exception {
        HostProcess.Result r = HostProcess.run(tmp.newFolder("deploy").toPath(), null, "run", "hal:hitl sysctrl --attached-only");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().contains("EMULATION P/F/S") && !r.stdout().contains("PRODUCTION"));
    }

    @Test
    public void nonDestructiveRegisterTestsListWhatTheyLeaveOut() throws Exception {
        HostProcess.Result r = HostProcess.run(tmp.newFolder("deploy").toPath(), null, "run", "hal:hitl --all --mode non-destructive --attached-only");
        assertEquals(r.stderr(), 0, r.exitCode());
        // Bit bash, side effects and aliasing write: reported skipped, not left out.
        for (String suite : List.of("bit-bash", "side-effects", "aliasing")) {
            assertTrue(suite + " in\n" + r.stdout(), r.stdout().matches("(?s).*\\n" + suite + " +0/0/[1-9]\\d*.*"));
        }
    }

    @Test
    public void anInjectedFaultFailsTheRunNamingTheBit() throws Exception {
        HostProcess.Result r = HostProcess.run(tmp.newFolder("deploy").toPath(), null, "run",
                "emu:fault stuck-at 0x0000000c 3 1; hal:butr --all");
        assertEquals(r.stdout(), 1, r.exitCode());
        assertEquals(r.stderr(), 1, r.stderrLines().size());
        assertTrue(r.stderr(), r.stderr().contains("sysctrl.SCRATCH.VALUE[3]"));
    }
}
