package io.halcyon.launcher.fleet.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundle jars of one deployment, downloaded and checked before anything is applied: each must have
 * the size and every checksum the server gives (sha256, sha1, md5, whichever it sends), and be an OSGi
 * bundle (a manifest with a Bundle-SymbolicName). The first that is not fails the whole action.
 */
final class Artifacts {

    private static final Map<String, String> DIGESTS = Map.of("sha256", "SHA-256", "sha1", "SHA-1", "md5", "MD5");

    private Artifacts() {
    }

    /** Downloads and checks every artifact of {@code deployment} into {@code dir}. */
    static List<BundleJars.Jar> fetch(DdiClient ddi, Object deployment, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<BundleJars.Jar> jars = new ArrayList<>();
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
                jars.add(BundleJars.read("artifact " + name, file));
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
            String actual = BundleJars.digest(file, DIGESTS.get(e.getKey()));
            if (!actual.equals(e.getValue())) {
                throw new IOException("artifact " + name + ": " + e.getKey() + " mismatch (expected " + e.getValue() + ", downloaded " + actual + ")");
            }
        }
    }
}
