package io.halcyon.rdl.chipmap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Jar;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.generator.RdlGeneration;

/**
 * Finds the block types among a module's dependencies: an artifact whose manifest declares
 * {@code Provide-Capability: halcyon.block;halcyon.block=<type>;pid=<pid>;rdl=<folder>} is a block bundle,
 * carrying its SystemRDL files under {@code <folder>}. A jar's descriptions are extracted (the compiler
 * reads files); a reactor module not yet packaged is its classes directory, whose manifest is computed
 * from its classes the way bnd will compute the jar's (the capability is an annotation of a generated class).
 */
public final class BlockBundles {

    private static final String PROVIDE_CAPABILITY = "Provide-Capability";

    private BlockBundles() {
    }

    /**
     * The block types {@code artifact} provides; none for anything that is not a block bundle.
     *
     * @param coordinates {@code groupId:artifactId}, for messages and the extraction folder
     * @param workDir where a jar's descriptions are extracted
     */
    public static List<BlockBundle> read(Path artifact, String coordinates, Path workDir) throws IOException {
        if (Files.isDirectory(artifact)) {
            List<BlockBundle> found = new ArrayList<>();
            for (Map.Entry<String, Attrs> c : capabilities(manifest(artifact))) {
                found.add(bundle(c.getValue(), coordinates, artifact.resolve(c.getValue().get(BlockCapability.DESCRIPTIONS, ""))));
            }
            return found;
        }
        if (!artifact.getFileName().toString().endsWith(".jar")) {
            return List.of();
        }
        try (JarFile jar = new JarFile(artifact.toFile())) {
            List<BlockBundle> found = new ArrayList<>();
            for (Map.Entry<String, Attrs> c : capabilities(jar.getManifest())) {
                String folder = c.getValue().get(BlockCapability.DESCRIPTIONS, "");
                Path into = workDir.resolve(coordinates.replace(':', '_')).resolve(c.getValue().get(BlockCapability.NAMESPACE));
                extract(jar, folder, into);
                found.add(bundle(c.getValue(), coordinates, into));
            }
            return found;
        }
    }

    private static BlockBundle bundle(Attrs attrs, String coordinates, Path descriptions) throws IOException {
        String type = attrs.get(BlockCapability.NAMESPACE);
        String pid = attrs.get(BlockCapability.PID);
        if (type == null || pid == null || attrs.get(BlockCapability.DESCRIPTIONS) == null) {
            throw new IOException(coordinates + " declares a " + BlockCapability.NAMESPACE
                    + " capability without the block type, pid or rdl folder: " + attrs);
        }
        if (!hasDescriptions(descriptions)) {
            throw new IOException(coordinates + " declares block type " + type + " but carries no descriptions under "
                    + attrs.get(BlockCapability.DESCRIPTIONS));
        }
        return new BlockBundle(type, pid, coordinates, descriptions);
    }

    private static boolean hasDescriptions(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> RdlCompiler.isDescription(p));
        }
    }

    /** The {@code halcyon.block} clauses of the manifest's Provide-Capability (bnd marks repeated namespaces with '~'). */
    private static List<Map.Entry<String, Attrs>> capabilities(Manifest manifest) {
        String header = manifest == null ? null : manifest.getMainAttributes().getValue(PROVIDE_CAPABILITY);
        if (header == null) {
            return List.of();
        }
        return new Parameters(header, null, true).entrySet().stream()
                .filter(e -> e.getKey().replaceAll("~+$", "").equals(BlockCapability.NAMESPACE)).toList();
    }

    /** The directory's own manifest, or the one bnd computes from its classes (annotations included). */
    private static Manifest manifest(Path classes) throws IOException {
        Path file = classes.resolve("META-INF/MANIFEST.MF");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return new Manifest(in);
            }
        }
        try (Analyzer analyzer = new Analyzer(); Jar jar = new Jar(classes.toFile())) {
            analyzer.setJar(jar);
            analyzer.setProperty("Bundle-SymbolicName", "chip-maps.probe");
            return analyzer.calcManifest();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot compute the manifest of " + classes + ": " + e.getMessage(), e);
        }
    }

    /** The jar's files under {@code folder}, in place of whatever an earlier build extracted to {@code into}. */
    private static void extract(JarFile jar, String folder, Path into) throws IOException {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        Map<String, String> files = new TreeMap<>();
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
            JarEntry e = entries.nextElement();
            if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                try (InputStream in = jar.getInputStream(e)) {
                    files.put(e.getName().substring(prefix.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        RdlGeneration.writeReplacing(into.resolveSibling(into.getFileName() + ".scratch"), into, files);
    }
}
