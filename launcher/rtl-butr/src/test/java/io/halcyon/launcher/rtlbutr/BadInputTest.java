package io.halcyon.launcher.rtlbutr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import org.junit.Test;

/**
 * What rtl-butr says of bad input: each a clear error naming the file, signal or register, exit code 1
 * (2 for usage), no hang and no simulator left behind ({@link RtlButrRun} checks that after every run).
 */
public class BadInputTest {

    private static final String AXI = "onread_onwrite_axil.sv";

    @Test
    public void rtlThatDoesNotParseIsReportedWithVerilatorsFileAndLine() throws Exception {
        Path broken = RtlButrRun.mutant("syntax_error", AXI, "    logic [31:0] be;\n", "    logic [31:0] be\n");
        RtlButrRun run = HandWrittenSlavesTest.axi(broken);
        assertEquals(run.err, 1, run.exit);
        assertTrue(run.err, run.err.startsWith("rtl-butr: RTL of onread_onwrite_axil does not elaborate:\n%Error: "));
        assertTrue(run.err, run.err.contains(broken.toAbsolutePath() + ":43:"));
    }

    @Test
    public void aTopWithoutTheBusSignalNamesIt() throws Exception {
        Path noReady = RtlButrRun.mutant("no_pready", "hw_access_apb.sv", "output logic        pready,", "output logic        p_ready,");
        RtlButrRun run = HandWrittenSlavesTest.apb(noReady);
        assertEquals(run.err, 1, run.exit);
        assertTrue(run.err, run.err.startsWith("rtl-butr: top module hw_access_apb has no apb4 pready port: looked for pready (no prefix)"));
    }

    @Test
    public void aDescriptionBeyondTheRtlsAddressWidthIsRefused() {
        RtlButrRun run = RtlButrRun.of("--rdl", RtlButrRun.REGBLOCK.resolve("test_hw_access.rdl"), "--rtl", RtlButrRun.SLAVES.resolve(AXI),
                "--top", "onread_onwrite_axil", "--bus", "axi4-lite");
        assertEquals(run.err, 1, run.exit);
        assertTrue(run.err, run.err.contains("the description does not match the RTL: register r4 at 0x10 is beyond the 4-bit address of the RTL"));
    }

    @Test
    public void aRunThatWouldCheckNothingFails() {
        RtlButrRun run = RtlButrRun.of("--rdl", RtlButrRun.DESCRIPTIONS.resolve("nothing_testable.rdl"), "--rtl", RtlButrRun.SLAVES.resolve(AXI),
                "--top", "onread_onwrite_axil", "--bus", "axi4-lite");
        assertEquals(run.err, 1, run.exit);
        assertTrue(run.err, run.err.contains("nothing to check: the description leaves every check of nothing_testable out"));
    }

    @Test
    public void aSlaveThatNeverAnswersIsABusTimeoutInCycles() throws Exception {
        Path silent = RtlButrRun.mutant("never_answers", AXI, "                s_axil_rvalid <= 1'b1;\n",
                "                s_axil_rvalid <= s_axil_araddr != 4'h8;\n");
        RtlButrRun run = HandWrittenSlavesTest.axi(silent);
        assertEquals(run.out + run.err, 1, run.exit);
        assertTrue(run.out, run.out.contains("bus timeout at 0x00000008 (read32 (no response from the slave within 1000 cycles))"));
    }

    @Test
    public void aSimulatorThatDiesMidRunIsNamedWithItsLastWords() throws Exception {
        Path dying = RtlButrRun.mutant("dies", AXI, "            if (take_read) begin\n",
                "            if (take_read && s_axil_araddr == 4'hC) $fatal(1, \"rtl-butr test: dies reading r4\");\n            if (take_read) begin\n");
        RtlButrRun run = HandWrittenSlavesTest.axi(dying);
        assertEquals(run.out + run.err, 1, run.exit);
        assertTrue(run.err, run.err.matches("(?s)rtl-butr: the simulator \\(pid \\d+\\) died during the run:\n"
                + "\\[0\\] %Error: onread_onwrite_axil.sv:\\d+: Assertion failed in [^:]+: rtl-butr test: dies reading r4\n.*"));
    }

    @Test
    public void usageErrorsExitWithTwo() {
        assertEquals(2, RtlButrRun.of().exit);
        assertEquals(2, RtlButrRun.of("--rdl", "x.rdl", "--rtl", "x.sv", "--top", "x", "--bus", "pci").exit);
    }
}
