package io.halcyon.launcher.fleet.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The bundle jars of one deployment, downloaded and checked before anything is applied: each must have
 * the size and every checksum the server gives (sha256, sha1, md5, whichever it sends), and be an OSGi
 * bundle (a manifest with a Bundle-SymbolicName). The first that is not fails the whole action.
 */
final class Artifacts {

    /** One verified jar and the bundle it is. */
    record Jar(String filename, Path file, String symbolicName, String version) {
    }

    private static final Map<String, String> DIGESTS = Map.of("sha256", "SHA-256", "sha1", "SHA-1", "md5", "MD5");

    private Artifacts() {
    }

    /** Downloads and checks every artifact of {@code deployment} into {@code dir}. */
    static List<Jar> fetch(DdiClient ddi, Object deployment, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Jar> jars = new ArrayList<>();
        for (Object chunk : Json.list(deployment, "deployment", "chunks")) {
            for (Object artifact : Json.list(chunk, "artifacts")) {
                String name = Json.string(artifact, "filename");
                String url = Json.string(artifact, "_links", "download-http", "href");
                if (url.isEmpty()) {
                    url = Json.string(artifact, "_links", "download", "href");
                }
                if (name.isEmpty() || name.contains("/") || url.isEmpty()) {
                    throw new IOException("artifact '" + name + "' of module " + Json.string(chunk, "name") + ": no file name or download link");
                }
                Path file = dir.resolve(name);
                ddi.download(url, file);
                verify(name, file, Json.number(artifact, -1, "size"), hashes(artifact));
                jars.add(bundle(name, file));
            }
        }
        if (jars.isEmpty()) {
            throw new IOException("the distribution set holds no artifact");
        }
        return jars;
    }

    static Map<String, String> hashes(Object artifact) {
        Map<String, String> h = new LinkedHashMap<>();
        for (String kind : List.of("sha256", "sha1", "md5")) {
            String v = Json.string(artifact, "hashes", kind);
            if (!v.isEmpty()) {
                h.put(kind, v.toLowerCase());
            }
        }
        return h;
    }

    /** Size and every given checksum must match; no checksum at all is refused too. */
    static void verify(String name, Path file, long size, Map<String, String> expected) throws IOException {
        if (expected.isEmpty()) {
            throw new IOException("artifact " + name + ": the server gave no checksum to verify it with");
        }
        long actualSize = Files.size(file);
        if (size >= 0 && actualSize != size) {
            throw new IOException("artifact " + name + ": " + actualSize + " bytes downloaded, the server says " + size);
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String actual = digest(file, DIGESTS.get(e.getKey()));
            if (!actual.equals(e.getValue())) {
                throw new IOException("artifact " + name + ": " + e.getKey() + " mismatch (expected " + e.getValue() + ", downloaded " + actual + ")");
            }
        }
    }

    static String digest(Path file, String algorithm) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0;) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is in every JDK", e);
        }
    }

    static Jar bundle(String name, Path file) throws IOException {
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            throw new IOException("artifact " + name + ": not a jar (" + e.getMessage() + ")");
        }
        String bsn = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw new IOException("artifact " + name + ": not an OSGi bundle (no Bundle-SymbolicName in its manifest)");
        }
        String version = manifest.getMainAttributes().getValue("Bundle-Version");
        return new Jar(name, file, bsn.split(";")[0].trim(), version == null ? "0.0.0" : version.trim());
    }
}
