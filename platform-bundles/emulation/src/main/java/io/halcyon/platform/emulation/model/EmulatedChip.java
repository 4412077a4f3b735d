package io.halcyon.platform.emulation.model;

import java.util.Map;
import java.util.TreeMap;

import io.halcyon.hal.api.bus.DecodeErrorException;

/**
 * The whole emulated chip: its blocks at their base addresses and one model clock. Every access costs
 * {@link #ACCESS_NANOS} of device time. Callers serialise access (see EmulationBus).
 */
public final class EmulatedChip {

    /** Device time one register access takes on the emulated interconnect. */
    public static final long ACCESS_NANOS = 10;

    private final ModelClock clock = new ModelClock();
    private final TreeMap<Long, BlockModel> blocks = new TreeMap<>();

    /** The reference chip: the system-control block (modelled from sysctrl.rdl) at address 0. */
    public static EmulatedChip reference() {
        EmulatedChip chip = new EmulatedChip();
        chip.map(0x0000_0000L, SysctrlBehaviour.model(chip.clock, chip::reset));
        return chip;
    }

    public void map(long base, BlockModel block) {
        blocks.put(base, block);
    }

    public ModelClock clock() {
        return clock;
    }

    public int read32(long address, String operation) {
        clock.advance(ACCESS_NANOS);
        Map.Entry<Long, BlockModel> e = decode(address, operation);
        long value = e.getValue().readWord(address - e.getKey());
        if (value == BlockModel.NO_DECODE) {
            throw new DecodeErrorException(address, operation);
        }
        return (int) value;
    }

    public void write32(long address, int value, String operation) {
        clock.advance(ACCESS_NANOS);
        Map.Entry<Long, BlockModel> e = decode(address, operation);
        if (!e.getValue().write32(address - e.getKey(), value)) {
            throw new DecodeErrorException(address, operation);
        }
    }

    /** Resets every block and drops pending hardware events, as a chip-wide soft reset does. */
    public void reset() {
        clock.cancelAll();
        blocks.values().forEach(BlockModel::reset);
    }

    private Map.Entry<Long, BlockModel> decode(long address, String operation) {
        Map.Entry<Long, BlockModel> e = blocks.floorEntry(address);
        if (e == null || address - e.getKey() >= e.getValue().size()) {
            throw new DecodeErrorException(address, operation);
        }
        return e;
    }
}
