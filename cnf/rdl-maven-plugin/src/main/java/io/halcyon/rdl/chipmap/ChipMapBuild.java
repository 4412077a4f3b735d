package io.halcyon.rdl.chipmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.runtime.ChipMapConflictException;
import io.halcyon.platform.chipmodel.runtime.KnownChipMaps;
import io.halcyon.rdl.generator.DescriptionException;
import io.halcyon.rdl.generator.RdlGeneration;

/**
 * The {@code rdl:chip-maps} goal without Maven: compile every chip map of a directory (each
 * {@code *.rdl} is one chip), check that a platform can tell them apart, and write the Java that
 * rebuilds them and the service entry of their index. The outputs are replaced only when everything
 * succeeded.
 */
public final class ChipMapBuild {

    /**
     * @param sourceDir the chip map files
     * @param blocks the block types the dependencies provide
     * @param dependencyHint what to do about a missing block type ({@code %s}: the type)
     * @param javaPackage package of the generated classes
     * @param javaOut generated source root (replaced as a whole)
     * @param resourceOut generated resource root (replaced as a whole)
     * @param workDir scratch space
     */
    public record Settings(Path sourceDir, List<BlockBundle> blocks, String dependencyHint, String javaPackage, Path javaOut,
            Path resourceOut, Path workDir) {
    }

    private ChipMapBuild() {
    }

    /** @return the chip maps generated; none when the directory has no chip map */
    public static List<ChipModel> run(Settings s) throws DescriptionException, IOException {
        List<ChipMapCompiler.CompiledMap> maps = compile(s.sourceDir(), new ChipMapCompiler(s.blocks(), s.dependencyHint()));
        if (maps.isEmpty()) {
            return List.of();
        }
        List<ChipModel> models = maps.stream().map(ChipMapCompiler.CompiledMap::model).toList();
        ChipModelWriter writer = new ChipModelWriter(s.javaPackage());
        Map<String, String> java = writer.javaSources(models, m -> maps.get(models.indexOf(m)).file().getFileName().toString());
        RdlGeneration.writeReplacing(s.workDir().resolve("scratch-java"), s.javaOut(), java);
        RdlGeneration.writeReplacing(s.workDir().resolve("scratch-resources"), s.resourceOut(), writer.resources());
        return models;
    }

    /** Every chip map of {@code sourceDir}, in file name order, checked to be known together. */
    public static List<ChipMapCompiler.CompiledMap> compile(Path sourceDir, ChipMapCompiler compiler)
            throws DescriptionException, IOException {
        List<ChipMapCompiler.CompiledMap> maps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : chipMapFiles(sourceDir)) {
            try {
                maps.add(compiler.compile(file));
            } catch (DescriptionException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new DescriptionException(problems);
        }
        try {
            new KnownChipMaps(maps.stream().map(ChipMapCompiler.CompiledMap::model).toList());
        } catch (ChipMapConflictException e) {
            throw new DescriptionException(List.of(where(maps, e.second()) + e.getMessage() + " (" + where(maps, e.first())
                    .replaceAll(": $", "") + ")"));
        }
        return maps;
    }

    private static String where(List<ChipMapCompiler.CompiledMap> maps, String name) {
        return maps.stream().filter(m -> m.model().name().equals(name)).findFirst()
                .map(m -> ChipModelConverter.where(m.top())).orElse("");
    }

    private static List<Path> chipMapFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".rdl") && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
