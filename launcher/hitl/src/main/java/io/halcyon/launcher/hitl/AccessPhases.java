package io.halcyon.launcher.hitl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.halcyon.hal.api.bus.AccessLog;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.regmap.HardwareBlock;

/**
 * Access patterns on an edu device whose every access QEMU traces, each phase between two marker writes
 * so that the trace can be cut into phases: what the HAL's {@link AccessLog} counted in a phase must be
 * exactly what the device saw between the markers. Each pattern also checks what it reads, so a merged,
 * dropped or reordered access fails a check as well as a count.
 */
final class AccessPhases {

    /**
     * Where markers are written: a word of the edu BAR that QEMU's device decodes to nothing (writes are
     * ignored) and no phase touches, so each marker is one traced write that cannot change the device.
     */
    static final long MARKER_OFFSET = 0x10;

    /** One phase's result: what the HAL issued, and the first value that was not what the device must return. */
    record Phase(String name, long reads, long writes, String problem) {
    }

    private final RegisterBus bus;
    private final AccessLog log;
    private final long marker;
    private final long liveness;
    private final long id;
    private final long raise;
    private final long status;
    private final long ack;
    private final long dmaSource;
    private int markers;

    AccessPhases(RegisterBus bus, AccessLog log, HardwareBlock edu) {
        this.bus = bus;
        this.log = log;
        this.marker = edu.baseAddress() + MARKER_OFFSET;
        this.liveness = address(edu, "LIVENESS");
        this.id = address(edu, "ID");
        this.raise = address(edu, "INTR_RAISE");
        this.status = address(edu, "INTR_STATUS");
        this.ack = address(edu, "INTR_ACK");
        this.dmaSource = address(edu, "DMA_SOURCE");
    }

    private static long address(HardwareBlock block, String register) {
        return block.baseAddress() + block.register(register).orElseThrow(
                () -> new IllegalStateException("block " + block.name() + " has no register " + register)).offset();
    }

    /** Every phase, named {@code prefix/...}, each followed by a marker; the first marker opens the first phase. */
    List<Phase> run(String prefix, int count) {
        List<Phase> phases = new ArrayList<>();
        mark();
        phases.add(phase(prefix + "/writes", p -> {
            for (int i = 0; i < count; i++) {
                bus.write32(liveness, 0x5A00_0000 + i);
            }
        }));
        phases.add(phase(prefix + "/reads", p -> {
            int expected = bus.read32(id);
            for (int i = 1; i < count && p.ok(); i++) {
                p.expect("ID read " + i, expected, bus.read32(id));
            }
        }));
        phases.add(phase(prefix + "/write-read-back", p -> {
            for (int i = 0; i < count / 2 && p.ok(); i++) {
                int v = 0x3C00_0000 ^ i * 0x9E37;
                bus.write32(liveness, v);
                p.expect("LIVENESS after writing 0x" + Integer.toHexString(v), ~v, bus.read32(liveness));
            }
        }));
        phases.add(phase(prefix + "/read-then-acknowledge", p -> {
            // What an interrupt handler does with a status it must clear: read it, acknowledge what it read.
            // An extra read, a read issued before the raise or a dropped acknowledge shows as a wrong status.
            for (int i = 0; i < count / 4 && p.ok(); i++) {
                int bit = 1 << (i % 16 + 8);
                bus.write32(raise, bit);
                int seen = bus.read32(status);
                p.expect("INTR_STATUS after raising 0x" + Integer.toHexString(bit), bit, seen);
                bus.write32(ack, seen);
            }
        }));
        phases.add(phase(prefix + "/64-bit", p -> {
            for (int i = 0; i < count / 4 && p.ok(); i++) {
                long v = 0x0123_4567_0000_0000L + ((long) i << 40) + i; // both halves change: a torn access shows
                bus.write64(dmaSource, v);
                p.expect64("DMA_SOURCE after writing 0x" + Long.toHexString(v), v, bus.read64(dmaSource));
            }
            bus.write64(dmaSource, 0); // back to its reset value, which register tests after this expect
        }));
        return phases;
    }

    /** A marker write: outside every phase's counts (the HAL's log counts it; the delta below leaves it out). */
    private void mark() {
        bus.write32(marker, ++markers);
    }

    private Phase phase(String name, Consumer<Checker> body) {
        long reads = log.reads();
        long writes = log.writes();
        Checker checker = new Checker();
        body.accept(checker);
        Phase p = new Phase(name, log.reads() - reads, log.writes() - writes, checker.problem);
        mark();
        return p;
    }

    /** The first value a phase read that the device could not have returned. */
    static final class Checker {
        private String problem;

        boolean ok() {
            return problem == null;
        }

        void expect(String what, int expected, int seen) {
            if (problem == null && expected != seen) {
                problem = what + ": expected 0x" + Integer.toHexString(expected) + ", read 0x" + Integer.toHexString(seen);
            }
        }

        void expect64(String what, long expected, long seen) {
            if (problem == null && expected != seen) {
                problem = what + ": expected 0x" + Long.toHexString(expected) + ", read 0x" + Long.toHexString(seen);
            }
        }
    }
}
