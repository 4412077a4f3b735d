package io.halcyon.launcher.host;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a host runs, as the build exported it from {@code launcher/host/NAME.bndrun}: the resolved run
 * bundles in {@code export/NAME/} and the framework properties ({@code -runproperties}) in
 * {@code export/NAME.properties}, both under the host's home. Which bundles and which properties is
 * decided there, never here. Public for the Pax Exam tests (itests), which run the same assembly.
 *
 * @param name the .bndrun's name, e.g. {@link #MAIN}
 * @param bundles the folder with the assembly's bundle jars
 * @param properties framework properties the assembly declares
 */
public record Assembly(String name, Path bundles, Map<String, String> properties) {

    /** What a server runs; the main job and every command but the soak's. */
    public static final String MAIN = "emulation";

    /** The assembly {@code name} exported under {@code home}; fails naming what is missing. */
    public static Assembly load(Path home, String name) throws IOException {
        Path export = home.resolve("export");
        Path bundles = export.resolve(name);
        Path file = export.resolve(name + ".properties");
        if (!Files.isDirectory(bundles) || !Files.isRegularFile(file)) {
            throw new IllegalStateException("no assembly '" + name + "' in " + export
                    + ": build the host first (mvn package -pl launcher/host -am)");
        }
        Properties declared = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            declared.load(in);
        }
        Map<String, String> properties = new HashMap<>();
        declared.stringPropertyNames().forEach(k -> properties.put(k, declared.getProperty(k)));
        return new Assembly(name, bundles, Map.copyOf(properties));
    }

    /**
     * The assembly's bundle jars, by file name: the order they are installed and started in. That order
     * starts the update manager (launcher-update-*.jar) before SCR (org.apache.felix.scr-*.jar), so its
     * service hooks are in place before the first component binds a driver.
     */
    public List<Path> jars() throws IOException {
        return jarsIn(bundles);
    }

    /** The jars in {@code dir}, by file name. */
    static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }
}
