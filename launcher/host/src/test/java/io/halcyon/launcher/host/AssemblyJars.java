package io.halcyon.launcher.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The main assembly's bundle jars as the build exported them, and copies of them with manifest headers
 * changed: how these tests make the new versions an operator deploys (a block's next version, an API
 * bundle that breaks its importers) without a build of their own.
 */
final class AssemblyJars {

    private AssemblyJars() {}

    /** The exported jar whose file name starts with {@code prefix}, e.g. {@code block-sysctrl-}. */
    static Path exported(String prefix) throws IOException {
        try (Stream<Path> jars = Files.list(HostProcess.HOME.resolve("export").resolve(Assembly.MAIN))) {
            // The version must follow the prefix: "hal-api-" is hal-api-1.1.0-SNAPSHOT.jar, not hal-api-dma-2.0.0-SNAPSHOT.jar.
            return jars.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().length() > prefix.length()
                    && Character.isDigit(p.getFileName().toString().charAt(prefix.length()))).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + "*.jar in the exported assembly"));
        }
    }

    /** Writes {@code source} with {@code headers} set to {@code target}. */
    static Path withHeaders(Path source, Path target, Map<String, String> headers) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream raw = Files.newInputStream(source); JarInputStream in = new JarInputStream(raw)) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            headers.forEach(main::putValue);
            try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    jar.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
        return target;
    }

    /** The main header of a jar. */
    static String header(Path jar, String name) throws IOException {
        try (InputStream raw = Files.newInputStream(jar); JarInputStream in = new JarInputStream(raw)) {
            return in.getManifest().getMainAttributes().getValue(name);
        }
    }
}
