package io.halcyon.consumers.butr;

import java.util.List;

import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.emulation.server.ClassPathChipMaps;
import io.halcyon.rdl.chipmap.ChipRegisterMaps;

/**
 * An emulated reference_gen1 chip with each block's register map as its bundle publishes it, at the
 * chip map's bases, reached the way the emulation bus reaches it: 32-bit accesses, a 64-bit register
 * as two of them, low word first.
 */
final class EmulatedChipBench implements RegisterAccess {

    static final ChipModel REFERENCE = ClassPathChipMaps.named("reference_gen1");

    final EmulatedChip chip = EmulatedChip.of(REFERENCE);
    final List<BlockUnderTest> blocks = chipBlocks();

    static List<BlockUnderTest> chipBlocks() {
        return ChipRegisterMaps.of(REFERENCE, EmulatedChipBench.class.getClassLoader()).stream()
                .map(b -> new BlockUnderTest(b.name(), b.base(), b.registers(), b.memories())).toList();
    }

    TestReport run(TestRequest request) {
        return TestRunner.run("emulation", request, blocks, this, Budget.UNLIMITED, ProgressListener.NONE);
    }

    @Override
    public boolean supportsWidth(int widthBits) {
        return widthBits == 32 || widthBits == 64;
    }

    @Override
    public long read(long address, int widthBits) {
        long low = Integer.toUnsignedLong(chip.read32(address, "read" + widthBits));
        return widthBits == 64 ? low | (long) chip.read32(address + 4, "read64") << 32 : low;
    }

    @Override
    public void write(long address, int widthBits, long value) {
        chip.write32(address, (int) value, "write" + widthBits);
        if (widthBits == 64) {
            chip.write32(address + 4, (int) (value >>> 32), "write64");
        }
    }

    @Override
    public long deviceTimeNanos() {
        return chip.clock().now();
    }
}
