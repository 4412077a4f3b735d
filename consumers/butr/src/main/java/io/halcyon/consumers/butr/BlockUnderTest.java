package io.halcyon.consumers.butr;

import java.util.List;

import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.MemoryInfo;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** A block's name, base address, registers and memories: what the planner needs from a register map. */
public record BlockUnderTest(String name, long base, List<RegisterInfo> registers, List<MemoryInfo> memories) {

    public static BlockUnderTest of(HardwareBlock block) {
        return new BlockUnderTest(block.name(), block.baseAddress(), block.registers(), block.memories());
    }
}
