package io.halcyon.launcher.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;

/**
 * A bundle jar as its manifest and its entries by path, read from where the bundle was installed
 * from: what the soak's versions are made of, a few entries and headers changed.
 *
 * @param entries the files (no folders), in the jar's order; the manifest is not among them
 */
record JarContents(Manifest manifest, Map<String, byte[]> entries) {

    static JarContents of(Bundle bundle) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream raw = new URL(bundle.getLocation()).openStream(); JarInputStream in = new JarInputStream(raw)) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
            return new JarContents(in.getManifest(), entries);
        }
    }

    /** Writes a jar with {@code manifest} first, then {@code entries}. */
    static Path write(Path jar, Manifest manifest, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue());
                j.closeEntry();
            }
        }
        return jar;
    }
}
