package io.halcyon.platform.emulation.regfile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/** The API behaviour models use: field handles, access listeners; and the cost of an access. */
public class HardwareSideTest {

    private static final String COUNTERS = "addrmap top {"
            + " reg { field { sw = r; hw = na; counter; } wrap[3:0] = 14;"
            + " field { sw = r; hw = na; counter; incrsaturate; } sat[7:4] = 14;"
            + " field { sw = r; hw = na; counter; incrsaturate = 10; decrsaturate = 2; } lim[15:8] = 8; } cnt @ 0x0;"
            + " reg { field { sw = rw; hw = r; } go[0:0] = 0; field { sw = rw; hw = r; } len[15:8] = 0; } doorbell @ 0x4;"
            + " reg { field { sw = r; hw = rw; hwset; hwclr; } st[7:0] = 0; } status @ 0x8; };";

    @Test
    public void handlesWriteAsHardwareAndCount() {
        RegisterFileModel m = Rdl.model(COUNTERS);
        FieldHandle wrap = m.field("cnt.wrap");
        FieldHandle sat = m.field("top.cnt.sat"); // absolute paths resolve too
        FieldHandle lim = m.field("cnt.lim");
        wrap.increment(3);
        sat.increment(3);
        lim.increment(5);
        assertEquals("wraps at the width", 1, wrap.get());
        assertEquals("saturates at all ones", 15, sat.get());
        assertEquals("saturates at incrsaturate", 10, lim.get());
        lim.decrement(20);
        assertEquals("stops at decrsaturate", 2, lim.get());
        assertEquals(0x02F1, (int) m.read32(0));

        FieldHandle st = m.field("status.st");
        st.hwSet();
        assertEquals(0xFF, (int) m.read32(8));
        st.hwClear();
        st.set(0x42);
        assertEquals(0x42, (int) m.read32(8));
    }

    @Test
    public void aValueTooWideForTheFieldFailsLoudly() {
        RegisterFileModel m = Rdl.model(COUNTERS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.field("cnt.wrap").set(16));
        assertEquals("cnt.wrap is 4 bits wide; 0x10 does not fit", e.getMessage());
        assertThrows(java.util.NoSuchElementException.class, () -> m.field("cnt.nope"));
    }

    @Test
    public void writeListenersRunAfterTheWriteWithWhatWasWritten() {
        RegisterFileModel m = Rdl.model(COUNTERS);
        FieldHandle go = m.field("doorbell.go");
        FieldHandle len = m.field("doorbell.len");
        List<String> log = new ArrayList<>();
        m.register("doorbell").onWrite((data, mask) -> log.add(Long.toHexString(data) + "/" + Long.toHexString(mask)
                + " go=" + go.get() + " len=" + len.get()));
        m.register("cnt").onRead((data, mask) -> log.add("read " + Long.toHexString(data)));
        m.write32(4, 0x0801);
        m.write(5, 1, 0x09);
        m.read32(0);
        assertEquals(List.of("801/ffffffff go=1 len=8", "900/ff00 go=1 len=9", "read 8ee"), log);
    }

    @Test
    public void sparseRegistersDecodeThroughTheHashedTable() {
        RegisterFileModel m = Rdl.model("addrmap top { reg { field { sw = rw; } f[31:0] = 1; } lo @ 0x0;"
                + " reg { field { sw = rw; } f[31:0] = 2; } hi @ 0x4000_0000; };");
        assertEquals(1, (int) m.read32(0));
        assertEquals(2, (int) m.read32(0x4000_0000L));
        assertEquals(null, m.read32(0x2000_0000L));
        m.write32(0x4000_0000L, 7);
        assertEquals(7, m.field("hi.f").get());
    }

    /** The hot path allocates nothing: reads and writes of a warmed-up register file, counted by the JVM. */
    @Test
    public void accessesDoNotAllocate() {
        RegisterFileModel m = Rdl.regblock("test_onread_onwrite.rdl");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < 3; round++) { // warm up, then measure
            long start = System.nanoTime();
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200_000; i++) {
                m.write32((i & 3) * 4L, i);
                sink += m.readWord((i & 3) * 4L);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 2) {
                System.out.printf("400k accesses in %.1f ms%n", (System.nanoTime() - start) / 1e6);
                // A few hundred bytes of slack for the measuring call itself, not per access (400k accesses).
                assertEquals("bytes allocated by 400k accesses (sink " + sink + ")", 0, allocated / 4096);
            }
        }
    }
}
