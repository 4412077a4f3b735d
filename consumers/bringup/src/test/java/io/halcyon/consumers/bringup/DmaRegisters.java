package io.halcyon.consumers.bringup;

import java.util.List;
import java.util.OptionalLong;

import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.ReadEffect;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.hal.api.regmap.WriteEffect;

/** The one register of the DMA engine's published map bring-up reads: CTRL with its ENABLE bit, as in dma.rdl. */
final class DmaRegisters implements HardwareBlock {

    @Override public String name() { return "dma"; }
    @Override public String description() { return "DMA engine"; }
    @Override public long baseAddress() { return FakeChip.DMA_CTRL; }
    @Override public List<RegisterInfo> registers() { return List.of(new Ctrl()); }

    private static final class Ctrl implements RegisterInfo {
        @Override public String name() { return "CTRL"; }
        @Override public long offset() { return 0; }
        @Override public int width() { return 32; }
        @Override public long resetValue() { return 0; }
        @Override public String description() { return "Global control"; }
        @Override public List<FieldInfo> fields() { return List.of(new Enable()); }
    }

    private static final class Enable implements FieldInfo {
        @Override public String name() { return "ENABLE"; }
        @Override public int lsb() { return 0; }
        @Override public int msb() { return 0; }
        @Override public Access software() { return Access.RW; }
        @Override public Access hardware() { return Access.R; }
        @Override public ReadEffect onRead() { return ReadEffect.NONE; }
        @Override public WriteEffect onWrite() { return WriteEffect.NONE; }
        @Override public OptionalLong reset() { return OptionalLong.of(0); }
        @Override public boolean singlePulse() { return false; }
        @Override public String description() { return "1 lets the channels run."; }
    }
}
