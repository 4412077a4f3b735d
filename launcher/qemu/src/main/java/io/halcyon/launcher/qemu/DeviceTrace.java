package io.halcyon.launcher.qemu;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What QEMU's edu device saw, from QEMU's {@code memory_region_ops_read/write} trace (one line per access
 * QEMU dispatched to a device region; only lines of the edu BAR, region {@code edu-mmio}, count), cut into
 * phases by the guest's marker writes: a marker run starts with a write of 1 to the marker offset and
 * marks n, n+1, ... each end a phase and open the next. Accesses outside a run (start-up, register tests,
 * driver checks, the benchmark) belong to no phase.
 */
final class DeviceTrace {

    /** Accesses the device saw in one phase, by kind; {@code wide} counts the 8-byte ones. */
    record Counts(long reads, long writes, long wide) {
    }

    /**
     * The edu BAR's size (QEMU's docs/specs/edu.rst: 1 MiB). QEMU traces absolute physical addresses; a BAR
     * is aligned to its size, so the offset within it is the address modulo that.
     */
    static final long EDU_BAR_BYTES = 1 << 20;

    private static final Pattern ACCESS = Pattern.compile(
            "memory_region_ops_(read|write) .*? addr 0x([0-9a-f]+) value 0x([0-9a-f]+) size (\\d+) name 'edu-mmio'");

    private final long markerOffset;
    private final List<Counts> phases = new ArrayList<>();
    private long reads;
    private long writes;
    private long wide;
    private boolean inPhase;
    private long lastMarker;
    private long eduAccesses;
    private long lines;

    /** @param markerOffset the BAR offset the guest writes its markers to */
    DeviceTrace(long markerOffset) {
        this.markerOffset = markerOffset;
    }

    /** Takes one trace line (any device's; other lines are ignored). */
    void accept(String line) {
        lines++;
        if (!line.contains("'edu-mmio'")) {
            return;
        }
        Matcher m = ACCESS.matcher(line);
        if (!m.find()) {
            return;
        }
        eduAccesses++;
        boolean write = m.group(1).equals("write");
        long address = Long.parseUnsignedLong(m.group(2), 16) % EDU_BAR_BYTES;
        if (write && address == markerOffset) {
            marker(Long.parseUnsignedLong(m.group(3), 16));
            return;
        }
        if (inPhase) {
            if (write) {
                writes++;
            } else {
                reads++;
            }
            if (m.group(4).equals("8")) {
                wide++;
            }
        }
    }

    private void marker(long value) {
        if (inPhase && value == lastMarker + 1) {
            phases.add(new Counts(reads, writes, wide));
        }
        // A marker 1 opens a run (ending whatever was open); any other continues it.
        inPhase = value == 1 || inPhase && value == lastMarker + 1;
        lastMarker = value;
        reads = 0;
        writes = 0;
        wide = 0;
    }

    /** Every phase closed by a marker, in trace order. */
    List<Counts> phases() {
        return List.copyOf(phases);
    }

    /** Trace lines seen, every device's. */
    long lines() {
        return lines;
    }

    /** Edu BAR accesses in the whole trace, markers and all. */
    long eduAccesses() {
        return eduAccesses;
    }
}
