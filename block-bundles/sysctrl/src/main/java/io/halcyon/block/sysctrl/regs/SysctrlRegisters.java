package io.halcyon.block.sysctrl.regs;

import java.util.List;
import java.util.OptionalLong;

import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.ReadEffect;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.hal.api.regmap.WriteEffect;

/** INTERIM: offsets and fields of sysctrl.rdl, written by hand until the generator exists. */
public final class SysctrlRegisters {
    private SysctrlRegisters() {}

    public static final long CHIP_ID = 0x00;
    public static final long VERSION = 0x04;
    public static final long CAPABILITIES = 0x08;
    public static final long SCRATCH = 0x0C;
    public static final long SOFT_RESET = 0x10;
    public static final long RESET_STATUS = 0x14;

    public static final int VERSION_REVISION_MASK = 0xFF;
    public static final int VERSION_GENERATION_SHIFT = 8;
    public static final int VERSION_GENERATION_MASK = 0xFF << VERSION_GENERATION_SHIFT;
    public static final int SOFT_RESET_RESET = 1;
    public static final int RESET_STATUS_RESET_DONE = 1;
    public static final int RESET_STATUS_RESET_COUNT_SHIFT = 8;
    public static final int RESET_STATUS_RESET_COUNT_MASK = 0xFF << RESET_STATUS_RESET_COUNT_SHIFT;

    /** The register map as management tools see it, in address order. */
    public static final List<RegisterInfo> MAP = List.of(
            reg("CHIP_ID", CHIP_ID, 0x484C4359L, "Chip identification",
                    ro("ID", 0, 31, 0x484C4359L, "Identification code, ASCII 'HLCY'.")),
            reg("VERSION", VERSION, 0x0101L, "Generation and revision",
                    ro("REVISION", 0, 7, 1, "Revision within the generation."),
                    ro("GENERATION", 8, 15, 1, "Chip generation.")),
            reg("CAPABILITIES", CAPABILITIES, 0x43FL, "Capabilities",
                    ro("PCIE", 0, 0, 1, "PCIe endpoint present."),
                    ro("HBM", 1, 1, 1, "HBM controller present."),
                    ro("DMA", 2, 2, 1, "DMA engine present."),
                    ro("TENSOR_ENGINE", 3, 3, 1, "Tensor engine present."),
                    ro("TELEMETRY", 4, 4, 1, "Telemetry present."),
                    ro("ECC", 5, 5, 1, "HBM ECC present."),
                    ro("DMA_CHANNELS", 8, 11, 4, "Number of DMA channels.")),
            reg("SCRATCH", SCRATCH, 0, "Scratch",
                    new Field("VALUE", 0, 31, Access.RW, Access.R, 0, false, "Scratch value.")),
            reg("SOFT_RESET", SOFT_RESET, 0, "Soft reset",
                    new Field("RESET", 0, 0, Access.RW, Access.R, 0, true,
                            "Write 1 to reset every block of the chip; reads 0.")),
            reg("RESET_STATUS", RESET_STATUS, 1, "Reset status",
                    ro("RESET_DONE", 0, 0, 1, "1 once the last reset has completed."),
                    ro("RESET_COUNT", 8, 15, 0, "Soft resets since power-on, wraps at 255.")));

    private static Field ro(String name, int lsb, int msb, long reset, String desc) {
        return new Field(name, lsb, msb, Access.R, Access.W, reset, false, desc);
    }

    private static Register reg(String name, long offset, long reset, String desc, FieldInfo... fields) {
        return new Register(name, offset, 32, reset, desc, List.of(fields));
    }

    record Register(String name, long offset, int width, long resetValue, String description,
            List<FieldInfo> fields) implements RegisterInfo {}

    record Field(String name, int lsb, int msb, Access software, Access hardware, long resetBits,
            boolean singlePulse, String description) implements FieldInfo {
        @Override
        public ReadEffect onRead() {
            return ReadEffect.NONE;
        }

        @Override
        public WriteEffect onWrite() {
            return WriteEffect.NONE;
        }

        @Override
        public OptionalLong reset() {
            return OptionalLong.of(resetBits);
        }
    }
}
