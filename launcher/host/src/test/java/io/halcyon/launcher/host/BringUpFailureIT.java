package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Bring-up on the emulated chip when the hardware does not respond: it stops at the failing step
 * with one line naming the step, the register and the value seen (faults injected with emu:fault).
 */
public class BringUpFailureIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private HostProcess.Result run(String command) throws Exception {
        return HostProcess.run(tmp.getRoot().toPath(), null, "run", command);
    }

    @Test
    public void aPllThatNeverLocksStopsBringUpAtPllLockNamingStatusRegisterAndValue() throws Exception {
        HostProcess.Result r = run("emu:fault pll-never-locks CORE ; hal:bringup");
        assertEquals(r.stdout(), 1, r.exitCode());
        assertEquals(r.stderr(), 1, r.stderrLines().size());
        String line = r.stderrLines().get(0);
        assertTrue(line, line.contains("step pll-lock"));
        assertTrue(line, line.contains("clkrst.CORE_PLL_STATUS"));
        assertTrue(line, line.contains("last value 0x00000000 at 0x00010004"));
    }

    @Test
    public void failedHbmTrainingStopsBringUpAtHbmTrainingNamingStatusAndValue() throws Exception {
        HostProcess.Result r = run("emu:fault hbm-training-fails ; hal:bringup");
        assertEquals(r.stdout(), 1, r.exitCode());
        assertEquals(r.stderr(), 1, r.stderrLines().size());
        String line = r.stderrLines().get(0);
        assertTrue(line, line.contains("step hbm-training"));
        // FAILED is bit 2 of hbm.STATUS: the value seen says so.
        assertTrue(line, line.contains("hbm.STATUS=0x00000004"));
    }
}
