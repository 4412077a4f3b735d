package io.halcyon.launcher.qemu;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

/** Cutting QEMU's trace into phases by the guest's markers, as QEMU 7.2's log trace backend prints it. */
public class DeviceTraceTest {

    private static String access(String op, long addr, long value, int size) {
        return String.format("memory_region_ops_%s cpu 1 mr 0x55ee9222a0a0 addr 0x%x value 0x%x size %d name 'edu-mmio'", op,
                0xfea0_0000L + addr, value, size); // QEMU prints the BAR's absolute address
    }

    @Test
    public void countsEachPhaseBetweenMarkersAndNothingOutsideARun() {
        DeviceTrace trace = new DeviceTrace(0x10);
        List<String> lines = List.of(
                access("read", 0x0, 0x10000ed, 4),                   // identification: before any run
                "memory_region_ops_write cpu 0 mr 0x1 addr 0x70 value 0x8f size 1 name 'rtc-index'",
                access("write", 0x10, 1, 4),                          // run opens
                access("write", 0x4, 5, 4), access("read", 0x4, ~5L & 0xffffffffL, 4),
                access("write", 0x10, 2, 4),
                access("write", 0x80, 7, 8), access("read", 0x80, 7, 8), access("read", 0x80, 7, 8),
                access("write", 0x10, 3, 4),                          // run's last marker
                access("read", 0x24, 0, 4),                           // checks: outside a run
                access("write", 0x10, 1, 4),                          // next run
                access("write", 0x4, 1, 4),
                access("write", 0x10, 2, 4));
        lines.forEach(trace::accept);
        assertEquals(List.of(new DeviceTrace.Counts(1, 1, 0), new DeviceTrace.Counts(2, 1, 3), new DeviceTrace.Counts(0, 1, 0)),
                trace.phases());
        assertEquals(14 - 1, trace.eduAccesses());
    }
}
