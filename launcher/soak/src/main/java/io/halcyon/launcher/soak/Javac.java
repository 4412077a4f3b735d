package io.halcyon.launcher.soak;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.osgi.framework.Bundle;

/**
 * The JDK's compiler, for the versions the soak builds from changed code: sources held in memory,
 * compiled against bundle jars, for release 17 (what the host's bundles are built for).
 */
final class Javac {

    private Javac() {}

    /** A source file held in memory. */
    static JavaFileObject source(String className, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    /**
     * Compiles {@code sources} into {@code classes}.
     *
     * @param classpath jars, separated by the platform's path separator
     * @param what what is being built, for the message when it does not compile
     */
    static void compile(List<JavaFileObject> sources, Path classes, String classpath, String what) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("building " + what + " needs javac: run the host on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", classpath, "-d", classes.toString(), "-proc:none", "-implicit:none",
                "--release", "17", "-nowarn", "-Xlint:none");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            if (!javac.getTask(null, files, diagnostics, options, null, sources).call()) {
                throw new IllegalStateException(what + " does not compile: "
                        + diagnostics.getDiagnostics().stream().map(Object::toString).collect(Collectors.joining("; ")));
            }
        }
    }

    /** The jar {@code b} was installed from, as a file javac can read (copied into {@code dir} when its location is no file). */
    static Path jarOf(Bundle b, Path dir) throws IOException {
        String location = b.getLocation();
        if (location.startsWith("file:")) {
            Path p = Path.of(URI.create(location));
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        Path copy = dir.resolve(b.getSymbolicName() + "-" + b.getVersion() + ".jar");
        try (InputStream in = new URL(location).openStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }
}
