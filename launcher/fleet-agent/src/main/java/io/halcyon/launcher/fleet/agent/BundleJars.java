package io.halcyon.launcher.fleet.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a bundle jar is, read from its manifest, and its checksums: the agent checks what it downloaded
 * with it, the fleet command what it releases.
 */
public final class BundleJars {

    /** A jar that is an OSGi bundle. */
    public record Jar(String filename, Path file, String symbolicName, String version) {
        public String sha256() throws IOException {
            return digest(file, "SHA-256");
        }
    }

    private BundleJars() {
    }

    /**
     * @param name how to call the jar in a message (its file or artifact name)
     * @throws IOException naming {@code name} when the file is no jar or no bundle
     */
    public static Jar read(String name, Path file) throws IOException {
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            throw new IOException(name + ": not a jar (" + e.getMessage() + ")");
        }
        String bsn = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw new IOException(name + ": not an OSGi bundle (no Bundle-SymbolicName in its manifest)");
        }
        String version = manifest.getMainAttributes().getValue("Bundle-Version");
        return new Jar(name, file, bsn.split(";")[0].trim(), version == null ? "0.0.0" : version.trim());
    }

    /** The file's digest in lower-case hex; {@code algorithm} as {@link MessageDigest} names it (SHA-256, SHA-1, MD5). */
    public static String digest(Path file, String algorithm) throws IOException {
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
}
