package io.halcyon.rdl.chipmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.UndefinedTypeException;
import io.halcyon.rdl.compiler.model.AddrmapNode;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.Node;
import io.halcyon.rdl.generator.DescriptionException;

/**
 * Compiles one chip map against the block descriptions of the bundles it may place: every block
 * description into the root scope first, then the chip map file, whose last address map is the chip.
 * A chip map needs no {@code `include} lines; per-chip values (identity, fuse contents) are dynamic
 * property assignments in it ({@code sysctrl.VERSION.REVISION->reset = 8'h80;}).
 *
 * <p>What a chip map may say is narrower than SystemRDL: every member of the chip is an instance of a
 * block type some dependency provides, one instance per name (no arrays), each at a base aligned to
 * its decoder window (its size rounded up to a power of two), no two windows overlapping. Problems
 * are reported as {@code file:line:column: message}, naming the instances and types involved.
 */
public final class ChipMapCompiler {

    private final Map<String, BlockBundle> blocks = new LinkedHashMap<>();
    private final String dependencyHint;

    /**
     * @param blocks the block types the chip maps may place, by type
     * @param dependencyHint how to add a missing block type, with {@code %s} for the type, e.g.
     *     {@code "add io.halcyon:block-%s to platform-bundles/chip-maps/pom.xml"}
     */
    public ChipMapCompiler(List<BlockBundle> blocks, String dependencyHint) {
        for (BlockBundle b : blocks) {
            BlockBundle twice = this.blocks.putIfAbsent(b.type(), b);
            if (twice != null) {
                throw new IllegalArgumentException("block type " + b.type() + " is provided by both " + twice.artifact()
                        + " and " + b.artifact());
            }
        }
        this.dependencyHint = dependencyHint;
    }

    /** One chip map file, elaborated, checked and converted; its top node for messages about it as a whole. */
    public record CompiledMap(ChipModel model, Path file, Node top) {
    }

    public CompiledMap compile(Path chipMap) throws DescriptionException, IOException {
        RdlCompiler compiler = new RdlCompiler().addIncludeDir(chipMap.toAbsolutePath().getParent());
        for (BlockBundle b : blocks.values()) {
            compiler.addIncludeDir(b.descriptions());
        }
        for (BlockBundle b : blocks.values()) {
            for (Path description : descriptions(b)) {
                compile(compiler, description, "in the description of block type " + b.type() + " (" + b.artifact() + "): ");
            }
        }
        ElaboratedModel model;
        try {
            List<String> blockMaps = compiler.rootAddrmaps();
            compiler.compile(chipMap);
            List<String> own = compiler.rootAddrmaps().stream().filter(m -> !blockMaps.contains(m)).toList();
            if (own.isEmpty()) {
                throw new DescriptionException(List.of(chipMap + ": defines no addrmap; a chip map is one addrmap of block"
                        + " instances, e.g. addrmap my_chip { sysctrl sysctrl @ 0x0; };"));
            }
            model = compiler.elaborate(own.get(own.size() - 1));
        } catch (UndefinedTypeException e) {
            throw new DescriptionException(List.of(e.location() + ": block instance " + (e.instanceName() == null ? "?" : e.instanceName())
                    + " is of type " + e.typeName() + ", which no dependency provides (no bundle declares "
                    + BlockCapability.NAMESPACE + "=" + e.typeName() + "); " + String.format(dependencyHint, e.typeName())));
        } catch (RdlException e) {
            throw new DescriptionException(e.diagnostics().stream().map(Object::toString).toList());
        }
        checkMembers(model);
        ChipModel chip = ChipModelConverter.chipModel(model, map -> blocks.get(ChipModelConverter.typeName(map)).pid());
        checkPlacement(model, chip);
        return new CompiledMap(chip, chipMap, model.top());
    }

    private static void compile(RdlCompiler compiler, Path file, String context) throws DescriptionException {
        try {
            compiler.compile(file);
        } catch (RdlException e) {
            throw new DescriptionException(e.diagnostics().stream().map(d -> context + d).toList());
        }
    }

    /** Every member of the chip is one instance of a provided block type. */
    private void checkMembers(ElaboratedModel model) throws DescriptionException {
        List<String> problems = new ArrayList<>();
        for (Node n : model.top().children()) {
            String where = ChipModelConverter.where(n);
            if (!(n instanceof AddrmapNode map)) {
                problems.add(where + n.instName() + " is not a block: a chip map places instances of block types only");
            } else if (!n.arrayIndices().isEmpty()) {
                problems.add(where + "block instance " + n.path().substring(model.top().path().length() + 1)
                        + " is an array element: name each instance (" + n.instName() + "0, " + n.instName() + "1, ...),"
                        + " since drivers and tools address blocks by instance name");
            } else if (!blocks.containsKey(ChipModelConverter.typeName(map))) {
                problems.add(where + "block instance " + n.instName() + " is of type " + ChipModelConverter.typeName(map)
                        + ", which no dependency provides; " + String.format(dependencyHint, ChipModelConverter.typeName(map)));
            }
        }
        if (!problems.isEmpty()) {
            throw new DescriptionException(problems);
        }
    }

    /**
     * Bases aligned to the decoder window, windows apart. The compiler already refuses blocks whose
     * registers overlap; a window can overlap another block while its registers do not, and a decoder
     * would then select the wrong block.
     */
    private static void checkPlacement(ElaboratedModel model, ChipModel chip) throws DescriptionException {
        Map<String, Node> nodes = new LinkedHashMap<>();
        model.top().children().forEach(n -> nodes.put(n.instName(), n));
        List<String> problems = new ArrayList<>();
        BlockInstance previous = null;
        for (BlockInstance b : chip.blocks()) { // in address order
            String where = ChipModelConverter.where(nodes.get(b.name())) + "block instance " + b.name() + " at " + hex(b.base());
            long window = b.type().window();
            if (b.base() % window != 0) {
                problems.add(where + " is not aligned to its window: type " + b.type().name() + " spans " + hex(b.size())
                        + " bytes, which an address decoder serves with a " + hex(window) + "-byte window (the size"
                        + " rounded up to a power of two, so that the upper address bits alone select the block); place it"
                        + " at a multiple of " + hex(window));
            }
            if (previous != null && previous.base() + previous.type().window() > b.base()) {
                problems.add(where + " lies in the window of block instance " + previous.name() + " (" + hex(previous.base())
                        + ".." + hex(previous.base() + previous.type().window() - 1) + ")");
            }
            previous = b;
        }
        if (!problems.isEmpty()) {
            throw new DescriptionException(problems);
        }
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private static List<Path> descriptions(BlockBundle b) throws IOException {
        try (Stream<Path> files = Files.list(b.descriptions())) {
            return files.filter(p -> RdlCompiler.isDescription(p)).sorted().toList();
        }
    }
}
