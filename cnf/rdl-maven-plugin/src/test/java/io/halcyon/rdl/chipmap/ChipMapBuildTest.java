package io.halcyon.rdl.chipmap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.ChipCatalog;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.IdentityWord;
import io.halcyon.platform.chipmodel.MemorySpec;
import io.halcyon.rdl.generator.DescriptionException;
import io.halcyon.rdl.generator.GeneratedCode;

/**
 * Chip maps against three small block types (an identity block, a FIFO whose read pops, a ring
 * engine with encodings, a software-strobed counter and descriptor memories): what a good map
 * becomes, that the generated code rebuilds exactly that, and that each kind of bad map fails naming
 * its file, line and the names involved.
 */
public class ChipMapBuildTest {

    private static final String HINT = "add test:block-%s to pom.xml";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static List<BlockBundle> blocks() {
        return Stream.of("ident", "fifo", "ring").map(t -> new BlockBundle(t, "test.block." + t, "test:block-" + t,
                resource("chipmaps/blocks/" + t))).toList();
    }

    static Path resource(String name) {
        try {
            return Path.of(ChipMapBuildTest.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }

    private Path chipMaps(String... nameAndText) throws Exception {
        Path dir = tmp.newFolder("rdl").toPath();
        for (int i = 0; i < nameAndText.length; i += 2) {
            Files.writeString(dir.resolve(nameAndText[i]), nameAndText[i + 1]);
        }
        return dir;
    }

    private static final String GOOD = """
            addrmap good {
                name = "Good chip";
                ident ident @ 0x0;
                ring ring @ 0x200;
                fifo fifo @ 0x1000;
                ident.VERSION.REV->reset = 8'h02;
            };
            """;

    private List<ChipModel> compile(Path dir) throws Exception {
        return ChipMapBuild.compile(dir, new ChipMapCompiler(blocks(), HINT)).stream()
                .map(ChipMapCompiler.CompiledMap::model).toList();
    }

    private DescriptionException failure(String... nameAndText) throws Exception {
        Path dir = chipMaps(nameAndText);
        return assertThrows(DescriptionException.class, () -> compile(dir));
    }

    @Test
    public void aChipMapBecomesBlockInstancesAtTheirBasesWithThePerChipIdentity() throws Exception {
        ChipModel good = compile(chipMaps("good.rdl", GOOD)).get(0);
        assertEquals("good", good.name());
        assertEquals("Good chip", good.description());
        assertEquals(List.of("ident@0x0", "ring@0x200", "fifo@0x1000"), good.blocks().stream()
                .map(b -> b.name() + "@0x" + Long.toHexString(b.base())).toList());
        assertEquals("the configuration PID from the block's capability", "test.block.ring", good.requireBlock("ring").type().pid());
        assertEquals(List.of(new IdentityWord("ident.ID.ID", 0x0, 0, 32, 0x1234_5678),
                new IdentityWord("ident.VERSION.REV", 0x4, 0, 8, 0x02)), good.identity());
        assertEquals("the per-chip value is the block's reset on this chip", Long.valueOf(2),
                good.requireBlock("ident").type().requireRegister("VERSION").field("REV").reset());
    }

    @Test
    public void blockTypesCarryEncodingsCountersAndTheRecordLayoutOfTheirMemories() throws Exception {
        BlockType ring = compile(chipMaps("good.rdl", GOOD)).get(0).requireBlock("ring").type();
        assertEquals(0x180, ring.size());
        assertEquals("decoder window: the size rounded up to a power of two", 0x200, ring.window());
        FieldSpec code = ring.requireRegister("ERR").field("CODE");
        assertEquals("length not a multiple of 4", code.encoding().requireMember("BAD_LENGTH").description());
        FieldSpec done = ring.requireRegister("CNT").field("DONE");
        assertEquals(new FieldSpec.Counter(1, 1, new FieldSpec.Strobe("CTRL.GO", "swacc"), null), done.counter());
        assertEquals(Long.valueOf(0xFF), done.incrSaturate());
        MemorySpec ring1 = ring.requireMemory("RING[1]");
        assertEquals(0x140, ring1.offset());
        assertEquals(8, ring1.entries());
        assertEquals(8, ring1.stride());
        MemorySpec.RecordLayout records = ring1.requireRecords();
        assertEquals(4, records.count());
        assertEquals(0x10, records.stride());
        assertEquals(8, records.register("D_CTRL").offset());
        assertEquals(32, records.register("D_CTRL").field("IRQ").lsb());
        assertEquals("the rings share one layout", records, ring.requireMemory("RING[0]").records());
    }

    @Test
    public void theGeneratedCodeRebuildsExactlyTheConvertedChipMaps() throws Exception {
        Path dir = chipMaps("good.rdl", GOOD, "moved.rdl", GOOD.replace("good", "moved").replace("@ 0x0;", "@ 0x2000;"));
        Path java = tmp.getRoot().toPath().resolve("java");
        Path resources = tmp.getRoot().toPath().resolve("resources");
        List<ChipModel> converted = ChipMapBuild.run(new ChipMapBuild.Settings(dir, blocks(), HINT, "test.chipmaps", java,
                resources, tmp.newFolder("work").toPath()));
        List<Path> sources;
        try (Stream<Path> files = Files.walk(java)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertEquals(List.of("ChipMapIndex.java", "Good.java", "Moved.java"),
                sources.stream().map(p -> p.getFileName().toString()).toList());
        String index = Files.readString(java.resolve("test/chipmaps/ChipMapIndex.java"));
        for (String type : List.of("fifo", "ident", "ring")) {
            assertTrue(index, index.contains("@Requirement(namespace = \"halcyon.block\", filter = \"(halcyon.block=" + type
                    + ")\", effective = \"active\")"));
        }
        assertTrue(index, index.contains("@Capability(namespace = \"halcyon.chipmap\", name = \"moved\")"));
        Path classes = tmp.newFolder("classes").toPath();
        GeneratedCode.compile(sources, classes);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), resources.toUri().toURL()},
                getClass().getClassLoader())) {
            List<ChipCatalog> catalogs = ServiceLoader.load(ChipCatalog.class, loader).stream().map(ServiceLoader.Provider::get)
                    .toList();
            assertEquals("one catalog, found through its service entry", 1, catalogs.size());
            assertEquals(converted, catalogs.get(0).chipMaps());
        }
    }

    @Test
    public void aBlockTypeNoDependencyProvidesNamesTheInstanceTheTypeAndTheDependencyToAdd() throws Exception {
        DescriptionException e = failure("otp.rdl", "addrmap withotp {\n    ident ident @ 0x0;\n    otp fuses @ 0x8000;\n};\n");
        assertEquals(List.of(file("otp.rdl") + ":3:5: block instance fuses is of type otp, which no dependency provides"
                + " (no bundle declares halcyon.block=otp); add test:block-otp to pom.xml"), e.problems());
    }

    @Test
    public void twoBlocksOnOverlappingWindowsAreNamedBoth() throws Exception {
        // ring spans 0x180 bytes: its window is 0x200, so ident at 0x380 sits inside it though no register overlaps.
        DescriptionException e = failure("clash.rdl", "addrmap clash {\n    ring ring @ 0x200;\n    ident ident @ 0x380;\n};\n");
        assertEquals(List.of(file("clash.rdl") + ":3:11: block instance ident at 0x380 lies in the window of block instance"
                + " ring (0x200..0x3ff)"), e.problems());
    }

    @Test
    public void registersOfTwoBlocksOnTheSameAddressesAreNamedBothByTheCompiler() throws Exception {
        DescriptionException e = failure("same.rdl", "addrmap same {\n    ident a @ 0x0;\n    ident b @ 0x4;\n};\n");
        assertEquals(e.problems().toString(), 1, e.problems().size());
        assertTrue(e.problems().get(0), e.problems().get(0).startsWith(file("same.rdl") + ":3:11: Instance 'b'"));
        assertTrue(e.problems().get(0), e.problems().get(0).contains("overlaps with 'a'"));
    }

    @Test
    public void aBaseNotAlignedToTheBlocksWindowIsRefusedSayingWhy() throws Exception {
        DescriptionException e = failure("odd.rdl", "addrmap odd {\n    ident ident @ 0x0;\n    ring ring @ 0x300;\n};\n");
        assertEquals(List.of(file("odd.rdl") + ":3:10: block instance ring at 0x300 is not aligned to its window: type ring"
                + " spans 0x180 bytes, which an address decoder serves with a 0x200-byte window (the size rounded up to a"
                + " power of two, so that the upper address bits alone select the block); place it at a multiple of 0x200"),
                e.problems());
    }

    @Test
    public void twoMapsWithTheSameIdentityAreRefusedNamingBoth() throws Exception {
        DescriptionException e = failure("a.rdl", "addrmap first {\n    ident ident @ 0x0;\n};\n",
                "b.rdl", "addrmap second {\n    ident ident @ 0x0;\n    fifo fifo @ 0x100;\n};\n");
        assertEquals(List.of(file("b.rdl") + ":1:1: chip maps first and second have the same identity (ident.ID.ID=0x12345678"
                + " ident.VERSION.REV=0x1): a chip of one reads as the other (" + file("a.rdl") + ":1:1)"), e.problems());
    }

    @Test
    public void anIdentityFieldWhoseReadHasSideEffectsIsRefused() throws Exception {
        DescriptionException e = failure("pop.rdl", "addrmap pop {\n    fifo fifo @ 0x0;\n    fifo.POP.DATA->halcyon_identity = true;\n};\n"
                .replace("fifo fifo @ 0x0;", "ident ident @ 0x100;\n    fifo fifo @ 0x0;"));
        assertEquals(e.problems().toString(), 1, e.problems().size());
        assertTrue(e.problems().get(0), e.problems().get(0).contains("identity field fifo.POP.DATA is in a register whose read has"
                + " side effects (POP): a chip must be identified without changing it"));
    }

    @Test
    public void arraysOfBlocksAreRefused() throws Exception {
        DescriptionException e = failure("many.rdl", "addrmap many {\n    ident ident @ 0x0;\n    fifo f[2] @ 0x100 += 0x10;\n};\n");
        assertTrue(e.problems().toString(), e.problems().get(0).contains("block instance f[0] is an array element: name each instance"));
    }

    @Test
    public void aFileWithoutAnAddrmapOfItsOwnIsNoChipMap() throws Exception {
        DescriptionException e = failure("empty.rdl", "// nothing yet\n");
        assertEquals(List.of(file("empty.rdl") + ": defines no addrmap; a chip map is one addrmap of block instances,"
                + " e.g. addrmap my_chip { sysctrl sysctrl @ 0x0; };"), e.problems());
    }

    private Path file(String name) {
        return tmp.getRoot().toPath().resolve("rdl").resolve(name);
    }
}
