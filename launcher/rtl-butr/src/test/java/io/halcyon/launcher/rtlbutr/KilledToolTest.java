package io.halcyon.launcher.rtlbutr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * rtl-butr killed with SIGKILL in the middle of a run leaves no simulator behind. The tool runs as
 * launcher/halcyon runs it (its own JVM); its slave spins forever in an evaluation when r4 is read, so the
 * simulator is busy (not waiting on its socket) and the run cannot end on its own when the tool is killed.
 */
public class KilledToolTest {

    private static final String SPINS = "rtl-butr test: spins reading r4";

    @Test
    public void aToolKilledWithSigkillLeavesNoSimulator() throws Exception {
        Path spinning = RtlButrRun.mutant("spins", "onread_onwrite_axil.sv", "endmodule\n",
                "    int spin;\n"
                        + "    always @(posedge clk) begin\n"
                        + "        if (take_read && s_axil_araddr == 4'hC) begin\n"
                        + "            $display(\"" + SPINS + "\");\n"
                        + "            $fflush;\n"
                        + "            spin = 0;\n"
                        + "            while (s_axil_araddr == 4'hC) spin = spin + 1;\n"
                        + "        end\n"
                        + "    end\n"
                        + "endmodule\n");
        Path cache = Path.of(System.getProperty("halcyon.verification.cache", "target/simulators")).toAbsolutePath();
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dhalcyon.verification.cache=" + cache, RtlButr.class.getName(),
                "--rdl", RtlButrRun.REGBLOCK.resolve("test_onread_onwrite.rdl").toString(), "--rtl", spinning.toString(),
                "--top", "onread_onwrite_axil", "--bus", "axi4-lite").redirectErrorStream(true).start();
        Optional<ProcessHandle> simulator = Optional.empty();
        try {
            // The run starts once the simulator is built (a first build of the mutant included) and attached.
            BufferedReader out = new BufferedReader(new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder said = new StringBuilder();
            for (String line = out.readLine(); line != null && !line.startsWith("butr: "); line = out.readLine()) {
                said.append(line).append('\n');
            }
            assertTrue("the run never started:\n" + said, tool.isAlive());
            // Then r4 is read within milliseconds, and the simulator says so before it spins.
            Path log = cache.resolveSibling("rtl-butr").resolve("run-" + tool.pid()).resolve("sim.log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!contains(log, SPINS)) {
                assertTrue("the simulator never read r4: " + log, System.nanoTime() < deadline && tool.isAlive());
                Thread.onSpinWait();
            }
            simulator = tool.descendants().filter(KilledToolTest::isSimulator).findFirst();
            assertTrue("the simulator runs under the tool", simulator.isPresent());

            tool.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertEquals("killed, not finished", 128 + 9, tool.waitFor());
            simulator.get().onExit().get(10, TimeUnit.SECONDS); // a TimeoutException is a simulator left behind
            assertFalse(simulator.get().isAlive());
        } finally {
            tool.destroyForcibly();
            simulator.ifPresent(ProcessHandle::destroyForcibly);
            tool.waitFor();
            deleteTree(cache.resolveSibling("rtl-butr").resolve("run-" + tool.pid())); // a killed tool leaves its run folder
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static boolean isSimulator(ProcessHandle p) {
        return p.info().arguments().map(a -> List.of(a).contains("--socket")).orElse(false);
    }

    private static boolean contains(Path log, String text) throws IOException {
        return Files.exists(log) && Files.readString(log).contains(text);
    }
}
