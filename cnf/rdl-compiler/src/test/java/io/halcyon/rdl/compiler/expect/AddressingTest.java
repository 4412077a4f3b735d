package io.halcyon.rdl.compiler.expect;

import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.FieldNode;
import io.halcyon.rdl.compiler.model.MemNode;
import org.junit.Test;

import static io.halcyon.rdl.compiler.Models.addr;
import static io.halcyon.rdl.compiler.Models.field;
import static io.halcyon.rdl.compiler.Models.node;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

/** Expectations of the reference compiler's test_inferred_placement / packing tests. */
public class AddressingTest {

    private static ElaboratedModel packing(String top) {
        return Corpus.elaborate("systemrdl-compiler/rdl_src/address_packing.rdl", top);
    }

    @Test
    public void compactPacksRegistersToAccessWidth() {
        ElaboratedModel m = packing("example_5_1_2_2_2_ex1");
        assertEquals(0x0, addr(m, "example_5_1_2_2_2_ex1.a"));
        assertEquals(0x4, addr(m, "example_5_1_2_2_2_ex1.b"));
        assertEquals(0x0C, addr(m, "example_5_1_2_2_2_ex1.c[0]"));
        assertEquals(0x10, addr(m, "example_5_1_2_2_2_ex1.c[1]"));
        assertEquals(0x0C + 19 * 4, addr(m, "example_5_1_2_2_2_ex1.c[19]"));
    }

    @Test
    public void regalignAlignsToSize() {
        ElaboratedModel m = packing("example_5_1_2_2_2_ex3");
        assertEquals(0x0, addr(m, "example_5_1_2_2_2_ex3.a"));
        assertEquals(0x8, addr(m, "example_5_1_2_2_2_ex3.b"));
        assertEquals(0x10, addr(m, "example_5_1_2_2_2_ex3.c[0]"));
        assertEquals(0x14, addr(m, "example_5_1_2_2_2_ex3.c[1]"));
    }

    @Test
    public void fullalignAlignsArraysToTheirWholeSize() {
        ElaboratedModel m = packing("example_5_1_2_2_2_ex4");
        assertEquals(0x8, addr(m, "example_5_1_2_2_2_ex4.b"));
        assertEquals(0x80, addr(m, "example_5_1_2_2_2_ex4.c[0]"));
        assertEquals(0x84, addr(m, "example_5_1_2_2_2_ex4.c[1]"));
    }

    @Test
    public void explicitAndImpliedAddresses() {
        ElaboratedModel m = packing("example_5_1_2_5_ex1");
        assertEquals(0x0, addr(m, "example_5_1_2_5_ex1.example.a"));
        assertEquals(0x4, addr(m, "example_5_1_2_5_ex1.example.b"));
        assertEquals(0x8, addr(m, "example_5_1_2_5_ex1.example.c"));
        assertEquals(0x10, addr(m, "example_5_1_2_5_ex1.example.d"));
    }

    @Test
    public void strideAndAlignmentAllocators() {
        ElaboratedModel m = packing("example_5_1_2_5_ex3");
        assertEquals(0x24, addr(m, "example_5_1_2_5_ex3.example.a[9]"));
        assertEquals(0x100, addr(m, "example_5_1_2_5_ex3.example.b[0]"));
        assertEquals(0x110, addr(m, "example_5_1_2_5_ex3.example.b[1]"));
        assertEquals(0x190, addr(m, "example_5_1_2_5_ex3.example.b[9]"));
        assertEquals(0x200, addr(m, "example_5_1_2_5_ex3.example.c"));
    }

    @Test
    public void hierarchicalArraysMemoriesAndIspresent() {
        ElaboratedModel m = packing("hier");
        assertEquals(0x0, addr(m, "hier.x.a[0][0]"));
        assertEquals(0x38, addr(m, "hier.x.a[4][2]"));
        assertEquals(0x3C, addr(m, "hier.x.b[0]"));
        assertEquals(0x64, addr(m, "hier.x.c[0][0]"));
        // regfile x is 0x94 bytes: y is aligned to the next power of 2, its elements 0x94 apart
        assertEquals(0x100, addr(m, "hier.y[0]"));
        assertEquals(0x100 + 0x94, addr(m, "hier.y[1]"));
        assertEquals(0x100 + 3 * 0x94 + 0x64 + 4 * 11, addr(m, "hier.y[3].c[2][3]"));
        MemNode mem = (MemNode) node(m, "hier.z_mem");
        assertEquals(0x400, mem.absoluteAddress());
        assertEquals(256, mem.entries());
        assertEquals(1, m.memories().size());
        assertNull("ispresent=false instances are dropped", m.find("hier.hidden"));
        assertEquals("5*3 + 10 + 3*4 regs in x and in each of 4 y; hidden dropped; mem contents not listed", 37 * 5, m.registers().size());
    }

    @Test
    public void lsb0FieldPacking() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/field_packing.rdl", "example_10_7_2_lsb");
        assertBits(field(m, "example_10_7_2_lsb.regA.A"), 0, 0);
        assertBits(field(m, "example_10_7_2_lsb.regA.B"), 1, 3);
        assertBits(field(m, "example_10_7_2_lsb.regA.C"), 8, 15);
        assertBits(field(m, "example_10_7_2_lsb.regA.D"), 16, 20);
    }

    @Test
    public void msb0FieldPacking() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/field_packing.rdl", "example_10_7_2_msb");
        assertBits(field(m, "example_10_7_2_msb.regA.A"), 31, 31);
        assertBits(field(m, "example_10_7_2_msb.regA.B"), 28, 30);
        assertBits(field(m, "example_10_7_2_msb.regA.C"), 8, 15);
        assertBits(field(m, "example_10_7_2_msb.regA.D"), 3, 7);
    }

    @Test
    public void packingAroundExplicitFieldsIn16And32BitRegisters() {
        ElaboratedModel lsb = Corpus.elaborate("systemrdl-compiler/rdl_src/field_packing.rdl", "lsb_packing");
        for (String r : new String[] {"reg1", "reg2"}) {
            assertBits(field(lsb, "lsb_packing." + r + ".x"), 0, 0);
            assertBits(field(lsb, "lsb_packing." + r + ".y"), 6, 9);
            assertBits(field(lsb, "lsb_packing." + r + ".z"), 10, 12);
            assertBits(field(lsb, "lsb_packing." + r + ".zz"), 13, 14);
        }
        ElaboratedModel msb = Corpus.elaborate("systemrdl-compiler/rdl_src/field_packing.rdl", "msb_packing");
        assertBits(field(msb, "msb_packing.reg1.x"), 31, 31);
        assertBits(field(msb, "msb_packing.reg2.x"), 15, 15);
        for (String r : new String[] {"reg1", "reg2"}) {
            assertBits(field(msb, "msb_packing." + r + ".y"), 6, 9);
            assertBits(field(msb, "msb_packing." + r + ".z"), 3, 5);
            assertBits(field(msb, "msb_packing." + r + ".zz"), 1, 2);
        }
    }

    @Test
    public void lowHighRangesImplyMsb0PackingInARegister() {
        ElaboratedModel m = Corpus.elaborate("peakrdl-regblock/test_read_buffer.rdl", null);
        assertBits(field(m, "top.reg1_msb0.f1"), 28, 30);
        assertBits(field(m, "top.reg1_msb0.f2"), 25, 27);
        assertBits(field(m, "top.reg1_msb0.fa"), 1, 3);
        assertBits(field(m, "top.reg1.fa"), 27, 29);
    }

    static void assertBits(FieldNode f, int lsb, int msb) {
        assertEquals(f.path() + " lsb", lsb, f.lsb());
        assertEquals(f.path() + " msb", msb, f.msb());
    }
}
