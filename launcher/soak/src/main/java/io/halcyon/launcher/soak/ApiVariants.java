package io.halcyon.launcher.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * Successive compatible minor versions of the API bundle, for the soak's API updates. Version k adds
 * to package {@value #PACKAGE} a {@code @ProviderType} interface {@value #INTERFACE} with methods
 * {@code revision1()} .. {@code revisionK()}, so from version 2 on each version adds a method to a
 * provider-type interface, with the package's minor version and the bundle's minor version bumped:
 * the change a compatible API release makes. That package is chosen because every bundle that imports
 * it uses the consumer range ({@code [1.0,2)}), which a minor bump stays within; the others also have
 * providers on the host, whose {@code [1.x,1.x+1)} range a minor bump leaves (the update manager
 * refuses those, as it must). Nothing else in the jar changes.
 */
final class ApiVariants {

    static final String PACKAGE = "io.halcyon.hal.api.chip";
    static final String INTERFACE = PACKAGE + ".SoakApiRevision";
    /** Compiled only so that javac knows the annotation; the annotation jar is build-time only and not in the framework. */
    private static final String PROVIDER_TYPE_STUB = """
            package org.osgi.annotation.versioning;

            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
            @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
            public @interface ProviderType {
            }
            """;

    private final Bundle api;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Manifest manifest;

    ApiVariants(Bundle api) throws IOException {
        this.api = api;
        JarContents jar = JarContents.of(api);
        manifest = jar.manifest();
        entries.putAll(jar.entries());
    }

    /** Versions 1..{@code count}, each compatible with the one before; jars in {@code dir}. */
    List<Path> build(int count, Path dir) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            jars.add(version(k, false, dir));
        }
        return jars;
    }

    /**
     * A version whose package versions are as compatible as version {@code k}'s but which imports a
     * package nobody exports: the manager accepts it, and it fails once refreshed (it does not resolve).
     */
    Path unresolvable(int k, Path dir) throws IOException {
        return version(k, true, dir);
    }

    private Path version(int k, boolean unresolvable, Path dir) throws IOException {
        Path classes = Files.createTempDirectory(dir, "api-classes-");
        StringBuilder source = new StringBuilder("package " + PACKAGE + ";\n\n"
                + "/** Added by hal:soak: revision " + k + " of the API, one method more than revision " + (k - 1) + ". */\n"
                + "@org.osgi.annotation.versioning.ProviderType\npublic interface " + INTERFACE.substring(PACKAGE.length() + 1) + " {\n");
        for (int m = 1; m <= k; m++) {
            source.append("    int revision").append(m).append("();\n");
        }
        source.append("}\n");
        Javac.compile(List.of(Javac.source(INTERFACE, source.toString()), Javac.source("org.osgi.annotation.versioning.ProviderType",
                PROVIDER_TYPE_STUB)), classes, Javac.jarOf(api, dir).toString(), "soak API revision " + k);
        Map<String, byte[]> content = new LinkedHashMap<>(entries);
        String classFile = INTERFACE.replace('.', '/') + ".class";
        content.put(classFile, Files.readAllBytes(classes.resolve(classFile)));

        Manifest m = new Manifest(manifest);
        Attributes main = m.getMainAttributes();
        Version base = api.getVersion();
        Version next = new Version(base.getMajor(), base.getMinor() + k, 0);
        main.putValue(Constants.BUNDLE_VERSION, next.toString());
        main.putValue(Constants.EXPORT_PACKAGE, withVersion(main.getValue(Constants.EXPORT_PACKAGE), PACKAGE, "1." + k + ".0"));
        if (unresolvable) {
            main.putValue(Constants.IMPORT_PACKAGE, main.getValue(Constants.IMPORT_PACKAGE) + ",io.halcyon.nowhere;version=\"[1.0,2)\"");
        }
        Path jar = dir.resolve(api.getSymbolicName() + "-" + next + (unresolvable ? "-unresolvable" : "") + ".jar");
        return JarContents.write(jar, m, content);
    }

    /** The Export-Package header with {@code pkg}'s version attribute set to {@code version}. */
    static String withVersion(String exportPackage, String pkg, String version) {
        Matcher clause = Pattern.compile("(?<=^|,)" + Pattern.quote(pkg) + "(;(?:[^,\"]|\"[^\"]*\")*)").matcher(exportPackage);
        if (!clause.find()) {
            throw new IllegalStateException("the API bundle does not export " + pkg);
        }
        String attributes = clause.group(1).replaceFirst(";version=(\"[^\"]*\"|[^;,]*)", ";version=\"" + version + "\"");
        return exportPackage.substring(0, clause.start(1)) + attributes + exportPackage.substring(clause.end(1));
    }
}
