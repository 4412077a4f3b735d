package io.halcyon.block.dma;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.model.MemNode;

/** The hand-written ring layout agrees with the RING memory of dma.rdl (the generator emits no memories). */
public class DescriptorRingTest {

    private final List<MemNode> rings = new RdlCompiler().perl(null).compile(Path.of("src/main/rdl/dma.rdl"))
            .elaborate("dma").memories();

    @Test
    public void everyChannelHasARingAtOffsetPlusStride() {
        assertEquals(io.halcyon.block.dma.regs.ChHeadRegister.COUNT, rings.size());
        long top = rings.get(0).absoluteAddress() - DescriptorRing.OFFSET;
        for (int ch = 0; ch < rings.size(); ch++) {
            MemNode ring = rings.get(ch);
            assertEquals("RING[" + ch + "]", DescriptorRing.OFFSET + ch * DescriptorRing.STRIDE, ring.absoluteAddress() - top);
            assertEquals(DescriptorRing.ENTRIES, ring.entries());
            assertEquals(DescriptorRing.WORD_BYTES * 8, ring.width());
            assertTrue(ring.external());
        }
    }

    @Test
    public void wordTwoCarriesLengthBelowAndFlagsAbove() {
        assertEquals(0x7FFF_FFFCL | 1L << 33, DescriptorRing.lengthAndFlags(
                io.halcyon.hal.api.dma.DmaDescriptor.toHost(0, 0, 0x7FFF_FFFC)));
        assertEquals(0x40L | 1L << 32, DescriptorRing.lengthAndFlags(io.halcyon.hal.api.dma.DmaDescriptor.toDevice(0, 0, 0x40)));
    }

    @Test
    public void freeSlotsKeepOneEmpty() {
        assertEquals(15, DescriptorRing.free(0, 0));
        assertEquals(0, DescriptorRing.free(0, 15));
        assertEquals(0, DescriptorRing.free(6, 5));
        assertEquals(2, DescriptorRing.free(0, 13));
        assertEquals(0x4_0000 + 0x1000 + 3 * 0x200 + 15 * 32 + 16, DescriptorRing.wordAddress(0x4_0000, 3, 15, 2));
    }
}
