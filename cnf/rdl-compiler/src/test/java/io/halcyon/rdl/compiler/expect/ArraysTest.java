package io.halcyon.rdl.compiler.expect;

import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.RegNode;
import org.junit.Test;

import java.util.List;

import static io.halcyon.rdl.compiler.Models.addr;
import static io.halcyon.rdl.compiler.Models.field;
import static io.halcyon.rdl.compiler.Models.reg;
import static org.junit.Assert.assertEquals;

/** Array expectations, from PeakRDL-regblock's test_structural_sw_rw and test_pipelined_cpuif benches. */
public class ArraysTest {

    @Test
    public void multiDimensionalArrayWithStride() {
        ElaboratedModel m = Corpus.elaborate("peakrdl-regblock/test_structural_sw_rw.rdl", null);
        // r1[2][3][4] @0x10 += 8: row-major, 8 bytes apart
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    String p = "regblock.r1[" + i + "][" + j + "][" + k + "]";
                    assertEquals(p, 0x10 + ((i * 3 + j) * 4 + k) * 8, addr(m, p));
                    assertEquals(List.of(i, j, k), reg(m, p).arrayIndices());
                }
            }
        }
        assertEquals(0x1000, addr(m, "regblock.r2"));
    }

    @Test
    public void nestedRegfileArrays() {
        ElaboratedModel m = Corpus.elaborate("peakrdl-regblock/test_structural_sw_rw.rdl", null);
        assertEquals(0x2000, addr(m, "regblock.sub2[0].r1[0]"));
        assertEquals(0x200C, addr(m, "regblock.sub2[0].r1[3]"));
        assertEquals(0x2040 + 0x10 + 0x10 + 0x8, addr(m, "regblock.sub2[1].sub[1].r2[1]"));
        assertEquals(0x2040 + 0x30 + 0xC, addr(m, "regblock.sub2[1].r2[3]"));
        assertEquals(0x2080, addr(m, "regblock.r3"));
        assertEquals(4, field(m, "regblock.sub2[1].sub[0].r3.x").lsb());
        assertEquals(7, field(m, "regblock.sub2[1].sub[0].r3.x").msb());
    }

    @Test
    public void dynamicAssignmentOnOneElementOnly() {
        ElaboratedModel m = Corpus.elaborate("peakrdl-regblock/test_structural_sw_rw.rdl", null);
        assertEquals(Long.valueOf(0x42), field(m, "regblock.r0.a").reset());
        assertEquals(Long.valueOf(0x23), field(m, "regblock.r1[0][0][0].a").reset());
        assertEquals(Long.valueOf(0x11), field(m, "regblock.r2.a").reset());
        // register reset combines a = 0x23, b = 0, c[31] = 1
        assertEquals(0x80000023L, reg(m, "regblock.r1[1][2][3]").reset());
    }

    @Test
    public void registersAreListedElementByElementInAddressOrder() {
        ElaboratedModel m = Corpus.elaborate("peakrdl-regblock/test_pipelined_cpuif.rdl", null);
        List<RegNode> regs = m.registers();
        assertEquals(64, regs.size());
        for (int i = 0; i < 64; i++) {
            assertEquals("regblock.x[" + i + "]", regs.get(i).path());
            assertEquals(4L * i, regs.get(i).absoluteAddress());
        }
    }

    @Test
    public void arrayOfParameterisedRegisters() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/parameters.rdl", "myAmap");
        assertEquals(8, m.registers().stream().filter(r -> r.instName().equals("reg32_arr")).count());
        assertEquals(4, addr(m, "myAmap.reg32_arr[0]"));
        assertEquals(4 + 7 * 4, addr(m, "myAmap.reg32_arr[7]"));
    }
}
