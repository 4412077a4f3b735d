package io.halcyon.platform.emulation.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.clkrst.ChipBlock;

/**
 * The whole emulated chip: every block of chip.rdl at its base address with its behaviour, the HBM
 * contents, the host memory the chip reaches by DMA, one model clock and the injected faults. Every
 * register access costs {@link #ACCESS_NANOS} of device time. Plain Java (no OSGi), so it can run
 * behind any front end. Callers serialise access on the chip object (see EmulationBus); host memory
 * and faults lock for themselves.
 */
public final class EmulatedChip {

    /** Device time one register access takes on the emulated interconnect. */
    public static final long ACCESS_NANOS = 10;

    private final ModelClock clock = new ModelClock();
    private final TreeMap<Long, BlockModel> blocks = new TreeMap<>();
    private final Map<ChipBlock, BlockBehaviour> resettable = new EnumMap<>(ChipBlock.class);
    private final HostAddressSpace hostMemory = new HostAddressSpace();
    private final ChipFaults faults = new ChipFaults(this);
    private final RegisterFaults registerFaults = new RegisterFaults();
    private final HbmBehaviour hbm;

    private EmulatedChip() {
        IntcBehaviour intc = new IntcBehaviour(clock);
        ClkrstBehaviour clkrst = new ClkrstBehaviour(clock, intc, faults, this::resetBlock);
        hbm = new HbmBehaviour(clock, clkrst, intc, faults);
        TelemetryBehaviour telemetry = new TelemetryBehaviour(clock, clkrst, intc);
        map(new SysctrlBehaviour(clock, this::reset));
        map(clkrst);
        map(ChipBlock.PCIE, new PcieBehaviour(clock, clkrst, intc));
        map(ChipBlock.HBM, hbm);
        map(ChipBlock.DMA, new DmaBehaviour(clock, clkrst, intc, hbm, hostMemory));
        map(ChipBlock.INTC, intc);
        map(ChipBlock.TENSOR, new TensorBehaviour(clock, clkrst, intc, hbm, telemetry));
        map(ChipBlock.TELEMETRY, telemetry);
        faults.attach(hbm);
    }

    /** The reference chip at power-on, built from chip.rdl. */
    public static EmulatedChip reference() {
        return new EmulatedChip();
    }

    private void map(ChipBlock block, BlockBehaviour behaviour) {
        resettable.put(block, behaviour);
        map(behaviour);
    }

    private void map(BlockBehaviour behaviour) {
        blocks.put(behaviour.base(), behaviour);
    }

    public ModelClock clock() {
        return clock;
    }

    /** Host memory the chip reaches by DMA (what the platform's HostMemory service hands out). */
    public HostAddressSpace hostMemory() {
        return hostMemory;
    }

    /** The HBM contents, for tests and tools that look at device memory without DMA. */
    public DeviceMemory deviceMemory() {
        return hbm.memory();
    }

    /** Fault injection for bring-up failure tests. */
    public ChipFaults faults() {
        return faults;
    }

    /** Register-level faults in the access path (stuck bits, aliases, dropped writes, ...), for register tests. */
    public RegisterFaults registerFaults() {
        return registerFaults;
    }

    public int read32(long address, String operation) {
        if (!registerFaults.any()) {
            return readThrough(address, operation);
        }
        registerFaults.beforeRead(address, operation);
        return registerFaults.afterRead(address, readThrough(address, operation));
    }

    public void write32(long address, int value, String operation) {
        if (!registerFaults.any()) {
            writeThrough(address, value, operation);
        } else if (registerFaults.beforeWrite(address, value, operation)) {
            writeThrough(address, value, operation);
            registerFaults.afterWrite(address, value, operation, this::writeThrough);
        } else {
            clock.advance(ACCESS_NANOS);
        }
    }

    private int readThrough(long address, String operation) {
        clock.advance(ACCESS_NANOS);
        Map.Entry<Long, BlockModel> e = decode(address, operation);
        long value = e.getValue().readWord(address - e.getKey());
        if (value == BlockModel.NO_DECODE) {
            throw new DecodeErrorException(address, operation);
        }
        return (int) value;
    }

    private void writeThrough(long address, int value, String operation) {
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

    private void resetBlock(ChipBlock block) {
        resettable.get(block).reset();
    }

    private Map.Entry<Long, BlockModel> decode(long address, String operation) {
        Map.Entry<Long, BlockModel> e = blocks.floorEntry(address);
        if (e == null || address - e.getKey() >= e.getValue().size()) {
            throw new DecodeErrorException(address, operation);
        }
        return e;
    }
}
