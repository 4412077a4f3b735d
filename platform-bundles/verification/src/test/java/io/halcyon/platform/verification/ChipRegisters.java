package io.halcyon.platform.verification;

import static org.junit.Assert.assertTrue;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.RegisterSpec;
import java.time.Duration;

/**
 * A chip's registers by name, from its chip map (as drivers find them in the generated register layer), over
 * any bus: tests that drive the emulation and the RTL alike name registers and fields, never addresses.
 */
final class ChipRegisters {

    private static final Duration BOUND = Duration.ofMillis(1);

    private final ChipModel map;
    private final RegisterBus bus;

    ChipRegisters(ChipModel map, RegisterBus bus) {
        this.map = map;
        this.bus = bus;
    }

    RegisterBus bus() {
        return bus;
    }

    RegisterSpec register(String instance, String path) {
        return map.requireBlock(instance).type().requireRegister(path);
    }

    long address(String instance, String path) {
        BlockInstance block = map.requireBlock(instance);
        return block.base() + block.type().requireRegister(path).offset();
    }

    /** A memory's base address ({@code "RING[3]"}) plus {@code offset}. */
    long memory(String instance, String path, long offset) {
        BlockInstance block = map.requireBlock(instance);
        return block.base() + block.type().requireMemory(path).offset() + offset;
    }

    /** {@code value} in field {@code field} of the register, the other bits 0. */
    long value(String instance, String path, String field, long value) {
        FieldSpec f = register(instance, path).field(field);
        return (value << f.lsb()) & f.mask();
    }

    /** Every field of the register set to all ones. */
    int allFields(String instance, String path) {
        long ones = 0;
        for (FieldSpec f : register(instance, path).fields()) {
            ones |= f.mask();
        }
        return (int) ones;
    }

    long read(String instance, String path) {
        RegisterSpec r = register(instance, path);
        long at = address(instance, path);
        return r.width() == 64 ? bus.read64(at) : bus.read32(at) & 0xFFFF_FFFFL;
    }

    long field(String instance, String path, String field) {
        return register(instance, path).field(field).extract(read(instance, path));
    }

    void write(String instance, String path, long value) {
        if (register(instance, path).width() == 64) {
            bus.write64(address(instance, path), value);
        } else {
            bus.write32(address(instance, path), (int) value);
        }
    }

    /** Waits, inside the chip, until the field reads {@code expected}; fails naming it when it does not within 1 ms of device time. */
    void await(String instance, String path, String field, long expected) {
        FieldSpec f = register(instance, path).field(field);
        WaitResult r = bus.await(address(instance, path), (int) f.mask(), (int) ((expected << f.lsb()) & f.mask()), BOUND);
        assertTrue(instance + "." + path + "." + field + " == " + expected + ": " + r, r.met());
    }

    /** Clocks on, resets released, both PLLs locked, HBM trained, the DMA engine enabled: what a workload needs. */
    ChipRegisters ready() {
        write("clkrst", "CLOCK_EN", allFields("clkrst", "CLOCK_EN"));
        write("clkrst", "BLOCK_RESET", 0);
        for (String pll : new String[] {"CORE_PLL", "HBM_PLL"}) {
            write("clkrst", pll + "_CTRL", read("clkrst", pll + "_CTRL") | value("clkrst", pll + "_CTRL", "EN", 1));
        }
        await("clkrst", "CORE_PLL_STATUS", "LOCKED", 1);
        await("clkrst", "HBM_PLL_STATUS", "LOCKED", 1);
        write("hbm", "CTRL", value("hbm", "CTRL", "INIT", 1));
        await("hbm", "STATUS", "READY", 1);
        write("dma", "CTRL", value("dma", "CTRL", "ENABLE", 1));
        return this;
    }
}
