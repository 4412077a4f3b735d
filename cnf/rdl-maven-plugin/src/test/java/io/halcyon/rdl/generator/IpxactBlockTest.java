package io.halcyon.rdl.generator;

import static io.halcyon.rdl.generator.GeneratedCode.call;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.rdl.chipmap.BlockBundle;
import io.halcyon.rdl.chipmap.ChipMapBuild;
import io.halcyon.rdl.chipmap.ChipMapCompiler;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.model.ElaboratedModel;

/**
 * A block described in IP-XACT goes where a SystemRDL block goes, unchanged: its register map (what
 * BUTR and shells read) equals that of its SystemRDL rendering, its typed registers generate and act
 * on the bus as theirs do, and a chip map places it, which turns it into the chip model the emulation
 * builds its register files from.
 */
public class IpxactBlockTest {

    private static final Path XML = GeneratedCode.testResource("chipmaps/blocks/xuart/xuart.xml");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static ElaboratedModel imported() {
        return new RdlCompiler().compile(XML).elaborate(null);
    }

    @Test
    public void theRegisterMapEqualsThatOfTheSystemRdlRendering() {
        ElaboratedModel rdl = GeneratedCode.elaborate(GeneratedCode.resource("xuart-rendering.rdl"));
        assertEquals(RegisterMaps.registers(rdl, rdl.top()), RegisterMaps.registers(imported(), imported().top()));
    }

    @Test
    public void itsTypedRegistersGenerateAndActOnTheBus() throws Exception {
        GeneratedCode code = GeneratedCode.from(imported(), "test.xuart.regs");
        RecordingBus bus = new RecordingBus();
        Object xuart = code.accessor("Xuart", bus, 0x4000);
        bus.set(0x4004, 0x3);
        call(call(xuart, "status"), "clearOverrun");
        call(call(xuart, "scratch", 2), "write", code.constant("Scratch", "RESET"));
        assertEquals(List.of("W32 0x4004=0x2", "W32 0x4018=0xa5"), bus.log);
        assertFalse("reading DATA pops it: no read-modify-write", GeneratedCode.hasMethod(code.type("DataRegister"), "modify"));
        String encoding = code.sources.entrySet().stream().filter(e -> e.getValue().contains("public enum ")).findFirst()
                .orElseThrow().getValue();
        assertTrue(encoding, encoding.contains("EVEN(0x1L, \"Even parity.\")"));
    }

    @Test
    public void aChipMapPlacesItAsAChipModelBlockType() throws Exception {
        Path dir = tmp.newFolder("rdl").toPath();
        Files.writeString(dir.resolve("chip.rdl"), "addrmap chip { ident ident @ 0x0; xuart uart0 @ 0x1000; xuart uart1 @ 0x2000; };\n");
        List<BlockBundle> blocks = List.of(new BlockBundle("xuart", "test.block.xuart", "test:block-xuart", XML.getParent()),
                new BlockBundle("ident", "test.block.ident", "test:block-ident", GeneratedCode.testResource("chipmaps/blocks/ident")));
        ChipModel chip = ChipMapBuild.compile(dir, new ChipMapCompiler(blocks, "hint")).get(0).model();
        BlockType xuart = chip.requireBlock("uart1").type();
        assertEquals(0x2000, chip.requireBlock("uart1").base());
        assertEquals(0xa5L, xuart.requireRegister("SCRATCH[3]").field("VALUE").reset().longValue());
        assertTrue(chip.readHasSideEffects(0x2008));
    }
}
