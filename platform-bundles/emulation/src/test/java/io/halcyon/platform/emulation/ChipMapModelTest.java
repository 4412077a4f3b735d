package io.halcyon.platform.emulation;

import static io.halcyon.platform.emulation.ChipFixture.*;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.Test;

import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.Encoding;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.MemorySpec;
import io.halcyon.platform.chipmodel.RegisterSpec;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.emulation.server.ClassPathChipMaps;

/**
 * The chip is what its chip map says: blocks at the map's bases, behaviours attached by block type
 * and wired by instance name, register positions, descriptor layout and error codes from the model.
 * Variants of the reference map show that nothing of it is written into the behaviours.
 */
public class ChipMapModelTest {

    private static final ChipModel REFERENCE = ClassPathChipMaps.named("reference_gen1");
    private static final ChipModel RELOCATED = ClassPathChipMaps.named("reference_gen1_relocated");

    @Test
    public void theRelocatedChipDecodesEveryBlockAtItsOwnBase() {
        EmulatedChip chip = EmulatedChip.of(RELOCATED);
        assertEquals("sysctrl.VERSION: generation 1, revision 0x80", 0x0180, chip.read32(0x1E_0004, "test"));
        assertEquals("clkrst.BLOCK_RESET at power-on", 0x3F, chip.read32(0x10_0010, "test"));
        assertThrows("nothing where reference_gen1 has sysctrl", DecodeErrorException.class, () -> chip.read32(0x4, "test"));
    }

    @Test
    public void aBlockResetLineResetsTheInstanceItIsNamedAfterWhereverItSits() {
        EmulatedChip chip = EmulatedChip.of(RELOCATED);
        long clkrst = 0x10_0000;
        long dmaCtrl = 0x16_0000;
        long scratch = 0x1E_000C;
        chip.write32(clkrst + 0x14, 0x3F, "test");
        chip.write32(clkrst + 0x10, 0, "test");
        chip.write32(dmaCtrl, 1, "test");
        chip.write32(scratch, 0xC0FFEE, "test");
        chip.write32(clkrst + 0x10, 1 << 2, "test"); // BLOCK_RESET.DMA
        assertEquals("dma was reset", 0, chip.read32(dmaCtrl, "test"));
        assertEquals("sysctrl was not", 0xC0FFEE, chip.read32(scratch, "test"));
    }

    @Test
    public void aBlockTypeWithoutABehaviourIsAPlainRegisterFileWithItsPerChipResetValues() {
        // The fuse block has no behaviour: its shadow registers hold what the chip map burnt in (otp.rdl
        // itself says 0, an unfused part), software writes do nothing to them, and the lock is W1S.
        long otp = REFERENCE.requireBlock("otp").base();
        EmulatedChip chip = EmulatedChip.of(REFERENCE);
        assertEquals("SERIAL_HI from the chip map", 0x484C_0001, chip.read32(otp + 0x04, "test"));
        chip.write32(otp + 0x04, 0, "test");
        assertEquals("read-only to software", 0x484C_0001, chip.read32(otp + 0x04, "test"));
        assertEquals("HBM_REPAIR[2]: 5 rows, 59 spares", 59 << 16 | 5, chip.read32(otp + 0x18, "test"));
        chip.write32(otp + 0x20, 1, "test");
        chip.write32(otp + 0x20, 0, "test");
        assertEquals("CTRL.LOCK is write-1-to-set", 1, chip.read32(otp + 0x20, "test"));
    }

    @Test
    public void aBehaviourMissingABlockItNeedsIsNamedWhenTheChipIsBuilt() {
        ChipModel noHbm = new ChipModel("no_hbm", "", REFERENCE.blocks().stream().filter(b -> !b.name().equals("hbm")).toList(),
                REFERENCE.identity());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmulatedChip.of(noHbm));
        assertEquals("block dma of chip map no_hbm needs the one HbmBehaviour of the chip, and the chip has 0", e.getMessage());
    }

    @Test
    public void theDmaEngineDecodesDescriptorsWithTheLayoutOfTheRingsDescription() {
        // The same ring with source and control swapped within the record: the engine must follow.
        ChipModel swapped = withDma(REFERENCE, dma -> mapRecords(dma, r -> switch (r.path()) {
            case "DESC_SOURCE" -> at(r, 0x10);
            case "DESC_CONTROL" -> at(r, 0x0);
            default -> r;
        }));
        ChipFixture f = fixture(swapped).ready();
        byte[] data = {1, 2, 3, 4, 5, 6, 7, 8};
        f.chip.deviceMemory().write(0x1000, ByteBuffer.wrap(data));
        f.bus.write64(ring(0), data.length | IRQ);  // control first, now
        f.bus.write64(ring(0) + 8, 0x2000);           // destination
        f.bus.write64(ring(0) + 16, 0x1000);          // source last
        f.bus.write32(channel(0) + 0x04, 1);
        met(f.bus.await(channel(0) + 0x08, 1, 1, MS));
        byte[] copied = new byte[data.length];
        f.chip.deviceMemory().read(0x2000, ByteBuffer.wrap(copied));
        assertArrayEquals(data, copied);
    }

    @Test
    public void dmaErrorCodesAreTheDescriptionsEncoding() {
        ChipModel renumbered = withDma(REFERENCE, dma -> mapRegisters(dma, r -> r.path().endsWith("ERR_INFO")
                ? new RegisterSpec(r.path(), r.offset(), r.width(), r.accessWidth(), r.msb0(), r.aliasOf(), r.external(),
                        r.fields().stream().map(ChipMapModelTest::renumberLengthAlignment).toList())
                : r));
        ChipFixture f = fixture(renumbered).ready();
        f.dmaDescriptor(0, 0, 0x1000, 0x2000, 6);
        f.bus.write32(channel(0) + 0x04, 1);
        met(f.bus.await(channel(0) + 0x08, 2, 2, MS));
        assertEquals("LENGTH_ALIGNMENT as this description numbers it", 9, f.bus.read32(channel(0) + 0x10) & 0xF);
    }

    private static FieldSpec renumberLengthAlignment(FieldSpec f) {
        if (f.encoding() == null) {
            return f;
        }
        Encoding e = new Encoding(f.encoding().name(), f.encoding().members().stream()
                .map(m -> m.name().equals("LENGTH_ALIGNMENT") ? new Encoding.Member(m.name(), 9, m.description()) : m).toList());
        return new FieldSpec(f.name(), f.lsb(), f.width(), f.reset(), f.sw(), f.hw(), f.onRead(), f.onWrite(), f.singlePulse(),
                f.incrSaturate(), f.decrSaturate(), f.counter(), e);
    }

    private static ChipFixture fixture(ChipModel map) {
        EmulatedChip chip = EmulatedChip.of(map);
        return new ChipFixture(chip, new EmulationBus(chip));
    }

    private static ChipModel withDma(ChipModel map, UnaryOperator<BlockType> change) {
        return new ChipModel(map.name() + "_variant", map.description(), map.blocks().stream()
                .map(b -> b.name().equals("dma") ? new BlockInstance(b.name(), change.apply(b.type()), b.base()) : b).toList(),
                map.identity());
    }

    private static BlockType mapRegisters(BlockType t, UnaryOperator<RegisterSpec> change) {
        return new BlockType(t.name(), t.pid(), t.description(), t.size(), t.registers().stream().map(change).toList(), t.memories());
    }

    private static BlockType mapRecords(BlockType t, UnaryOperator<RegisterSpec> change) {
        return new BlockType(t.name(), t.pid(), t.description(), t.size(), t.registers(), t.memories().stream()
                .map(m -> new MemorySpec(m.path(), m.offset(), m.entries(), m.width(), m.stride(), m.sw(), m.external(),
                        new MemorySpec.RecordLayout(m.records().count(), m.records().stride(),
                                m.records().registers().stream().map(change).toList()))).toList());
    }

    private static RegisterSpec at(RegisterSpec r, long offset) {
        return new RegisterSpec(r.path(), offset, r.width(), r.accessWidth(), r.msb0(), r.aliasOf(), r.external(), r.fields());
    }

    private static RegisterSpec register(String path, long offset, FieldSpec field) {
        return new RegisterSpec(path, offset, 32, 32, false, null, false, List.of(field));
    }
}
