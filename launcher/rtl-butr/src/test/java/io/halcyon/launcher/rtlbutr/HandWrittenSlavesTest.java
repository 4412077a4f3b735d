package io.halcyon.launcher.rtlbutr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * rtl-butr on register blocks the project did not generate: two slaves written by hand from the shared
 * corpus (src/test/resources/slaves), one behind APB4 with packed-struct hardware inputs, one behind
 * AXI4-Lite; each passes against its description, and a mutant of each fails naming the bit.
 */
public class HandWrittenSlavesTest {

    private static final String APB_PACKAGE = "hw_access_pkg.sv";
    private static final String APB = "hw_access_apb.sv";
    private static final String AXI = "onread_onwrite_axil.sv";

    static RtlButrRun apb(Path slave, Object... more) {
        return run("test_hw_access.rdl", List.of(RtlButrRun.SLAVES.resolve(APB_PACKAGE), slave), "hw_access_apb", "apb4", more);
    }

    static RtlButrRun axi(Path slave, Object... more) {
        return run("test_onread_onwrite.rdl", List.of(slave), "onread_onwrite_axil", "axi4-lite", more);
    }

    private static RtlButrRun run(String rdl, List<Path> rtl, String top, String bus, Object... more) {
        List<Object> args = new ArrayList<>(List.of("--rdl", RtlButrRun.REGBLOCK.resolve(rdl), "--rtl"));
        args.addAll(rtl);
        args.addAll(List.of("--top", top, "--bus", bus));
        args.addAll(List.of(more));
        return RtlButrRun.of(args.toArray());
    }

    @Test
    public void theApb4SlavePassesAndSaysWhichAssumptionMadeWhichFieldsTestable() throws Exception {
        Path junit = Files.createDirectories(Path.of("target/junit")).resolve("hw_access_apb.xml");
        RtlButrRun run = apb(RtlButrRun.SLAVES.resolve(APB), "--junit", junit);
        assertEquals(run.out + run.err, 0, run.exit);
        assertTrue(run.out, run.out.contains("clock pclk, reset presetn (active low), 1 hardware-side inputs held at zero"));
        assertTrue(run.out, run.out.contains("  we held at 0: r1.f, r2.f\n"));
        assertTrue(run.out, run.out.contains("  hwset held at 0: r1.f, r2.f\n"));
        assertTrue(run.out, run.out.contains("  we (signal top.r5.f_we) held at 0: r5.f\n"));
        assertTrue(run.out, run.out.contains("  r3.f: we = top.hw_ctrl.hw_we: driven by the design, not by an input\n"));
        assertTrue(run.out, run.out.contains("  r4.f: wel = top.hw_ctrl.hw_wel: driven by the design, not by an input\n"));
        assertTrue(run.out, run.out.contains("rtl-butr: PASSED"));
        String xml = Files.readString(junit);
        assertTrue(xml, xml.contains("name=\"top.r5.f[7]\"") && xml.contains("name=\"top.r1.f\"") && !xml.contains("<failure"));
    }

    @Test
    public void anApb4MutantThatDropsABitFailsNamingIt() throws Exception {
        Path mutant = RtlButrRun.mutant("hw_mask_bit11", APB, "if (pstrb[1]) hw_mask <= pwdata[15:8];",
                "if (pstrb[1]) hw_mask <= {pwdata[15:12], 1'b0, pwdata[10:8]};");
        RtlButrRun run = apb(mutant);
        assertEquals(run.out + run.err, 1, run.exit);
        assertTrue(run.out, run.out.contains("rtl-butr: FAILED, 1 of "));
        assertTrue(run.out, run.out.contains("first: top.hw_ctrl.hw_mask[11] bit-bash failed: after writing bit 11 = 1"));
    }

    @Test
    public void theAxi4LiteSlavePasses() {
        RtlButrRun run = axi(RtlButrRun.SLAVES.resolve(AXI));
        assertEquals(run.out + run.err, 0, run.exit);
        assertTrue(run.out, run.out.contains("axi4-lite slave, 4-bit address, clock clk, reset rst (active high)"));
        assertTrue(run.out, run.out.matches("(?s).*side-effects +10 +0 +0\n.*"));
        assertTrue(run.out, run.out.contains("rtl-butr: PASSED"));
    }

    @Test
    public void anAxi4LiteMutantWhoseWriteOneToClearStoresFailsNamingTheBit() throws Exception {
        Path mutant = RtlButrRun.mutant("woclr_as_rw", AXI, "r2_f2 <= r2_f2 & ~(d[7:4] & be[7:4]);",
                "r2_f2 <= (r2_f2 & ~be[7:4]) | (d[7:4] & be[7:4]);");
        RtlButrRun run = axi(mutant);
        assertEquals(run.out + run.err, 1, run.exit);
        assertTrue(run.out, run.out.contains("first: top.r2.f2[4] side-effects failed: woclr after writing 1"));
    }
}
