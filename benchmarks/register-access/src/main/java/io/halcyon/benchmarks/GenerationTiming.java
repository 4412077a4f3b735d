package io.halcyon.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.generator.RegisterGenerator;

/**
 * How generation time grows with the size of a block: builds a description of N registers (four
 * fields each: stored, read-only, W1C, stored), elaborates it, generates Java and the register map,
 * and compiles the Java with javac, printing each step's wall time and the process's CPU time for the
 * whole (on a shared machine, wall time grows with the load other builds put on it; CPU time does not
 * much). Usage:
 * {@code java -cp benchmarks.jar io.halcyon.benchmarks.GenerationTiming 1000 10000}.
 */
public final class GenerationTiming {

    private GenerationTiming() {
    }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args.length == 0 ? new String[] {"1000", "10000"} : args) {
            sizes.add(Integer.parseInt(a));
        }
        // A small block first, so the first measured size does not pay for class loading and JIT warm-up.
        run(100, false);
        System.out.println("registers  elaborate_ms  generate_ms  javac_ms  total_ms  cpu_ms  java_files");
        for (int n : sizes) {
            run(n, true);
        }
    }

    private static void run(int n, boolean print) throws IOException {
        String rdl = description(n);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        ElaboratedModel model = new RdlCompiler().compileText(rdl, "big.rdl").elaborate(null);
        long t1 = System.nanoTime();
        RegisterGenerator generator = new RegisterGenerator("gen.big.regs", null);
        Map<String, String> java = generator.javaSources(model);
        generator.documents(model);
        long t2 = System.nanoTime();
        Path dir = Files.createTempDirectory("gen-timing");
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : java.entrySet()) {
            Path p = dir.resolve("src").resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            files.add(p);
        }
        compile(files, Files.createDirectories(dir.resolve("classes")));
        long t3 = System.nanoTime();
        long cpu = processCpuNanos() - cpu0;
        if (print) {
            System.out.printf(Locale.ROOT, "%9d  %12d  %11d  %8d  %8d  %6d  %10d%n", n, ms(t1 - t0), ms(t2 - t1),
                    ms(t3 - t2), ms(t3 - t0), ms(cpu), java.size());
        }
    }

    static String description(int n) {
        StringBuilder b = new StringBuilder("addrmap big {\n    reg r_t {\n");
        b.append("        field { sw = rw; hw = r; desc = \"Setting.\"; } A[7:0] = 0;\n");
        b.append("        field { sw = r; hw = w; desc = \"Status.\"; } B[8:8] = 0;\n");
        b.append("        field { sw = rw; hw = w; onwrite = woclr; desc = \"Event.\"; } C[9:9] = 0;\n");
        b.append("        field { sw = rw; hw = r; desc = \"Mode.\"; } D[15:12] = 0;\n    };\n");
        for (int i = 0; i < n; i++) {
            b.append("    r_t R").append(i).append(" @ 0x").append(Integer.toHexString(i * 4)).append(";\n");
        }
        return b.append("};\n").toString();
    }

    private static void compile(List<Path> files, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, fm, null, List.of("-d", out.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none", "--release", "17"), null,
                    fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new IllegalStateException("generated code does not compile");
            }
        }
    }

    /**
     * CPU time of the whole process (every thread, the JIT's and GC's included): what the run costs
     * whatever else the machine does, where wall time also counts the waits for a core other builds hold.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
