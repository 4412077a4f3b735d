package io.halcyon.platform.emulation.regfile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class AliasAndMemoryTest {

    private static final String ALIASED = "addrmap top {"
            + " reg status_t { field { sw = r; hw = w; } busy[0:0] = 0; field { sw = rw; onwrite = woclr; } err[1:1] = 1; };"
            + " status_t status @ 0x0;"
            + " reg debug_t { field { sw = rw; } busy[0:0]; field { sw = rw; } err[1:1]; };"
            + " alias status debug_t status_dbg @ 0x4; };";

    @Test
    public void aliasSharesStorageWithItsOwnAccess() {
        RegisterFileModel m = Rdl.model(ALIASED);
        assertEquals("the alias reads the primary's reset", 0x2, (int) m.read32(4));
        m.write32(4, 0x1); // plain write through the alias: busy set, err cleared
        assertEquals(0x1, (int) m.read32(0));
        m.write32(4, 0x2);
        m.write32(0, 0x3); // primary: busy is read-only, err is write-1-to-clear
        assertEquals(0x0, (int) m.read32(0));
        assertEquals(0x0, (int) m.read32(4));
    }

    @Test
    public void aliasStorageResetsWithThePrimary() {
        RegisterFileModel m = Rdl.model(ALIASED);
        m.write32(4, 0x1);
        m.reset();
        assertEquals(0x2, (int) m.read32(4));
    }

    @Test
    public void memoryIsPlainWordStorage() {
        RegisterFileModel m = Rdl.model("addrmap top { reg { field { sw = rw; } f[31:0] = 0; } ctrl @ 0x0;"
                + " mem { mementries = 16; memwidth = 32; } buf @ 0x40; };");
        Memory buf = m.memory("buf");
        assertEquals(16, buf.entries());
        assertEquals(0, (int) m.read32(0x40));
        m.write32(0x44, 0xDEADBEEF);
        m.write(0x7C, 2, 0xABCD);
        assertEquals(0xDEADBEEFL, buf.entry(1));
        assertEquals(0xABCD, m.read32(0x7C) & 0xFFFF);
        buf.setEntry(2, 0x12345678);
        assertEquals(0x12345678, (int) m.read32(0x48));
        assertNull("past the last entry", m.read32(0x80));
        m.reset();
        assertEquals("memories keep their contents over a reset", 0xDEADBEEF, (int) m.read32(0x44));
    }

    @Test
    public void sixtyFourBitMemoryEntriesSplitOverTwoWords() {
        RegisterFileModel m = Rdl.model("addrmap top { mem { mementries = 4; memwidth = 64; } m @ 0x0; };");
        m.write32(0x8, 0x89ABCDEF);
        m.write32(0xC, 0x01234567);
        assertEquals(0x0123456789ABCDEFL, m.memory("m").entry(1));
    }

    @Test
    public void readOnlyMemoryIgnoresSoftwareWrites() {
        RegisterFileModel m = Rdl.model("addrmap top { mem { mementries = 4; memwidth = 32; sw = r; } rom @ 0x0; };");
        m.memory("rom").setEntry(0, 7);
        assertTrue(m.write32(0, 9));
        assertEquals(7, (int) m.read32(0));
    }
}
