package io.halcyon.rdl.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.contract.RegisterContract;

/**
 * One generation run, as the build does it: compile every description ({@code *.rdl}, IP-XACT {@code *.xml}) of a directory, generate,
 * and put the Java sources and the register map in place only when everything succeeded (they are
 * written to a scratch directory first, then moved). Skipped when the inputs are unchanged since the
 * last successful run, so an unchanged description does not make the compiler rebuild the bundle.
 */
public final class RdlGeneration {

    /**
     * @param sourceDir where the {@code *.rdl} (or IP-XACT {@code *.xml}) files are (also the include directory)
     * @param javaOut generated Java source root (replaced as a whole)
     * @param docOut where the register maps (Markdown, HTML) and the C header go (replaced as a whole)
     * @param workDir scratch space and the up-to-date stamp
     * @param javaPackage package of the generated code; null derives {@code packagePrefix.<block>.regs}
     * @param blockName short block name; null takes the top address map's instance name
     * @param top the top address map to elaborate; null takes the last one defined
     * @param components also generate the block bundle's OSGi parts (the block-instance configuration
     *     type and the HardwareBlock service); false for plain register code
     */
    public record Settings(Path sourceDir, Path javaOut, Path docOut, Path workDir, String javaPackage,
            String packagePrefix, String blockName, String top, boolean components) {
    }

    public enum Outcome { NO_SOURCES, UP_TO_DATE, GENERATED }

    private RdlGeneration() {
    }

    public static Outcome run(Settings s) throws IOException, DescriptionException {
        List<Path> sources = sources(s.sourceDir());
        if (sources.isEmpty()) {
            return Outcome.NO_SOURCES;
        }
        Path stamp = s.workDir().resolve("inputs.sha256");
        String digest = digest(s);
        if (Files.isDirectory(s.javaOut()) && Files.exists(stamp) && Files.exists(contractFile(s))
                && Files.readString(stamp, StandardCharsets.UTF_8).equals(digest)) {
            return Outcome.UP_TO_DATE;
        }
        Files.deleteIfExists(stamp);
        ElaboratedModel model = compile(s.sourceDir(), sources, s.top());
        String block = s.blockName() != null ? s.blockName() : model.top().instName();
        String pkg = s.javaPackage() != null ? s.javaPackage() : s.packagePrefix() + "." + block + ".regs";
        RegisterGenerator generator = new RegisterGenerator(pkg, block);
        Map<String, String> java;
        Map<String, String> docs;
        try {
            java = generator.javaSources(model);
            if (s.components()) {
                java.putAll(generator.componentSources(model));
            }
            docs = generator.documents(model);
        } catch (GenerationException e) {
            throw new DescriptionException(List.of(sources.get(sources.size() - 1) + ": " + e.getMessage()));
        }
        Path scratch = s.workDir().resolve("scratch");
        deleteTree(scratch);
        write(scratch.resolve("java"), java);
        write(scratch.resolve("doc"), docs);
        replace(scratch.resolve("java"), s.javaOut());
        replace(scratch.resolve("doc"), s.docOut());
        deleteTree(scratch);
        Files.writeString(contractFile(s), RegisterContract.of(model, "").text(), StandardCharsets.UTF_8);
        Files.writeString(stamp, digest, StandardCharsets.UTF_8);
        return Outcome.GENERATED;
    }

    /** Compiles the files in name order into one root scope (like the reference compiler) and elaborates. */
    static ElaboratedModel compile(Path includeDir, List<Path> sources, String top) throws DescriptionException {
        try {
            RdlCompiler compiler = new RdlCompiler().addIncludeDir(includeDir);
            for (Path f : sources) {
                compiler.compile(f);
            }
            return compiler.elaborate(top);
        } catch (RdlException e) {
            throw new DescriptionException(e.diagnostics().stream().map(Object::toString).toList());
        }
    }

    /**
     * The register contract of the descriptions last generated (its text, without a version), which the
     * build compares with the block's baseline ({@link io.halcyon.rdl.contract.RegisterContract}).
     */
    public static Path contractFile(Settings s) {
        return s.workDir().resolve("register-contract.txt");
    }

    /** The model of the descriptions in {@code dir} (the last root addrmap is the top), as {@link #run} compiles them. */
    public static ElaboratedModel elaborate(Path dir) throws IOException, DescriptionException {
        return compile(dir, sources(dir), null);
    }

    private static List<Path> sources(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> RdlCompiler.isDescription(p) && Files.isRegularFile(p)).sorted()
                    .toList();
        }
    }

    /**
     * Puts {@code files} (text by path relative to {@code target}) in place of whatever {@code target}
     * held: written under {@code scratch} first, then moved, so a failure leaves the old files.
     */
    public static void writeReplacing(Path scratch, Path target, Map<String, String> files) throws IOException {
        deleteTree(scratch);
        write(scratch, files);
        replace(scratch, target);
    }

    private static void write(Path root, Map<String, String> files) throws IOException {
        Files.createDirectories(root);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Replaces {@code target} by {@code fresh}: a rename, so readers see the old tree or the new one. */
    private static void replace(Path fresh, Path target) throws IOException {
        deleteTree(target);
        Files.createDirectories(target.getParent());
        try {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(fresh, target);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Everything the output depends on: every file under the source directory (includes too), the
     * settings, and the generator itself (so a new plugin build regenerates).
     */
    private static String digest(Settings s) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> all = Files.walk(s.sourceDir())) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                md.update(s.sourceDir().relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(p));
            }
        }
        md.update((s.javaPackage() + "|" + s.packagePrefix() + "|" + s.blockName() + "|" + s.top() + "|" + s.components() + "|"
                + s.docOut().toAbsolutePath() + "|" + generatorIdentity()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    private static String generatorIdentity() {
        try {
            Path self = Path.of(RdlGeneration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self + "@" + Files.getLastModifiedTime(self).toMillis() + "/" + Files.size(self);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }
}
