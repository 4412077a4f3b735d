package io.halcyon.platform.emulation;

import static org.junit.Assert.assertTrue;

import java.time.Duration;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.emulation.server.ClassPathChipMaps;

/**
 * A fresh emulated chip behind its bus, with the register addresses of chip map reference_gen1 and the
 * bring-up steps the behaviour tests share. Tests talk registers, as a driver would.
 */
final class ChipFixture {

    static final long CLKRST = 0x1_0000;
    static final long CORE_PLL_CTRL = CLKRST;
    static final long CORE_PLL_STATUS = CLKRST + 0x04;
    static final long HBM_PLL_CTRL = CLKRST + 0x08;
    static final long HBM_PLL_STATUS = CLKRST + 0x0C;
    static final long BLOCK_RESET = CLKRST + 0x10;
    static final long CLOCK_EN = CLKRST + 0x14;

    static final long PCIE = 0x2_0000;
    static final long LINK_CTRL = PCIE;
    static final long LINK_STATUS = PCIE + 0x04;
    static final long PCIE_ERR_STATUS = PCIE + 0x08;

    static final long HBM = 0x3_0000;
    static final long HBM_CTRL = HBM;
    static final long HBM_STATUS = HBM + 0x04;
    static final long HBM_SIZE = HBM + 0x08;
    static final long ECC_CORRECTED = HBM + 0x10;
    static final long ECC_UNCORRECTED = HBM + 0x14;

    static final long DMA = 0x4_0000;
    static final long DMA_CTRL = DMA;
    static final long BYTES_MOVED = DMA + 0x08;

    static final long INTC = 0x5_0000;
    static final long PENDING = INTC;
    static final long ENABLE = INTC + 0x04;
    static final long ACTIVE = INTC + 0x08;

    static final long TENSOR = 0x6_0000;
    static final long CMD_OP = TENSOR;
    static final long CMD_A = TENSOR + 0x08;
    static final long CMD_B = TENSOR + 0x10;
    static final long CMD_C = TENSOR + 0x18;
    static final long CMD_DIMS = TENSOR + 0x20;
    static final long CMD_K = TENSOR + 0x24;
    static final long CMD_SCALAR = TENSOR + 0x28;
    static final long SUBMIT = TENSOR + 0x2C;
    static final long QUEUE_STATUS = TENSOR + 0x30;
    static final long DONE_COUNT = TENSOR + 0x34;
    static final long TENSOR_INT_STATUS = TENSOR + 0x38;
    static final long TENSOR_ERR_CODE = TENSOR + 0x3C;
    static final long CYCLES = TENSOR + 0x40;

    static final long TELEMETRY = 0x7_0000;
    static final long POWER = TELEMETRY + 0x10;
    static final long TEMP_THRESHOLD = TELEMETRY + 0x20;
    static final long POWER_THRESHOLD = TELEMETRY + 0x24;
    static final long ALARM = TELEMETRY + 0x28;

    /** Bits of BLOCK_RESET / CLOCK_EN, and of the interrupt controller's registers. */
    static final int ALL_BLOCKS = 0x3F;
    static final int PCIE_BIT = 1 << 0;
    static final int HBM_BIT = 1 << 1;
    static final int DMA_BIT = 1 << 2;
    static final int TENSOR_BIT = 1 << 4;
    static final int IRQ_HBM = 1 << 1;
    static final int IRQ_DMA = 1 << 2;
    static final int IRQ_TENSOR = 1 << 3;
    static final int IRQ_TELEMETRY = 1 << 4;
    static final int IRQ_CLKRST = 1 << 5;

    static final Duration MS = Duration.ofMillis(1);

    final EmulatedChip chip;
    final RegisterBus bus;

    /** A fresh chip behind its in-process bus. */
    ChipFixture() {
        this(reference());
    }

    /** A reference_gen1 chip at power-on, from the generated chip map on the test class path. */
    static EmulatedChip reference() {
        return EmulatedChip.of(ClassPathChipMaps.named("reference_gen1"));
    }

    /** A fresh chip of another chip map ({@code reference_gen2}), at power-on. */
    ChipFixture(String chipMap) {
        this(EmulatedChip.of(ClassPathChipMaps.named(chipMap)));
    }

    private ChipFixture(EmulatedChip chip) {
        this(chip, new EmulationBus(chip));
    }

    /** {@code chip} reached through {@code bus} (for example over a chip server's socket). */
    ChipFixture(EmulatedChip chip, RegisterBus bus) {
        this.chip = chip;
        this.bus = bus;
    }

    static long temp(int sensor) {
        return TELEMETRY + 4L * sensor;
    }

    static long channel(int ch) {
        return DMA + 0x100 + 0x40L * ch;
    }

    static long ring(int ch) {
        return DMA + 0x1000 + 0x200L * ch;
    }

    /** DMA descriptor flags in the length word: source in host memory, destination in host memory, interrupt. */
    static final long SRC_HOST = 1L << 32;
    static final long DST_HOST = 1L << 33;
    static final long IRQ = 1L << 34;

    /** Writes descriptor {@code index} of channel {@code ch}'s ring (the last word is a marker, unused by the engine). */
    void dmaDescriptor(int ch, int index, long source, long destination, long lengthAndFlags) {
        long at = ring(ch) + 32L * index;
        bus.write64(at, source);
        bus.write64(at + 8, destination);
        bus.write64(at + 16, lengthAndFlags);
        bus.write64(at + 24, 0xC00C1E + index);
    }

    /** Clocks on and resets released for every block. */
    ChipFixture blocksRunning() {
        bus.write32(CLOCK_EN, ALL_BLOCKS);
        bus.write32(BLOCK_RESET, 0);
        return this;
    }

    /** Both PLLs enabled and locked. */
    ChipFixture pllsLocked() {
        bus.write32(CORE_PLL_CTRL, bus.read32(CORE_PLL_CTRL) | 1);
        bus.write32(HBM_PLL_CTRL, bus.read32(HBM_PLL_CTRL) | 1);
        met(bus.await(HBM_PLL_STATUS, 1, 1, MS));
        met(bus.await(CORE_PLL_STATUS, 1, 1, MS));
        return this;
    }

    ChipFixture hbmTrained() {
        bus.write32(HBM_CTRL, 1);
        met(bus.await(HBM_STATUS, 0x7, 0x2, MS));
        return this;
    }

    /** Everything a workload needs: blocks running, PLLs locked, HBM trained, DMA enabled. */
    ChipFixture ready() {
        blocksRunning().pllsLocked().hbmTrained();
        bus.write32(DMA_CTRL, 1);
        return this;
    }

    /** Stages a tensor-engine command in the CMD_* registers (SUBMIT not written). */
    void stageTensor(int opcode, long a, long b, long c, int m, int n, int k, float scalar) {
        bus.write32(CMD_OP, opcode);
        bus.write64(CMD_A, a);
        bus.write64(CMD_B, b);
        bus.write64(CMD_C, c);
        bus.write32(CMD_DIMS, n << 16 | m);
        bus.write32(CMD_K, k);
        bus.write32(CMD_SCALAR, Float.floatToRawIntBits(scalar));
    }

    static WaitResult met(WaitResult r) {
        assertTrue("condition not met: " + r, r.met());
        return r;
    }
}
