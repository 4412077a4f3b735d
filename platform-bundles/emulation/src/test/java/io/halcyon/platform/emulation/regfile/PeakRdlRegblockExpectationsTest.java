package io.halcyon.platform.emulation.regfile;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/**
 * The bus behaviour PeakRDL-regblock's own testbenches (tests/test_NAME/tb_template.sv) expect of the
 * corpus descriptions, replayed against the emulation's model. cpuif.write/assert_read become
 * software accesses of the testbench's bus width; hwif_in.next with we/wel becomes a hardware write
 * through a FieldHandle; hwif_out.value becomes FieldHandle.get() (the model has no clock, so a value
 * without a write enable is simply not written).
 */
public class PeakRdlRegblockExpectationsTest {

    @Test
    public void fieldTypes() {
        RegisterFileModel m = Rdl.regblock("test_field_types.rdl"); // regwidth 8: an 8-bit bus
        // r1: sw=rw hw=rw we
        assertRead(m, 0x0, 1, 10);
        m.write(0x0, 1, 11);
        assertRead(m, 0x0, 1, 11);
        m.field("r1.f").set(12);
        assertRead(m, 0x0, 1, 12);
        // r2: sw=rw hw=r
        assertRead(m, 0x1, 1, 20);
        m.write(0x1, 1, 21);
        assertRead(m, 0x1, 1, 21);
        assertEquals(21, m.field("r2.f").get());
        // r3: sw=rw hw=w wel
        assertRead(m, 0x2, 1, 30);
        m.write(0x2, 1, 31);
        assertRead(m, 0x2, 1, 31);
        m.field("r3.f").set(32);
        assertRead(m, 0x2, 1, 32);
        // r4: sw=rw hw=na
        assertRead(m, 0x3, 1, 40);
        m.write(0x3, 1, 41);
        assertRead(m, 0x3, 1, 41);
        // r5: sw=r hw=rw we
        assertRead(m, 0x4, 1, 50);
        m.write(0x4, 1, 51);
        assertRead(m, 0x4, 1, 50);
        m.field("r5.f").set(52);
        assertRead(m, 0x4, 1, 52);
        // r6: sw=r hw=r, constant
        assertRead(m, 0x5, 1, 60);
        m.write(0x5, 1, 61);
        assertRead(m, 0x5, 1, 60);
        // r7: sw=r hw=w, hardware assigns
        assertRead(m, 0x6, 1, 0);
        m.field("r7.f").set(70);
        assertRead(m, 0x6, 1, 70);
        m.write(0x6, 1, 71);
        assertRead(m, 0x6, 1, 70);
        // r8: sw=r hw=na, constant
        assertRead(m, 0x7, 1, 80);
        m.write(0x7, 1, 81);
        assertRead(m, 0x7, 1, 80);
        // r9: sw=w hw=rw we
        assertRead(m, 0x8, 1, 0);
        assertEquals(90, m.field("r9.f").get());
        m.write(0x8, 1, 91);
        assertRead(m, 0x8, 1, 0);
        assertEquals(91, m.field("r9.f").get());
        m.field("r9.f").set(92);
        assertRead(m, 0x8, 1, 0);
        assertEquals(92, m.field("r9.f").get());
        // r10: sw=w hw=r
        assertRead(m, 0x9, 1, 0);
        assertEquals(100, m.field("r10.f").get());
        m.write(0x9, 1, 101);
        assertRead(m, 0x9, 1, 0);
        assertEquals(101, m.field("r10.f").get());
    }

    @Test
    public void onreadOnwrite() {
        RegisterFileModel m = Rdl.regblock("test_onread_onwrite.rdl");
        assertRead(m, 0x0, 4, 0x0F_F0);
        assertRead(m, 0x0, 4, 0xFF_00);
        m.write(0x0, 4, 0x00_FF);
        assertRead(m, 0x0, 4, 0x00_FF);
        assertRead(m, 0x0, 4, 0xFF_00);

        assertRead(m, 0x4, 4, 0x0_F_0);
        m.write(0x4, 4, 0x1_1_1);
        assertRead(m, 0x4, 4, 0x1_E_1);
        m.write(0x4, 4, 0x1_2_2);
        assertRead(m, 0x4, 4, 0x0_C_3);

        assertRead(m, 0x8, 4, 0x0_F_0);
        m.write(0x8, 4, 0xE_E_E);
        assertRead(m, 0x8, 4, 0x1_E_1);
        m.write(0x8, 4, 0xE_D_D);
        assertRead(m, 0x8, 4, 0x0_C_3);

        assertRead(m, 0xC, 4, 0x0F_F0);
        m.write(0xC, 4, 0x12_34);
        assertRead(m, 0xC, 4, 0xFF_00);
    }

    @Test
    public void singlepulse() {
        RegisterFileModel m = Rdl.regblock("test_singlepulse.rdl");
        FieldHandle f = m.field("r1.f");
        int[] pulses = {0};
        m.register("r1").onWrite((data, mask) -> pulses[0] += (int) f.get());
        m.write(0x0, 4, 0x0);
        assertEquals("no pulse when writing zero", 0, pulses[0]);
        m.write(0x0, 4, 0x1);
        assertEquals("one pulse", 1, pulses[0]);
        assertEquals("the pulse is over", 0, f.get());
        assertRead(m, 0x0, 4, 0x0);
    }

    @Test
    public void structuralSwRw() {
        RegisterFileModel m = Rdl.regblock("test_structural_sw_rw.rdl");
        assertRead(m, 0, 4, 0x8000_0042L);
        for (int i = 0; i < 2 * 3 * 4; i++) {
            assertRead(m, 0x10 + i * 8, 4, 0x8000_0023L);
        }
        assertRead(m, 0x1000, 4, 0x8000_0011L);
        for (int i = 0; i < 33; i++) {
            assertRead(m, 0x2000 + i * 4, 4, 0x10);
        }
        assertEquals(0x42, m.field("r0.a").get());
        assertEquals(1, m.field("r1[1][2][3].c").get());

        m.write(0, 4, 0x8000_0002L);
        for (int i = 0; i < 2 * 3 * 4; i++) {
            m.write(0x10 + i * 8, 4, i + 0x110a);
        }
        m.write(0x1000, 4, 0);
        for (int i = 0; i < 33; i++) {
            m.write(0x2000 + i * 4, 4, i << 4);
        }

        assertRead(m, 0, 4, 0x8000_0002L);
        for (int i = 0; i < 2 * 3 * 4; i++) {
            assertRead(m, 0x10 + i * 8, 4, i + 0x10a);
        }
        assertRead(m, 0x1000, 4, 0);
        for (int i = 0; i < 33; i++) {
            assertRead(m, 0x2000 + i * 4, 4, (i << 4) & 0xF0);
        }
        for (int x = 0; x < 2; x++) {
            for (int y = 0; y < 3; y++) {
                for (int z = 0; z < 4; z++) {
                    String r = "r1[" + x + "][" + y + "][" + z + "]";
                    assertEquals(r, x * 12 + y * 4 + z + 10, m.field(r + ".a").get());
                    assertEquals(1, m.field(r + ".b").get());
                    assertEquals(0, m.field(r + ".c").get());
                }
            }
        }
        assertEquals(0, m.field("r2.a").get());
    }

    @Test
    public void wideRegs() {
        RegisterFileModel m = Rdl.regblock("test_wide_regs.rdl"); // accesswidth 16: a 16-bit bus
        for (int base : new int[] {0x0, 0x10}) { // rw_reg1 and its msb0 twin read the same on the bus
            m.write(base, 2, 0x1234);
            m.write(base + 2, 2, 0x5678);
            m.write(base + 4, 2, 0x9ABC);
            m.write(base + 6, 2, 0xDEF1);
            assertRead(m, base, 2, 0x1034);
            assertRead(m, base + 2, 2, 0x0000);
            assertRead(m, base + 4, 2, 0x9A10);
            assertRead(m, base + 6, 2, 0x0000);
        }
        assertEquals(0x34, m.field("rw_reg1.f1").get());
        assertEquals(0x1, m.field("rw_reg1.f2").get());
        assertEquals(0x1, m.field("rw_reg1.f3").get());
        assertEquals(0x9A, m.field("rw_reg1.f4").get());
        assertEquals("hardware sees msb0 fields mirrored", Long.reverse(0x34) >>> 56, m.field("rw_reg1_lsb0.f1").get());

        for (int base : new int[] {0x8, 0x18}) {
            m.write(base, 2, 0x1234);
            m.write(base + 2, 2, 0x5678);
            m.write(base + 4, 2, 0x9ABC);
            m.write(base + 6, 2, 0xDEF1);
            assertRead(m, base, 2, 0x0000);
            assertRead(m, base + 2, 2, 0x0008);
            assertRead(m, base + 4, 2, 0x0000);
            assertRead(m, base + 6, 2, 0xDEF1);
        }
        assertEquals(0xDEF1, m.field("rw_reg2.f2").get());

        assertRead(m, 0x20, 2, 0);
        assertRead(m, 0x22, 2, 0);
        m.field("r_reg.f1").set(0xAB);
        m.field("r_reg.f2").set(0x4DE);
        assertRead(m, 0x20, 2, 0xB000);
        assertRead(m, 0x22, 2, 0x4DEA);

        assertRead(m, 0x24, 2, 0);
        assertRead(m, 0x26, 2, 0);
        m.field("r_reg_lsb0.f1").set(Long.reverse(0xABL) >>> 56);
        m.field("r_reg_lsb0.f2").set(Long.reverse(0x4DEL) >>> 53);
        assertRead(m, 0x24, 2, 0xB000);
        assertRead(m, 0x26, 2, 0x4DEA);

        for (int off = 0x28; off <= 0x2E; off += 2) {
            assertRead(m, off, 2, 0);
        }
        m.field("r_reg2.f1").set(0xABCDE);
        m.field("r_reg2.f2").set(0x3);
        assertRead(m, 0x28, 2, 0xE000);
        assertRead(m, 0x2A, 2, 0xABCD);
        assertRead(m, 0x2C, 2, 0x0000);
        assertRead(m, 0x2E, 2, 0x0003);

        // counter_reg counts r_reg2.f1->swacc (4 reads touched f1) and r_reg2.f2->swacc (2 reads).
        assertRead(m, 0x30, 2, 0x0204);

        assertRead(m, 0x34, 2, 0x5678);
        assertRead(m, 0x36, 2, 0x1234);
        assertEquals(0x12345678, m.field("r_reg3.f1").get());
        assertRead(m, 0x38, 2, 0x2C48);
        assertRead(m, 0x3A, 2, 0x1E6A);
        assertEquals(0x12345678, m.field("r_reg4.f1").get());
    }

    private static void assertRead(RegisterFileModel m, long offset, int bytes, long expected) {
        assertEquals("read at 0x" + Long.toHexString(offset), expected, m.read(offset, bytes));
    }
}
