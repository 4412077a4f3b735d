package io.halcyon.launcher.update.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.osgi.framework.Bundle;

/**
 * The jars a bundle has run, newest first, so that {@code hal:rollback} can put back the exact previous
 * bytes and a request for the jar already running is recognised as nothing to do. Kept on disk, in the
 * host's state directory, so that both survive the host: per symbolic name a folder with each jar once
 * ({@code <sha-256>.jar}) and a {@code stack} file listing them newest first, replaced whole (written
 * beside it, then moved over it) at each change. The newest {@value #KEPT} are kept. Keyed by symbolic
 * name: each block version runs as a bundle of its own (installed beside the one it replaces), so the
 * bundle id changes with every update.
 */
final class RevisionStore {

    /** Revisions kept per bundle: enough to go back several times, bounded so the state directory stays small. */
    static final int KEPT = 8;

    private final Path dir;
    private final Map<String, List<JarImage>> revisions = new HashMap<>();

    /** @param dir where the jars and stacks live (created on demand) */
    RevisionStore(Path dir) {
        this.dir = dir;
    }

    /** The jar running now: the one last recorded, else the one the bundle was installed from. */
    synchronized JarImage running(Bundle bundle) {
        List<JarImage> known = stack(bundle.getSymbolicName());
        if (known.isEmpty()) {
            known.add(0, installedImage(bundle));
            save(bundle.getSymbolicName(), known);
        }
        return known.get(0);
    }

    /** {@code image} runs now. */
    synchronized void ran(Bundle bundle, JarImage image) {
        running(bundle);
        List<JarImage> known = stack(bundle.getSymbolicName());
        known.add(0, image);
        save(bundle.getSymbolicName(), known);
    }

    /** The jar that ran before the running one, if the manager replaced it (on this host or before a restart). */
    synchronized JarImage previous(Bundle bundle) {
        List<JarImage> known = stack(bundle.getSymbolicName());
        return known.size() < 2 ? null : known.get(1);
    }

    /** After a rollback: the running jar is forgotten, the previous one runs again. */
    synchronized void wentBack(Bundle bundle) {
        List<JarImage> known = stack(bundle.getSymbolicName());
        known.remove(0);
        save(bundle.getSymbolicName(), known);
    }

    /**
     * The SHA-256 of the jar last recorded running, read from the stack file alone (a host start asks
     * this of every bundle it has revisions of, and need not load their jars).
     */
    synchronized Optional<String> recordedRunningSha(String symbolicName) {
        List<JarImage> loaded = revisions.get(symbolicName);
        if (loaded != null) {
            return loaded.isEmpty() ? Optional.empty() : Optional.of(loaded.get(0).sha256());
        }
        Path stack = dir.resolve(symbolicName).resolve("stack");
        try {
            return Files.exists(stack) ? Files.readAllLines(stack, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).findFirst()
                    .map(String::trim) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("revisions of " + symbolicName + ": " + e.getMessage(), e);
        }
    }

    /** The symbolic names with a recorded stack: what may have run at another version before a restart. */
    synchronized Set<String> recorded() {
        Set<String> names = new HashSet<>(revisions.keySet());
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir, Files::isDirectory)) {
                folders.forEach(f -> names.add(f.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("revisions " + dir + ": " + e.getMessage(), e);
            }
        }
        return names;
    }

    /** The bytes {@code bundle} runs as installed now (its location's, or its entries'). */
    static JarImage installedImage(Bundle bundle) {
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

    /** The bundle's stack, loaded from disk the first time it is asked for. */
    private List<JarImage> stack(String symbolicName) {
        return revisions.computeIfAbsent(symbolicName, this::load);
    }

    private List<JarImage> load(String symbolicName) {
        Path folder = dir.resolve(symbolicName);
        Path stack = folder.resolve("stack");
        List<JarImage> images = new ArrayList<>();
        if (!Files.exists(stack)) {
            return images;
        }
        try {
            for (String sha : Files.readAllLines(stack, StandardCharsets.UTF_8)) {
                Path jar = folder.resolve(sha.trim() + ".jar");
                if (!sha.isBlank() && Files.exists(jar)) {
                    images.add(JarImage.of(Files.readAllBytes(jar), jar.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("revisions of " + symbolicName + " in " + folder + ": " + e.getMessage(), e);
        }
        return images;
    }

    /** Writes the jars not yet on disk, then the stack (atomically), then drops jars no longer listed. */
    private void save(String symbolicName, List<JarImage> images) {
        while (images.size() > KEPT) {
            images.remove(images.size() - 1);
        }
        Path folder = dir.resolve(symbolicName);
        try {
            Files.createDirectories(folder);
            Set<String> listed = new HashSet<>();
            StringBuilder stack = new StringBuilder();
            for (JarImage image : images) {
                Path jar = folder.resolve(image.sha256() + ".jar");
                if (!Files.exists(jar)) {
                    Path partial = folder.resolve(image.sha256() + ".jar.partial");
                    Files.write(partial, image.bytes());
                    Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
                }
                listed.add(jar.getFileName().toString());
                stack.append(image.sha256()).append('\n');
            }
            Path next = folder.resolve("stack.next");
            Files.writeString(next, stack, StandardCharsets.UTF_8);
            Files.move(next, folder.resolve("stack"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
                for (Path jar : jars) {
                    if (!listed.contains(jar.getFileName().toString())) {
                        Files.deleteIfExists(jar);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("revisions of " + symbolicName + " in " + folder + ": cannot save: " + e.getMessage(), e);
        }
    }

    /**
     * The jar rebuilt from the bundle's own entries, which holds the same classes and manifest, for a
     * bundle whose location no longer yields its bytes.
     */
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
