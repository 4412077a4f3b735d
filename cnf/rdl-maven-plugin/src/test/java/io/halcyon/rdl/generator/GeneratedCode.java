package io.halcyon.rdl.generator;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.model.ElaboratedModel;

/**
 * Generates Java from a description, compiles it in-process with javax.tools against the test
 * class path (hal-api included) and loads it, so tests exercise the generated code itself.
 * Reflection is used here only to reach the generated classes from a test compiled before them.
 */
public final class GeneratedCode {

    final String pkg;
    final Map<String, String> sources;
    private final ClassLoader loader;

    private GeneratedCode(String pkg, Map<String, String> sources, ClassLoader loader) {
        this.pkg = pkg;
        this.sources = sources;
        this.loader = loader;
    }

    static ElaboratedModel elaborate(Path rdl) {
        return new RdlCompiler().addIncludeDir(rdl.getParent()).compile(rdl).elaborate(null);
    }

    static GeneratedCode fromResource(String name, String pkg) throws IOException {
        return from(elaborate(resource(name)), pkg);
    }

    /** A description under the test resources' {@code rdl/}. */
    static Path resource(String name) {
        return testResource("rdl/" + name);
    }

    /** Any file or folder of the test resources, by its path under them. */
    static Path testResource(String path) {
        try {
            return Path.of(GeneratedCode.class.getResource("/" + path).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    static GeneratedCode from(ElaboratedModel model, String pkg) throws IOException {
        return from(new RegisterGenerator(pkg, null).javaSources(model), pkg);
    }

    /** The registers plus the block bundle's components, with {@code base} as the configured default. */
    static GeneratedCode withComponents(ElaboratedModel model, String pkg) throws IOException {
        RegisterGenerator generator = new RegisterGenerator(pkg, null);
        Map<String, String> sources = new java.util.TreeMap<>(generator.javaSources(model));
        sources.putAll(generator.componentSources(model));
        return from(sources, pkg);
    }

    private static GeneratedCode from(Map<String, String> sources, String pkg) throws IOException {
        Path dir = Files.createTempDirectory("rdlgen");
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path p = src.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            files.add(p);
        }
        compile(files, out);
        return new GeneratedCode(pkg, sources, new URLClassLoader(new URL[] {out.toUri().toURL()},
                GeneratedCode.class.getClassLoader()));
    }

    /** Compiles with every lint warning as an error: generated code must be clean. */
    public static void compile(List<Path> files, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
                    "-Xlint:all", "-Werror", "--release", "17", "-proc:none");
            boolean ok = javac.getTask(null, fm, diags, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            assertTrue("generated code does not compile: " + diags.getDiagnostics(), ok);
        }
    }

    Class<?> type(String simpleName) {
        try {
            return loader.loadClass(pkg + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no generated class " + simpleName, e);
        }
    }

    String source(String simpleName) {
        return sources.get(pkg.replace('.', '/') + "/" + simpleName + ".java");
    }

    /** The block accessor bound to a bus. */
    Object accessor(String simpleName, RecordingBus bus, long base) {
        try {
            return type(simpleName).getConstructor(io.halcyon.hal.api.bus.RegisterBus.class, long.class)
                    .newInstance(bus, base);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Static field of a generated class. */
    Object constant(String simpleName, String field) {
        try {
            return type(simpleName).getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls a public method by name and arity; the generated code's own exceptions come out unwrapped. */
    static Object call(Object target, String name, Object... args) {
        Class<?> cls = target instanceof Class<?> c ? c : target.getClass();
        for (Method m : cls.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target instanceof Class<?> ? null : target, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new AssertionError(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no method " + name + "/" + args.length + " on " + cls.getSimpleName() + ": "
                + Arrays.stream(cls.getMethods()).map(Method::getName).sorted().toList());
    }

    static boolean hasMethod(Class<?> cls, String name) {
        return Arrays.stream(cls.getMethods()).anyMatch(m -> m.getName().equals(name));
    }
}
