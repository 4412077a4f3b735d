package io.halcyon.launcher.soak;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaFileObject;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Successive versions of a block bundle built from changed code. Each version adds, for every DS
 * component of the bundle, a generated subclass of the component's class with the version's own
 * build constant, and points the component description at it; so version 1.0.7 runs code that
 * version 1.0.6 did not have. The original classes, register description and imports stay, which
 * keeps the versions honest to compare: a workload must give bit-identical results on every one.
 *
 * <p>Why not re-run bnd: the jar's imports and exports do not change (the subclasses use only types
 * the bundle already imports), so rewriting the manifest and the component XML directly is the
 * whole job; javac, which every JDK carries, compiles the subclasses against the bundle's own jar and
 * the API jars it is wired to. All versions of one block compile in one javac run.
 */
final class DriverVariants {

    private static final Pattern IMPLEMENTATION = Pattern.compile("<implementation class=\"([^\"]+)\"");
    private static final Pattern INIT = Pattern.compile("\\binit=\"(\\d+)\"");
    private static final String HARDWARE_BLOCK = "io.halcyon.hal.api.regmap.HardwareBlock";

    /** One DS component of the bundle (a final class, such as a generated description, is kept as it is). */
    private record Component(String xmlPath, String xml, String implementation, int init, boolean description) {
        String subclass(Version v, Flavour flavour) {
            return implementation + "_v" + v.toString().replace('.', '_') + (flavour == Flavour.GOOD ? "" : "_" + flavour.name().toLowerCase());
        }
    }

    private final Bundle bundle;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Manifest manifest;
    private final List<Component> components = new ArrayList<>();

    DriverVariants(Bundle bundle) throws IOException {
        this.bundle = bundle;
        JarContents jar = JarContents.of(bundle);
        manifest = jar.manifest();
        entries.putAll(jar.entries());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().startsWith("OSGI-INF/") && e.getKey().endsWith(".xml")) {
                String xml = new String(e.getValue(), StandardCharsets.UTF_8);
                Matcher impl = IMPLEMENTATION.matcher(xml);
                if (impl.find() && !isFinal(impl.group(1))) {
                    Matcher init = INIT.matcher(xml);
                    components.add(new Component(e.getKey(), xml, impl.group(1), init.find() ? Integer.parseInt(init.group(1)) : -1,
                            xml.contains("interface=\"" + HARDWARE_BLOCK + "\"")));
                }
            }
        }
        if (components.isEmpty()) {
            throw new IllegalStateException(bundle.getSymbolicName() + " has no DS components to derive versions from");
        }
    }

    private boolean isFinal(String className) throws IOException {
        try {
            return java.lang.reflect.Modifier.isFinal(bundle.loadClass(className).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new IOException(bundle.getSymbolicName() + " cannot load its own component class " + className, e);
        }
    }

    /** Builds {@code versions} of the bundle, all of one flavour, into {@code dir}; returns the jars in order. */
    List<Path> build(List<Version> versions, Flavour flavour, Path dir) throws IOException {
        Path classes = Files.createTempDirectory(dir, "classes-");
        List<JavaFileObject> sources = new ArrayList<>();
        for (Version v : versions) {
            for (Component c : components) {
                sources.add(Javac.source(c.subclass(v, flavour), subclassSource(c, v, flavour)));
            }
        }
        Javac.compile(sources, classes, classpath(dir), "generated driver versions of " + bundle.getSymbolicName());
        List<Path> jars = new ArrayList<>();
        for (Version v : versions) {
            jars.add(writeJar(v, flavour, classes, dir.resolve(bundle.getSymbolicName() + "-" + v + "-" + flavour.name().toLowerCase() + ".jar")));
        }
        return jars;
    }

    private String subclassSource(Component c, Version v, Flavour flavour) throws IOException {
        String subclass = c.subclass(v, flavour);
        String pkg = subclass.substring(0, subclass.lastIndexOf('.'));
        String simple = subclass.substring(pkg.length() + 1);
        Class<?>[] params = constructorOf(c).getParameterTypes();
        boolean misaddress = flavour == Flavour.FAILS_HEALTH_GATE;
        boolean onGeneration2 = flavour == Flavour.FAILS_HEALTH_GATE_ON_GENERATION_2;
        String declared = "";
        String passed = "";
        for (int i = 0; i < params.length; i++) {
            declared += (i == 0 ? "" : ", ") + params[i].getCanonicalName() + " p" + i;
            boolean bus = params[i].getName().equals(MisaddressingBus.BUS);
            passed += (i == 0 ? "" : ", ") + (misaddress && bus ? "new Misaddressing(p" + i + ")" : onGeneration2 && bus ? "onGeneration2(p" + i + ")" : "p" + i);
        }
        StringBuilder s = new StringBuilder();
        s.append("package ").append(pkg).append(";\n\n");
        s.append("/** Generated by hal:soak: version ").append(v).append(" of ").append(c.implementation()).append(". */\n");
        s.append("public class ").append(simple).append(" extends ").append(c.implementation()).append(" {\n");
        s.append("    public static final String BUILD = \"").append(v).append("\";\n\n");
        s.append("    public ").append(simple).append("(").append(declared).append(") {\n");
        s.append("        super(").append(passed).append(");\n");
        if (flavour == Flavour.ACTIVATION_THROWS && !c.description()) {
            s.append("        throw new IllegalStateException(\"version \" + BUILD + \" refuses to activate (a deliberately bad build)\");\n");
        }
        s.append("    }\n\n");
        if (misaddress || onGeneration2) {
            s.append(MisaddressingBus.source(bundle));
        }
        if (onGeneration2) {
            s.append(MisaddressingBus.onGeneration2Source(simple));
        }
        s.append("    /** The build this object's code comes from. */\n");
        s.append("    public String build() {\n        return BUILD;\n    }\n}\n");
        return s.toString();
    }

    private Constructor<?> constructorOf(Component c) throws IOException {
        try {
            Constructor<?>[] all = bundle.loadClass(c.implementation()).getConstructors();
            return Arrays.stream(all).filter(k -> c.init() < 0 || k.getParameterCount() == c.init())
                    .max(Comparator.comparingInt(Constructor::getParameterCount))
                    .orElseThrow(() -> new IOException(c.implementation() + " has no public constructor with " + c.init() + " parameters"));
        } catch (ClassNotFoundException e) {
            throw new IOException(bundle.getSymbolicName() + " cannot load its own component class " + c.implementation(), e);
        }
    }

    /** The bundle's own jar and the jars of the bundles it imports from, as files javac can read. */
    private String classpath(Path dir) throws IOException {
        Set<String> paths = new LinkedHashSet<>();
        paths.add(Javac.jarOf(bundle, dir).toString());
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        for (BundleWire wire : wiring.getRequiredWires(null)) {
            Bundle provider = wire.getProvider().getBundle();
            if (provider.getBundleId() != 0) {
                paths.add(Javac.jarOf(provider, dir).toString());
            }
        }
        // The framework's own API (the system bundle, no jar of its own), for a version that looks into the service registry.
        try {
            java.security.CodeSource framework = Bundle.class.getProtectionDomain().getCodeSource();
            if (framework != null) {
                paths.add(Path.of(framework.getLocation().toURI()).toString());
            }
        } catch (java.net.URISyntaxException e) {
            throw new IOException("the framework's jar: " + e.getMessage(), e);
        }
        return String.join(java.io.File.pathSeparator, paths);
    }

    private Path writeJar(Version v, Flavour flavour, Path classes, Path jar) throws IOException {
        Manifest m = new Manifest(manifest);
        Attributes main = m.getMainAttributes();
        main.putValue(Constants.BUNDLE_VERSION, v.toString());
        if (flavour == Flavour.MISSING_IMPORT) {
            main.putValue(Constants.IMPORT_PACKAGE, main.getValue(Constants.IMPORT_PACKAGE) + ",io.halcyon.nowhere;version=\"[1.0,2)\"");
        }
        if (flavour == Flavour.FAILS_HEALTH_GATE_ON_GENERATION_2 && !main.getValue(Constants.IMPORT_PACKAGE).matches("(^|.*,)org\\.osgi\\.framework[;,].*")) {
            // It looks its chip's generation up in the service registry.
            main.putValue(Constants.IMPORT_PACKAGE, main.getValue(Constants.IMPORT_PACKAGE) + ",org.osgi.framework;version=\"[1.8,2)\"");
        }
        Map<String, byte[]> content = new LinkedHashMap<>(entries);
        for (Component c : components) {
            String subclass = c.subclass(v, flavour);
            content.put(c.xmlPath(), c.xml().replace("class=\"" + c.implementation() + "\"", "class=\"" + subclass + "\"")
                    .getBytes(StandardCharsets.UTF_8));
            String classFile = subclass.replace('.', '/') + ".class";
            Path packageDir = classes.resolve(classFile).getParent();
            String simple = subclass.substring(subclass.lastIndexOf('.') + 1);
            try (var generated = Files.list(packageDir)) {
                for (Path f : (Iterable<Path>) generated::iterator) {
                    String name = f.getFileName().toString();
                    if (name.equals(simple + ".class") || name.startsWith(simple + "$")) {
                        content.put(classes.relativize(f).toString().replace(java.io.File.separatorChar, '/'), Files.readAllBytes(f));
                    }
                }
            }
        }
        return JarContents.write(jar, m, content);
    }
}
