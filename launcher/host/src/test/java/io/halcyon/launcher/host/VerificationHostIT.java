package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Issue 11's proofs on hosts that run the chip's RTL in a Verilator simulator ({@code launcher/halcyon
 * --platform verification}): bring-up reaches chip ready, BUTR passes for every block, the main job's
 * training gives the emulation's weights, HITL runs both platforms side by side, and a host killed with
 * SIGKILL leaves no simulator behind. Generation 2 ({@code HALCYON_CHIPS=gen2}) on its own RTL: bring-up and
 * training as on its emulation, the generation-2 DMA driver alone serving the DMA block, HITL side by side
 * with equal results. The first host of each chip map builds its simulator (cached for the others).
 */
public class VerificationHostIT {

    @ClassRule
    public static TemporaryFolder shared = new TemporaryFolder();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @BeforeClass
    public static void buildTheSimulatorOnce() throws Exception {
        HostProcess.Result r = new HalcyonScript(shared, Map.of()).run(Duration.ofMinutes(5), "--platform", "verification", "run", "hal:info");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().contains("platform      verification (RTL of chip map reference_gen1 simulated by Verilator"));
        assertTrue(r.stdout(), r.stdout().contains("RTL build "));
        HostProcess.Result gen2 = new HalcyonScript(shared, GEN2).run(Duration.ofMinutes(5), "--platform", "verification", "run", "hal:info");
        assertEquals(gen2.stderr(), 0, gen2.exitCode());
        assertTrue(gen2.stdout(), gen2.stdout().contains("platform      verification (RTL of chip map reference_gen2 simulated by Verilator"));
    }

    /** Generation 2, as users name it. */
    private static final Map<String, String> GEN2 = Map.of("HALCYON_CHIPS", "gen2");

    private HalcyonScript script() {
        return new HalcyonScript(tmp, Map.of());
    }

    @Test
    public void bringUpReachesChipReadyOnTheRtl() throws Exception {
        HostProcess.Result r = script().command("--platform", "verification", "run", "hal:bringup");
        assertTrue(r.stdout(), r.stdout().contains("chip ready: 8 steps"));
        assertTrue(r.stdout(), r.stdout().contains("hbm-training        done     200.0 us"));
    }

    /** On a chip at power-on, as the suites expect (after bring-up the reset checks fail on every platform alike). */
    @Test
    public void everyBlocksRegisterTestsPassOnTheRtl() throws Exception {
        HostProcess.Result r = script().run("--platform", "verification", "run", "hal:butr --all");
        assertEquals(r.stdout() + r.stderr(), 0, r.exitCode());
        Matcher total = Pattern.compile("(?m)^total\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)").matcher(r.stdout());
        assertTrue(r.stdout(), total.find());
        assertEquals("failed", 0, Integer.parseInt(total.group(2)));
        assertTrue("passed " + total.group(1), Integer.parseInt(total.group(1)) > 500);
        for (String block : List.of("sysctrl", "clkrst", "pcie", "hbm", "dma", "intc", "tensor", "telemetry", "otp")) {
            assertTrue(block, Pattern.compile("(?m)^" + block + "\\s+[1-9]\\d*\\s+0\\s").matcher(r.stdout()).find());
        }
    }

    @Test
    public void trainingOnTheRtlGivesTheEmulationsWeights() throws Exception {
        HostProcess.Result rtl = script().run("--platform", "verification", "--json", "--out", tmp.newFolder().toString());
        HostProcess.Result emulated = script().run("--json", "--out", tmp.newFolder().toString());
        assertEquals(rtl.stderr(), 0, rtl.exitCode());
        assertEquals(emulated.stderr(), 0, emulated.exitCode());
        String checksum = checksum(emulated.stdout());
        assertTrue(checksum, checksum.startsWith("116bba1e"));
        assertEquals(checksum, checksum(rtl.stdout()));
    }

    @Test
    public void generationTwoOnItsRtlBringsUpAndTrainsAsItsEmulationDoes() throws Exception {
        HostProcess.Result rtl = new HalcyonScript(tmp, GEN2).run("--platform", "verification", "--json", "--out", tmp.newFolder().toString());
        HostProcess.Result emulated = new HalcyonScript(tmp, GEN2).run("--json", "--out", tmp.newFolder().toString());
        assertEquals(rtl.stderr(), 0, rtl.exitCode());
        assertEquals(emulated.stderr(), 0, emulated.exitCode());
        assertTrue(rtl.stdout(), rtl.stdout().contains("\"chip\":{\"chipMap\":\"reference_gen2\",\"generation\":2}"));
        Matcher bringup = Pattern.compile("\"bringup\":\\[(.*?)\\]").matcher(rtl.stdout()); // the first: the job's own (chips[] repeats it)
        assertTrue(rtl.stdout(), bringup.find());
        assertEquals("bring-up's steps: " + rtl.stdout(), 8, Pattern.compile("\"step\":").matcher(bringup.group(1)).results().count());
        assertTrue("the one chip serves: " + rtl.stdout(), rtl.stdout().contains("\"chip\":0,\"chipMap\":\"reference_gen2\",\"generation\":2,\"state\":\"serving\""));
        assertEquals("the weights of the same training on the emulated generation 2", checksum(emulated.stdout()), checksum(rtl.stdout()));
    }

    /**
     * The DMA block of generation 2 is type dma2: block-dma2's driver serves it, block-dma's (generation 1 only)
     * never does; a consumer of the 2.x contract (dmacheck-v2, hot-deployed) moves bytes host to HBM to host
     * through that driver on the RTL.
     */
    @Test
    public void generationTwoOnItsRtlIsServedByTheGenerationTwoDmaDriverOnly() throws Exception {
        HostProcess.Result r = new HalcyonScript(tmp, GEN2).command("--platform", "verification", "run", "hal:blocks");
        assertTrue(r.stdout(), Pattern.compile("(?m)^dma\\s+0x\\p{XDigit}+\\s+\\d+\\s+io\\.halcyon\\.block\\.dma2\\s").matcher(r.stdout()).find());
        assertFalse(r.stdout(), Pattern.compile("io\\.halcyon\\.block\\.dma\\s").matcher(r.stdout()).find());

        Path deploy = tmp.newFolder("deploy").toPath();
        Files.copy(dmacheckV2(), deploy.resolve("dmacheck-v2.jar"));
        // The host installs and starts what the hot-deploy directory holds before it runs the command.
        HostProcess.Result roundTrip = new HalcyonScript(tmp, GEN2).with(Map.of("HALCYON_DEPLOY", deploy.toString())).command("--platform", "verification", "run", "hal:bringup; dmacheck2:roundtrip 0 7 1048576 65536");
        assertTrue(roundTrip.stdout(), roundTrip.stdout().contains("chip 0 channel 7: 65536 bytes host->HBM->host identical; 8 channels"));
        assertTrue(roundTrip.stdout(), roundTrip.stdout().contains("engine of io.halcyon.block.dma2."));
    }

    /** consumers/dmacheck-v2's jar, which the reactor builds before this module (a test dependency). */
    private static Path dmacheckV2() throws Exception {
        Path target = HalcyonScript.ROOT.resolve("consumers/dmacheck-v2/target");
        try (Stream<Path> jars = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return jars.filter(p -> p.getFileName().toString().matches("consumers-dmacheck-v2-[0-9].*(?<!-tests)\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no consumers-dmacheck-v2-*.jar in " + target + ": build consumers/dmacheck-v2 first"));
        }
    }

    /**
     * Every suite's passed/failed/skipped counts are the same on generation 2's RTL and its emulation, and none
     * fails: the register tests take the per-chip reset values of generation 2's chip map (tensor.FEATURES.BF16_MATMUL
     * is 1 there where the block's description says 0).
     */
    @Test
    public void hitlOnGenerationTwoGivesTheRtlAndTheEmulationEqualResults() throws Exception {
        HostProcess.Result r = new HalcyonScript(tmp, GEN2).run("--platform", "verification,emulation", "run", "hal:hitl --all --attached-only");
        assertTrue(r.stdout(), r.stdout().contains("EMULATION P/F/S  VERIFICATION P/F/S"));
        Matcher suite = Pattern.compile("(?m)^([a-z-]+)\\s+(\\d+/\\d+/\\d+)\\s+(\\d+/\\d+/\\d+)$").matcher(r.stdout());
        int suites = 0;
        while (suite.find()) {
            assertEquals(suite.group(1) + ": emulation and verification", suite.group(2), suite.group(3));
            suites++;
        }
        assertEquals(r.stdout(), 6, suites);
        Matcher bitBash = Pattern.compile("(?m)^bit-bash\\s+(\\d+)/0/").matcher(r.stdout());
        assertTrue(r.stdout(), bitBash.find() && Integer.parseInt(bitBash.group(1)) > 400);
        List<String> failures = r.stdout().lines().filter(l -> l.matches("  (emulation|verification): .*")).toList();
        assertEquals(r.stdout(), List.of(), failures);
        assertEquals(r.stdout() + r.stderr(), 0, r.exitCode());
    }

    private static String checksum(String json) {
        Matcher m = Pattern.compile("\"weightsChecksum\":\\s*\"([0-9a-f]+)\"").matcher(json);
        assertTrue(json, m.find());
        return m.group(1);
    }

    @Test
    public void hitlReportsEmulationAndVerificationSideBySideBothRun() throws Exception {
        HostProcess.Result r = script().run("--platform", "verification,emulation", "run", "hal:hitl --all --attached-only");
        assertEquals(r.stdout() + r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().contains("EMULATION P/F/S  VERIFICATION P/F/S"));
        Matcher bitBash = Pattern.compile("(?m)^bit-bash\\s+(\\d+)/(\\d+)/\\d+\\s+(\\d+)/(\\d+)/\\d+").matcher(r.stdout());
        assertTrue(r.stdout(), bitBash.find());
        assertTrue("emulation ran", Integer.parseInt(bitBash.group(1)) > 0);
        assertTrue("verification ran", Integer.parseInt(bitBash.group(3)) > 0);
        assertEquals("0", bitBash.group(2));
        assertEquals("0", bitBash.group(4));
    }

    @Test
    public void aHostKilledWithSigkillLeavesNoSimulatorBehind() throws Exception {
        Path stderr = tmp.newFile("host.err").toPath();
        Process host = script().start(stderr, "--platform", "verification", "shell");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.contains("HAL ready"));
            assertTrue("the host came up: " + java.nio.file.Files.readString(stderr), line != null);
            List<ProcessHandle> simulators = host.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/sim")).orElse(false)).toList();
            assertEquals("one simulator: " + simulators, 1, simulators.size());
            host.destroyForcibly(); // SIGKILL: no shutdown hook, no deactivation
            assertTrue(host.waitFor(30, TimeUnit.SECONDS));
            ProcessHandle simulator = simulators.get(0);
            simulator.onExit().get(10, TimeUnit.SECONDS);
            assertFalse("the simulator outlived its host", simulator.isAlive());
        } finally {
            host.destroyForcibly();
        }
    }
}
