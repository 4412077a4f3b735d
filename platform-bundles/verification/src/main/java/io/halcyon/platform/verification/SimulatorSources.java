package io.halcyon.platform.verification;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;

/**
 * What goes into a simulator: the generated RTL of the chip maps ({@code rtl/}, from {@code rdl:chip-rtl})
 * and the hand-written harness and behaviour models ({@code sim/}), as the bundle carries them. Names
 * are {@code rtl/<file>} and {@code sim/<file>}, in name order, so a build's key does not depend on how
 * the files were listed.
 *
 * <p>Public for tools on a plain class path ({@code launcher/rtl-butr} builds third-party RTL with this
 * harness); the package is not exported, so no bundle sees it.
 */
public final class SimulatorSources {

    private final Map<String, byte[]> files;

    private SimulatorSources(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    /** The files of a bundle's {@code rtl/} and {@code sim/} folders. */
    static SimulatorSources of(Bundle bundle) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String folder : new String[] {"rtl", "sim"}) {
            var entries = bundle.findEntries(folder, "*", false);
            while (entries != null && entries.hasMoreElements()) {
                URL url = entries.nextElement();
                String name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
                if (!name.isEmpty()) {
                    try (InputStream in = url.openStream()) {
                        files.put(folder + "/" + name, in.readAllBytes());
                    }
                }
            }
        }
        return new SimulatorSources(files);
    }

    /** The same from a folder holding {@code rtl/} and {@code sim/} (a build's classes folder, in tests). */
    public static SimulatorSources of(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String folder : new String[] {"rtl", "sim"}) {
            try (Stream<Path> list = Files.list(root.resolve(folder))) {
                for (Path p : list.filter(Files::isRegularFile).toList()) {
                    files.put(folder + "/" + p.getFileName(), Files.readAllBytes(p));
                }
            }
        }
        return new SimulatorSources(files);
    }

    /**
     * The {@code rtl/} and {@code sim/} carried by the jar (or classes folder) this class was loaded
     * from: what the bundle carries, for tools that run it without a framework.
     */
    public static SimulatorSources carried() throws IOException {
        Path location;
        try {
            location = Path.of(SimulatorSources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot locate the verification platform's jar: " + e.getMessage(), e);
        }
        if (Files.isDirectory(location)) {
            return of(location);
        }
        try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(location)) {
            return of(jar.getPath("/"));
        }
    }

    /** The harness alone ({@code sim/}), without any RTL: what third-party RTL is built with. */
    public SimulatorSources harness() {
        Map<String, byte[]> sim = new TreeMap<>(files);
        sim.keySet().removeIf(n -> !n.startsWith("sim/"));
        return new SimulatorSources(sim);
    }

    /** These files with {@code name} ({@code rtl/<file>} or {@code sim/<file>}) added or replaced. */
    public SimulatorSources with(String name, byte[] content) {
        if (!name.startsWith("rtl/") && !name.startsWith("sim/") || name.indexOf('/', 4) >= 0) {
            throw new IllegalArgumentException("a simulator source is rtl/<file> or sim/<file>, not " + name);
        }
        Map<String, byte[]> changed = new TreeMap<>(files);
        changed.put(name, content.clone());
        return new SimulatorSources(changed);
    }

    /** Every file by name ({@code rtl/reference_gen1.f}). */
    public Map<String, byte[]> files() {
        return files;
    }

    /** The RTL files of chip map {@code chip}, in compile order (its generated file list {@code rtl/<chip>.f}). */
    String[] rtlOf(String chip) {
        byte[] list = files.get("rtl/" + chip + ".f");
        if (list == null) {
            throw new IllegalArgumentException("no RTL for chip map " + chip + " in this bundle (RTL of: "
                    + files.keySet().stream().filter(n -> n.endsWith(".f")).map(n -> n.substring(4, n.length() - 2)).toList() + ")");
        }
        return new String(list, java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toArray(String[]::new);
    }
}
