package io.halcyon.platform.verification;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * The generated chips' AXI4-Lite slave front end alone in Verilator, under a C++ testbench
 * (src/test/resources/axi_slave_tb/tb.cpp) that the harness's master cannot be: random reads and writes,
 * random back-pressure on both response channels, a core that acknowledges late. With its transfers
 * overlapped and its two-entry response queues, every read still reaches the core exactly once (a read's
 * side effect happens once), comes back in order, and a response not taken stays unchanged.
 */
public class AxiLiteSlaveTest {

    @Test
    public void everyReadReachesTheCoreOnceAndComesBackInOrderUnderBackPressure() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/axi-slave-tb"));
        byte[] slave = Files.readAllBytes(Simulators.CLASSES.resolve("rtl/halcyon_axi4lite_slave.sv"));
        byte[] bench;
        try (InputStream in = AxiLiteSlaveTest.class.getResourceAsStream("/axi_slave_tb/tb.cpp")) {
            bench = in.readAllBytes();
        }
        Path executable = dir.resolve("obj/tb");
        // Built again only when the slave or the testbench changed.
        if (!Files.isExecutable(executable) || !same(dir.resolve("halcyon_axi4lite_slave.sv"), slave) || !same(dir.resolve("tb.cpp"), bench)) {
            Files.write(dir.resolve("halcyon_axi4lite_slave.sv"), slave);
            Files.write(dir.resolve("tb.cpp"), bench);
            String build = run(dir, 300, "verilator", "--cc", "--exe", "--build", "-j", "2", "-Wno-fatal", "--top-module", "halcyon_axi4lite_slave",
                    "halcyon_axi4lite_slave.sv", "tb.cpp", "-Mdir", "obj", "-o", "tb");
            assertTrue(build, Files.isExecutable(executable));
        }
        String out = run(dir, 60, executable.toAbsolutePath().toString());
        assertTrue(out, out.startsWith("ok: "));
        long backToBack = Long.parseLong(out.replaceAll("(?s).*; (\\d+) reads answered in back-to-back cycles.*", "$1"));
        assertTrue("overlapped: " + out, backToBack > 10_000);
    }

    private static boolean same(Path file, byte[] content) throws IOException {
        return Files.exists(file) && Arrays.equals(Files.readAllBytes(file), content);
    }

    /** Runs a command in {@code dir} within {@code seconds}; its output, and exit code 0 asserted. */
    private static String run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(command[0] + " did not end within " + seconds + " s", p.waitFor(seconds, TimeUnit.SECONDS));
            assertEquals(out, 0, p.exitValue());
            return out;
        } finally {
            p.destroyForcibly();
        }
    }
}
