package io.halcyon.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A copy of a bundle jar with some manifest headers changed: how tests make the versions an
 * operator should never deploy (a missing import, an incompatible API) without a build of their own.
 */
final class ManifestEdit {

    private ManifestEdit() {}

    /** Writes the jar at {@code location} with {@code headers} set, to a new temporary file. */
    static Path copyWith(String location, Map<String, String> headers) throws IOException {
        byte[] original;
        try (InputStream in = new URL(location).openStream()) {
            original = in.readAllBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(original))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            headers.forEach(main::putValue);
            try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    jar.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
        Path file = Files.createTempFile("halcyon-itest-", ".jar");
        file.toFile().deleteOnExit();
        return Files.write(file, out.toByteArray());
    }
}
