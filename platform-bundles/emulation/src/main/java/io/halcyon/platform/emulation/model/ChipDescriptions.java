package io.halcyon.platform.emulation.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.model.AddrmapNode;
import io.halcyon.rdl.compiler.model.ElaboratedModel;

/**
 * The chip's SystemRDL description, chip.rdl, which includes every block's .rdl (copied from the block
 * bundles at build time), carried as bundle resources and elaborated once per JVM: the model is
 * immutable, every emulated chip builds its own register files from it. The same descriptions drive the
 * generated drivers, so the emulation cannot drift from them.
 */
public final class ChipDescriptions {

    private static final String FOLDER = "/io/halcyon/platform/emulation/rdl/";
    private static final String CHIP = "chip.rdl";
    private static final Pattern INCLUDE = Pattern.compile("(?m)^\\s*`include\\s+\"([^\"]+)\"");

    private static volatile ElaboratedModel chip;
    private static volatile long chipElaborationNanos;

    private ChipDescriptions() {
    }

    /** The whole chip (chip.rdl), one sub-addrmap per block. */
    public static ElaboratedModel chip() {
        ElaboratedModel m = chip;
        if (m == null) {
            synchronized (ChipDescriptions.class) {
                if (chip == null) {
                    long start = System.nanoTime();
                    chip = elaborateChip();
                    chipElaborationNanos = System.nanoTime() - start;
                }
                m = chip;
            }
        }
        return m;
    }

    /** One block's address map inside the chip, by instance name ({@code "dma"}). */
    public static AddrmapNode block(String instance) {
        ElaboratedModel model = chip();
        if (!(model.find(model.top().path() + "." + instance) instanceof AddrmapNode map)) {
            throw new IllegalArgumentException("chip.rdl has no block " + instance);
        }
        return map;
    }

    /** How long reading and elaborating chip.rdl took (0 before the first {@link #chip()}). */
    public static long chipElaborationNanos() {
        return chipElaborationNanos;
    }

    /**
     * The preprocessor resolves {@code `include} on the file system, and bundle resources are not files:
     * the descriptions are unpacked into a private temporary folder for the compile, then removed.
     */
    private static ElaboratedModel elaborateChip() {
        String chipText = resource(CHIP);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("halcyon-chip-rdl");
            Files.writeString(dir.resolve(CHIP), chipText);
            for (String included : includes(chipText)) {
                Files.writeString(dir.resolve(included), resource(included));
            }
            // No Perl pass: the chip's descriptions use none, and the emulation must not start processes.
            return new RdlCompiler().perl(null).compile(dir.resolve(CHIP)).elaborate("chip");
        } catch (IOException e) {
            throw new UncheckedIOException("unpacking the chip's descriptions", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    static List<String> includes(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = INCLUDE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String resource(String file) {
        try (InputStream in = ChipDescriptions.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("description " + file + " is missing from the emulation bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the chip is already elaborated.
        }
    }
}
