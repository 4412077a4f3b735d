package io.halcyon.rdl.rtl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.MemorySpec;
import io.halcyon.platform.chipmodel.RegisterSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The RTL generator's table of field kinds, its refusals, and (where Verilator is installed) its output linted. */
public class RtlGenerationTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static FieldSpec field(String name, int lsb, int width, String sw, String hw, String onRead, String onWrite, boolean pulse,
            FieldSpec.Counter counter) {
        return new FieldSpec(name, lsb, width, 0L, sw, hw, onRead, onWrite, pulse, counter == null ? null : 0xFFL, null, counter, null);
    }

    private static RegisterSpec reg(String path, long offset, int width, String aliasOf, FieldSpec... fields) {
        return new RegisterSpec(path, offset, width, width, false, aliasOf, false, List.of(fields));
    }

    private static ChipModel chip(RegisterSpec... registers) {
        return chip(List.of(), registers);
    }

    private static ChipModel chip(List<MemorySpec> memories, RegisterSpec... registers) {
        BlockType blk = new BlockType("blk", "io.halcyon.block.blk", "test block", 0x400, List.of(registers), memories);
        return new ChipModel("testchip", "test", List.of(new BlockInstance("b0", blk, 0x1000)), List.of());
    }

    private static ChipModel everyKind() {
        return chip(List.of(new MemorySpec("RING", 0x200, 16, 32, 4, "rw", true, null)),
                reg("CTRL", 0x0, 32, null, field("GO", 0, 1, "rw", "r", null, null, true, null),
                        field("MODE", 4, 4, "rw", "r", null, null, false, null), field("WO", 8, 8, "w", "r", null, null, false, null)),
                reg("STATUS", 0x4, 32, null, field("DONE", 0, 1, "rw", "w", null, "woclr", false, null),
                        field("SET", 1, 1, "rw", "na", null, "woset", false, null), field("TOG", 2, 1, "rw", "na", null, "wot", false, null),
                        field("ZC", 3, 1, "rw", "na", null, "wzc", false, null), field("ZS", 4, 1, "rw", "na", null, "wzs", false, null),
                        field("ZT", 5, 1, "rw", "na", null, "wzt", false, null), field("CLR", 6, 1, "rw", "na", null, "wclr", false, null),
                        field("ALL", 7, 1, "rw", "na", null, "wset", false, null)),
                reg("EVENTS", 0x8, 32, null, field("COUNT", 0, 8, "r", "w", "rclr", null, false, new FieldSpec.Counter(1, 1, null, null)),
                        field("FLAG", 8, 1, "r", "w", "rset", null, false, null)),
                reg("ID", 0xC, 32, null, field("VALUE", 0, 32, "r", "na", null, null, false, null)),
                reg("WIDE", 0x10, 64, null, field("ADDR", 0, 64, "rw", "r", null, null, false, null)));
    }

    @Test
    public void eachFieldKindIsOneRegularBlockOfLogic() throws Exception {
        Path out = tmp.getRoot().toPath();
        List<String> files = RtlGeneration.write(List.of(everyKind()), out);
        assertTrue(files.toString(), files.containsAll(List.of("halcyon_blk_regs.sv", "testchip_core.sv", "testchip_apb4.sv",
                "testchip_axi4lite.sv", "testchip_binding.h", "testchip.f", "halcyon_apb4_slave.sv", "halcyon_axi4lite_slave.sv")));
        String sv = Files.readString(out.resolve("halcyon_blk_regs.sv"));
        assertTrue("woclr, on the value the hardware loads in the same cycle", sv.contains(
                "STATUS_DONE_q <= (hwi_STATUS_DONE_we ? hwi_STATUS_DONE_next : STATUS_DONE_q) & ~(wr_data[0:0] & wr_biten[0:0]);"));
        assertTrue("wzc", sv.contains("if (|wr_biten[3:3]) STATUS_ZC_q <= STATUS_ZC_q & (wr_data[3:3] | ~wr_biten[3:3]);"));
        assertTrue("wclr", sv.contains("if (|wr_biten[6:6]) STATUS_CLR_q <= '0;"));
        assertTrue("rclr and rset, under the read of EVENTS",
                sv.contains("if (sel[2]) begin  // EVENTS\n                    EVENTS_COUNT_q <= '0;\n                    EVENTS_FLAG_q <= '1;"));
        assertTrue("singlepulse falls back to 0", sv.contains("            CTRL_GO_q <= '0;\n"));
        assertTrue("saturating counter", sv.contains("+ {1'b0, hwi_EVENTS_COUNT_incrvalue}) > 9'hff ? 8'hff : 8'("));
        assertTrue("hardware load", sv.contains("if (hwi_STATUS_DONE_we) STATUS_DONE_q <= hwi_STATUS_DONE_next;"));
        assertTrue("software after hardware: software wins", sv.indexOf("if (hwi_STATUS_DONE_we) STATUS_DONE_q")
                < sv.indexOf("if (|wr_biten[0:0]) STATUS_DONE_q"));
        assertTrue("constant: no flop", sv.contains("assign ID_VALUE_q = RESET_ID_VALUE;"));
        assertTrue("write-only reads 0", sv.contains("if (sel[0]) rdmux = {24'h0, CTRL_MODE_q, 3'h0, CTRL_GO_q};  // CTRL"));
        assertTrue("decode", sv.contains("10'h10: sel[4] = 1'b1;  // WIDE (low word)"));
        assertTrue("64-bit latch", sv.contains("r_WIDE_latch <= WIDE_ADDR_q[63:32];")
                && sv.contains("if (sel[5]) rdmux = r_WIDE_latch;  // WIDE (high word)"));
        assertTrue("external memory", sv.contains("ext_RING_req <= !rst && ext_RING_hit;"));
        String core = Files.readString(out.resolve("testchip_core.sv"));
        assertTrue("window decode", core.contains("assign b0_sel = cpuif_addr[31:10] == 22'h4;"));
        assertTrue("unmapped answers with an error", core.contains("assign cpuif_err = unmapped || b0_err;"));
        String binding = Files.readString(out.resolve("testchip_binding.h"));
        assertTrue(binding.contains("hw.field(\"b0\", \"STATUS.DONE\", 1, Port(&top->hwo_b0_STATUS_DONE), Port(&top->hwi_b0_STATUS_DONE_next)"));
    }

    @Test
    public void theGeneratedRtlLintsCleanWithVerilator() throws Exception {
        assumeTrue("verilator is installed", Files.isExecutable(Path.of("/usr/bin/verilator")));
        Path out = tmp.getRoot().toPath();
        RtlGeneration.write(List.of(everyKind()), out);
        for (String top : new String[] {"testchip_apb4", "testchip_axi4lite"}) {
            List<String> command = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "-Wno-UNUSEDSIGNAL", "-Wno-UNUSEDPARAM",
                    "-Wno-DECLFILENAME", "--top-module", top));
            command.addAll(Files.readAllLines(out.resolve("testchip.f")));
            Process p = new ProcessBuilder(command).directory(out.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(output, 0, p.waitFor());
        }
    }

    @Test
    public void whatTheGeneratorDoesNotImplementFailsNamingBlockRegisterAndFeature() {
        UnsupportedRtlException alias = assertThrows(UnsupportedRtlException.class, () -> RtlGeneration.write(List.of(chip(
                reg("A", 0, 32, null, field("V", 0, 32, "rw", "r", null, null, false, null)),
                reg("ALIAS", 4, 32, "A", field("V", 0, 32, "rw", "r", null, null, false, null)))), tmp.getRoot().toPath()));
        assertEquals("blk.ALIAS: alias registers are not supported by the RTL generator", alias.getMessage());
        UnsupportedRtlException once = assertThrows(UnsupportedRtlException.class, () -> RtlGeneration.write(List.of(chip(
                reg("A", 0, 32, null, field("V", 0, 32, "w1", "r", null, null, false, null)))), tmp.getRoot().toPath()));
        assertEquals("blk.A.V: sw = w1 (write-once) is not supported by the RTL generator", once.getMessage());
        UnsupportedRtlException memory = assertThrows(UnsupportedRtlException.class, () -> RtlGeneration.write(List.of(chip(
                List.of(new MemorySpec("M", 0x100, 4, 32, 4, "rw", false, null)), reg("A", 0, 32, null,
                        field("V", 0, 32, "rw", "r", null, null, false, null)))), tmp.getRoot().toPath()));
        assertTrue(memory.getMessage(), memory.getMessage().startsWith("blk.M: a memory inside the register block is not supported"));
    }
}
