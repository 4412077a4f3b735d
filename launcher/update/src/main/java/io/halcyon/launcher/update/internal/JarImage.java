package io.halcyon.launcher.update.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * The bytes of a bundle jar and what the manager needs from its manifest.
 *
 * @param exports exported package name to its version
 */
record JarImage(byte[] bytes, String symbolicName, Version version, Map<String, Version> exports, String sha256) {

    /** @throws IllegalArgumentException (naming {@code origin}) if the bytes are no bundle jar */
    static JarImage of(byte[] bytes, String origin) {
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
            manifest = in.getManifest();
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not a jar (" + e.getMessage() + ")", e);
        }
        Attributes main = manifest == null ? null : manifest.getMainAttributes();
        String bsn = main == null ? null : main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (bsn == null) {
            throw new IllegalArgumentException(origin + ": not a bundle (no " + Constants.BUNDLE_SYMBOLICNAME + " in its manifest)");
        }
        Map<String, Version> exports = new LinkedHashMap<>();
        for (ManifestClauses.Clause clause : ManifestClauses.parse(main.getValue(Constants.EXPORT_PACKAGE))) {
            Version v = Version.parseVersion(clause.attributes().getOrDefault(Constants.VERSION_ATTRIBUTE, "0.0.0"));
            clause.names().forEach(name -> exports.put(name, v));
        }
        return new JarImage(bytes, ManifestClauses.parse(bsn).get(0).names().get(0),
                Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION)), exports, sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
