package io.halcyon.launcher.update.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.osgi.framework.Bundle;

/**
 * The jars a bundle has run, newest first, so that {@code hal:rollback} can put back the exact
 * previous bytes and a request for the jar already running is recognised as nothing to do. Kept in
 * memory: block bundles are tens of kilobytes, and a restarted host starts from its configured
 * bundles anyway. Keyed by symbolic name:
 * each version runs as a bundle of its own (installed beside the one it replaces), so the bundle id
 * changes with every update.
 */
final class RevisionStore {

    private final Map<String, Deque<JarImage>> revisions = new HashMap<>();

    /** The jar running now: the one the manager installed, else the one the bundle was installed from. */
    synchronized JarImage running(Bundle bundle) {
        Deque<JarImage> known = revisions.computeIfAbsent(bundle.getSymbolicName(), id -> new ArrayDeque<>());
        if (known.isEmpty()) {
            known.push(installedImage(bundle));
        }
        return known.peek();
    }

    /** {@code image} runs now. */
    synchronized void ran(Bundle bundle, JarImage image) {
        running(bundle);
        revisions.get(bundle.getSymbolicName()).push(image);
    }

    /** The jar that ran before the running one, if the manager replaced it. */
    synchronized JarImage previous(Bundle bundle) {
        Deque<JarImage> known = revisions.get(bundle.getSymbolicName());
        if (known == null || known.size() < 2) {
            return null;
        }
        return List.copyOf(known).get(1);
    }

    /** After a rollback: the running jar is forgotten, the previous one runs again. */
    synchronized void wentBack(Bundle bundle) {
        revisions.get(bundle.getSymbolicName()).pop();
    }

    /**
     * The bytes the bundle was installed from, when its location still holds them (same name and
     * version); otherwise the jar rebuilt from the bundle's own entries, which holds the same classes
     * and manifest.
     */
    private static JarImage installedImage(Bundle bundle) {
        String location = bundle.getLocation();
        try (InputStream in = new URL(location).openStream()) {
            JarImage image = JarImage.of(in.readAllBytes(), location);
            if (image.symbolicName().equals(bundle.getSymbolicName()) && image.version().equals(bundle.getVersion())) {
                return image;
            }
        } catch (IOException | IllegalArgumentException e) {
            // a location that is no URL or no longer holds this jar: rebuild it below
        }
        return JarImage.of(rebuild(bundle), "bundle " + bundle.getSymbolicName());
    }

    private static byte[] rebuild(Bundle bundle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            // JarInputStream finds the manifest only as one of the first entries.
            copy(bundle.getEntry("META-INF/MANIFEST.MF"), "META-INF/MANIFEST.MF", jar);
            Enumeration<URL> entries = bundle.findEntries("/", "*", true);
            for (URL entry : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
                String path = entry.getPath().substring(1);
                if (!path.endsWith("/") && !path.equals("META-INF/MANIFEST.MF")) {
                    copy(entry, path, jar);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("bundle " + bundle.getSymbolicName() + ": cannot copy its entries: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static void copy(URL entry, String path, JarOutputStream jar) throws IOException {
        jar.putNextEntry(new JarEntry(path));
        try (InputStream in = entry.openStream()) {
            in.transferTo(jar);
        }
        jar.closeEntry();
    }
}
