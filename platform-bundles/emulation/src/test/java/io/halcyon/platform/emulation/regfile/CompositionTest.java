package io.halcyon.platform.emulation.regfile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import org.junit.Test;

import io.halcyon.rdl.chipmap.ChipModelConverter;

/** 32-bit bus words over narrow and wide registers: composed and split by bytes, little-endian. */
public class CompositionTest {

    @Test
    public void oneWordCoversFourByteRegisters() {
        RegisterFileModel m = Rdl.model("addrmap top { default regwidth = 8; default sw = rw;"
                + " reg { field {} f[8] = 0x11; } a; reg { field {} f[8] = 0x22; } b;"
                + " reg { field {} f[8] = 0x33; } c; reg { field {} f[8] = 0x44; } d; };");
        assertEquals(0x44332211, (int) m.read32(0));
        m.write32(0, 0xDDCCBBAA);
        assertEquals(0xBB, m.field("b.f").get());
        assertEquals(0xDD, m.read(3, 1));
        m.write(2, 1, 0x5E);
        assertEquals(0xDD5EBBAA, (int) m.read32(0));
    }

    @Test
    public void aPartlyFilledWordReadsZeroWhereNothingIs() {
        RegisterFileModel m = Rdl.model("addrmap top { default regwidth = 16; default sw = rw;"
                + " reg { field {} f[16] = 0xBEEF; } a @ 0x2; };");
        assertEquals(0xBEEF_0000, (int) m.read32(0));
        assertNull("no lane of the access decodes", m.read32(4));
        assertEquals(BlockModelNoDecode.VALUE, m.readWord(4));
    }

    @Test
    public void sixtyFourBitRegisterIsTwoBusWords() {
        RegisterFileModel m = Rdl.model("addrmap top { reg { regwidth = 64; field { sw = rw; } lo[31:0] = 0x89ABCDEF;"
                + " field { sw = rw; } hi[63:32] = 0x01234567; } r; };");
        assertEquals(0x89ABCDEF, (int) m.read32(0));
        assertEquals(0x01234567, (int) m.read32(4));
        m.write32(4, 0xCAFEF00D);
        assertEquals("the low half is untouched", 0x89ABCDEF, (int) m.read32(0));
        assertEquals(0xCAFEF00DL, m.field("r.hi").get());
    }

    @Test
    public void aFieldAcrossTheHalvesOfA64BitRegisterTakesEachHalfSeparately() {
        RegisterFileModel m = Rdl.model("addrmap top { reg { regwidth = 64; accesswidth = 32;"
                + " field { sw = rw; } f[47:16] = 0; } r; };");
        m.write32(0, 0xAAAA_5555);
        m.write32(4, 0x1234_BBBB);
        assertEquals(0xBBBBAAAAL, m.field("r.f").get());
        assertEquals(0xAAAA_0000, (int) m.read32(0));
        assertEquals(0x0000_BBBB, (int) m.read32(4));
    }

    @Test
    public void readSideEffectsOnlyHitTheHalfThatWasRead() {
        RegisterFileModel m = Rdl.model("addrmap top { reg { regwidth = 64; field { sw = r; onread = rclr; } lo[7:0] = 0x11;"
                + " field { sw = r; onread = rclr; } hi[39:32] = 0x22; } r; };");
        assertEquals(0x22, (int) m.read32(4));
        assertEquals(0x11, (int) m.read32(0));
        assertEquals(0, (int) m.read32(4));
    }

    @Test
    public void readOnlyAndWriteOnlyRegistersShareAnAddress() {
        RegisterFileModel m = Rdl.model("addrmap top { reg { field { sw = r; hw = w; } status[7:0] = 0x77; } rd @ 0x0;"
                + " reg { field { sw = w; hw = r; } cmd[7:0] = 0; } wr @ 0x0; };");
        m.write32(0, 0x42);
        assertEquals(0x42, m.field("wr.cmd").get());
        assertEquals(0x77, (int) m.read32(0));
    }

    @Test
    public void accessWidthIsKept() {
        RegisterFileModel m = Rdl.model("addrmap top { reg { regwidth = 64; accesswidth = 16; field { sw = rw; } f[63:0] = 0; } r; };");
        assertEquals(64, m.register("r").widthBits());
        assertEquals(16, m.register("r").accessWidthBits());
    }

    @Test
    public void misalignedOrOutsideOffsetsDoNotDecode() {
        RegisterFileModel m = Rdl.model("addrmap top { reg { field { sw = rw; } f[31:0] = 0; } r; };");
        assertNull(m.read32(2));
        assertFalse(m.write32(8, 1));
    }

    @Test
    public void aSubAddrmapIsModelledFromItsOwnBase() {
        io.halcyon.rdl.compiler.model.ElaboratedModel chip = new io.halcyon.rdl.compiler.RdlCompiler().perl(null)
                .compileText("addrmap blk { reg { field { sw = rw; } f[31:0] = 0x5; } r @ 0x4; };"
                        + " addrmap chip { blk a @ 0x0; blk b @ 0x1000; };", "chip.rdl").elaborate("chip");
        io.halcyon.rdl.compiler.model.AddrmapNode b = (io.halcyon.rdl.compiler.model.AddrmapNode) chip.find("chip.b");
        RegisterFileModel m = RegisterFileBuilder.build(ChipModelConverter.blockType(chip, b, "test.blk"));
        assertEquals(0x5, (int) m.read32(4));
        m.write32(4, 9);
        assertEquals(9, m.field("r.f").get());
        assertEquals("by the block type's name too", 9, m.field("blk.r.f").get());
        assertEquals(1, m.registers().size());
    }

    /** The sentinel of BlockModel, named for readability. */
    private static final class BlockModelNoDecode {
        static final long VALUE = io.halcyon.platform.emulation.model.BlockModel.NO_DECODE;
    }
}
