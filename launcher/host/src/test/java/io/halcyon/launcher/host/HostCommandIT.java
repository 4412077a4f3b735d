package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The host as users run it: real processes, real Felix, the emulated chip, exit codes and messages. */
public class HostCommandIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private HostProcess.Result run(String... args) throws Exception {
        return HostProcess.run(tmp.getRoot().toPath(), null, args);
    }

    /** Bring-up steps in the order the main job and hal:bringup list them. */
    private static final List<String> STEPS = List.of("identify-chip", "fuses", "clocks-and-resets", "pll-lock", "pcie-link",
            "hbm-training", "dma-and-interrupts", "tensor-engine");

    @Test
    public void mainJobBringsUpTrainsDrawsAndSummarises() throws Exception {
        Path out = tmp.getRoot().toPath().resolve("pictures");
        HostProcess.Result r = run("--out", out.toString());
        assertEquals(r.stderr(), 0, r.exitCode());
        String stdout = r.stdout();
        assertTrue(stdout, stdout.matches("(?s)Halcyon HAL ready in \\d+ ms.*"));
        for (String step : STEPS) {
            assertTrue(step + " in\n" + stdout, stdout.matches("(?s).*\\n" + step + "\\s+(done|already)\\s.*"));
        }
        assertTrue(stdout, stdout.contains("chip 0x484c4359 gen 1 rev 1"));
        // Not a terminal: progress comes as plain lines, the last one at the final step.
        assertTrue(stdout, stdout.contains("step 400/400  loss "));
        assertFalse("no carriage returns in a log", stdout.contains("\r"));
        assertTrue(stdout, stdout.matches("(?s).*\\n  loss      [0-9.]+ -> [0-9.]+, target < [0-9.]+ \\(5 % of initial\\), below it from step \\d+\\n.*"));
        assertTrue(stdout, stdout.matches("(?s).*\\n  weights   sha-256 [0-9a-f]{64}\\n.*"));
        Path curve = out.resolve("loss-curve.svg").toAbsolutePath();
        Path timeline = out.resolve("bringup-timeline.svg").toAbsolutePath();
        assertTrue(stdout, stdout.contains("  pictures  " + curve + "\n"));
        assertTrue(stdout, stdout.contains(timeline + "\n"));
        assertTrue(Files.readString(curve).contains("<polyline"));
        assertTrue(Files.readString(timeline).contains(">pll-lock</text>"));
    }

    @Test
    public void mainJobJsonIsOneObjectAndTwoRunsGiveTheSameWeights() throws Exception {
        HostProcess.Result first = run("--json", "--out", tmp.getRoot().toPath().resolve("a").toString());
        HostProcess.Result second = run("--json", "--out", tmp.getRoot().toPath().resolve("b").toString());
        assertEquals(first.stderr(), 0, first.exitCode());
        assertEquals(second.stderr(), 0, second.exitCode());
        String json = first.stdout().strip();
        assertEquals("only the JSON on stdout: " + first.stdout(), 1, first.stdout().lines().count());
        String number = "-?[0-9][0-9.E-]*";
        String step = "\\{\"step\":\"[a-z-]+\",\"deviceTime\":\\d+,\"wallMs\":" + number + ",\"alreadyDone\":(true|false)\\}";
        String steps = step + "(," + step + "){" + (STEPS.size() - 1) + "}";
        assertTrue(json, json.matches("\\{\"chip\":\\{\"chipMap\":\"reference_gen1\",\"generation\":1\\},\"bringup\":\\[" + steps + "\\],"
                + "\"chips\":\\[\\{\"chip\":0,\"chipMap\":\"reference_gen1\",\"generation\":1,\"state\":\"serving\",\"bringup\":\\[" + steps + "\\]\\}\\],"
                + "\"training\":\\{\"steps\":400,\"initialLoss\":" + number + ",\"finalLoss\":" + number + ",\"targetLoss\":" + number
                + ",\"weightsChecksum\":\"[0-9a-f]{64}\",\"wallMs\":" + number + ",\"stepsPerSecond\":" + number
                + ",\"chips\":1,\"allReduceMs\":" + number + ",\"allReduceBytes\":0,\"deviceCycles\":\\d+,"
                + "\"perChip\":\\[\\{\"chip\":0,\"samples\":256,\"steps\":400,\"dmaBytes\":\\d+,\"engineCycles\":\\d+\\}\\]\\},"
                + "\"pictures\":\\[\"[^\"]+loss-curve.svg\",\"[^\"]+bringup-timeline.svg\"\\]\\}"));
        for (String s : STEPS) {
            assertTrue(s, json.contains("\"step\":\"" + s + "\""));
        }
        double finalLoss = Double.parseDouble(field(json, "finalLoss"));
        double target = Double.parseDouble(field(json, "targetLoss"));
        assertTrue(json, finalLoss < target && target < Double.parseDouble(field(json, "initialLoss")));
        for (String picture : json.replaceAll(".*\"pictures\":\\[(.*)\\]\\}", "$1").split(",")) {
            assertTrue(picture, Files.isRegularFile(Path.of(picture.replace("\"", ""))));
        }
        assertEquals("bit-identical weights in two processes", field(json, "weightsChecksum"), field(second.stdout(), "weightsChecksum"));
    }

    @Test
    public void bringUpOfAFreshChipDoesEveryStep() throws Exception {
        HostProcess.Result r = run("run", "hal:bringup");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().matches("(?s).*\\npll-lock\\s+done\\s+50\\.\\d us.*"));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*\\nhbm-training\\s+done\\s+200\\.\\d us.*"));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*\\nchip ready: 8 steps, [0-9.]+ us device time, [0-9.]+ ms wall\\n"));
    }

    @Test
    public void secondBringUpSkipsEveryStep() throws Exception {
        // A sequence prints only its last command's result: the second bring-up.
        HostProcess.Result r = run("run", "hal:bringup ; hal:bringup");
        assertEquals(r.stderr(), 0, r.exitCode());
        for (String s : STEPS) {
            assertTrue(s + " skipped in\n" + r.stdout(), r.stdout().matches("(?s).*\\n" + s + "\\s+already\\s.*"));
        }
        assertTrue(r.stdout(), r.stdout().contains("the chip was already up: nothing was reset or retrained"));
    }

    @Test
    public void chipShowsEveryBlockOfAFreshChip() throws Exception {
        HostProcess.Result r = run("run", "hal:chip");
        assertEquals(r.stderr(), 0, r.exitCode());
        List<String> lines = r.stdout().lines().collect(Collectors.toList());
        assertEquals(List.of("BLOCK", "sysctrl", "clkrst", "pcie", "hbm", "dma", "intc", "tensor", "telemetry", "otp"),
                lines.stream().map(l -> l.split("\\s+")[0]).collect(Collectors.toList()));
        assertTrue(r.stdout(), r.stdout().contains("core PLL unlocked, HBM PLL unlocked; clocks on: none; in reset: all"));
        assertTrue(r.stdout(), r.stdout().contains("hbm        UNTRAINED, 256 MiB"));
        // The fuses as reference_gen1.rdl burns them in; a fresh chip's array is not locked yet.
        assertTrue(r.stdout(), r.stdout().contains(
                "otp        serial 484c000100000001, product 0x0a01 bin 1, HBM rows repaired per stack 2/0/5/0, unlocked"));
    }

    @Test
    public void chipShowsTheStateBringUpLeft() throws Exception {
        HostProcess.Result r = run("run", "hal:bringup ; hal:chip");
        assertEquals(r.stderr(), 0, r.exitCode());
        String after = r.stdout();
        assertTrue(after, after.contains("core PLL locked, HBM PLL locked; clocks on: all; in reset: none"));
        assertTrue(after, after.contains("pcie       link up gen 4 x16 (L0)"));
        assertTrue(after, after.contains("hbm        READY, 256 MiB"));
        assertTrue(after, after.contains("intc       enabled: all"));
        assertTrue(after, after.matches("(?s).*dma        4 channels \\(head/tail\\): ch0 idle.*"));
        assertTrue(after, after.matches("(?s).*tensor     idle, 0 queued, \\d+ completed, no error.*"));
        assertTrue(after, after.matches("(?s).*telemetry  [0-9. ]+ C, [0-9.]+ W; thresholds.*"));
    }

    @Test
    public void aNewHostAttachesToARunningChipWithoutResettingOrRetrainingIt() throws Exception {
        Path socket = tmp.getRoot().toPath().resolve("chip.sock");
        try (ChipServerProcess chip = ChipServerProcess.start(new HalcyonScript(tmp, Map.of()), socket)) {
            List<String> attach = List.of("halcyon.chip.socket=" + socket);
            HostProcess.Result first = HostProcess.run(tmp.getRoot().toPath(), null, attach, "run", "hal:bringup");
            assertEquals(first.stderr(), 0, first.exitCode());
            assertTrue(first.stdout(), first.stdout().matches("(?s).*\\nhbm-training\\s+done\\s.*"));

            // The first host is gone; the chip kept running in its own process.
            HostProcess.Result second = HostProcess.run(tmp.getRoot().toPath(), null, attach, "run", "hal:bringup");
            assertEquals(second.stderr(), 0, second.exitCode());
            for (String s : STEPS) {
                assertTrue(s + " skipped in\n" + second.stdout(), second.stdout().matches("(?s).*\\n" + s + "\\s+already\\s.*"));
            }
            assertTrue(second.stdout(), second.stdout().contains("the chip was already up: nothing was reset or retrained"));
            HostProcess.Result state = HostProcess.run(tmp.getRoot().toPath(), null, attach, "run", "hal:chip");
            assertTrue(state.stdout(), state.stdout().contains("sysctrl    chip 0x484c4359 gen 1 rev 1 caps 0x43f, 0 soft resets"));
        }
    }

    @Test
    public void trainingBeforeBringUpIsRefusedInOneLine() throws Exception {
        HostProcess.Result r = run("run", "hal:train --steps 3");
        assertEquals(1, r.exitCode());
        assertEquals(r.stderr(), List.of("halcyon: training needs a chip that is brought up: HBM is UNTRAINED (run hal:bringup)"), r.stderrLines());
    }

    @Test
    public void statusListsTheConsumersActive() throws Exception {
        HostProcess.Result r = run("run", "hal:status");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().contains("platform      emulation"));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*active\\s+io\\.halcyon\\.block\\.sysctrl\\s+\\d+\\.\\d+\\.\\d+.*"));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*active\\s+io\\.halcyon\\.consumers\\.bringup\\s+\\d+\\.\\d+\\.\\d+.*"));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*active\\s+io\\.halcyon\\.consumers\\.training\\s+\\d+\\.\\d+\\.\\d+.*"));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^,\"}]+)").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1);
    }

    @Test
    public void readDecodesFields() throws Exception {
        HostProcess.Result r = run("run", "hal:read sysctrl VERSION");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().startsWith("sysctrl.VERSION @ 0x00000004 = 0x00000101"));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*\\[15:8\\]\\s+GENERATION\\s+r\\s+0x01\\s+\\(1\\).*"));
    }

    @Test
    public void fieldWriteIsVisibleToTheNextRead() throws Exception {
        HostProcess.Result r = run("run", "hal:write sysctrl SCRATCH VALUE=0xbeef ; hal:read sysctrl SCRATCH");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().startsWith("sysctrl.SCRATCH @ 0x0000000c = 0x0000beef"));
    }

    @Test
    public void unknownBlockIsOneLineAndFails() throws Exception {
        HostProcess.Result r = run("run", "hal:read nosuch CHIP_ID");
        assertEquals(1, r.exitCode());
        assertEquals(1, r.stderrLines().size());
        assertEquals("halcyon: unknown block 'nosuch'; blocks: clkrst, dma, hbm, intc, otp, pcie, sysctrl, telemetry, tensor", r.stderrLines().get(0));
    }

    @Test
    public void unknownRegisterNamesTheBlockAndItsRegisters() throws Exception {
        HostProcess.Result r = run("run", "hal:read sysctrl NOPE");
        assertEquals(1, r.exitCode());
        assertEquals(r.stderr(), 1, r.stderrLines().size());
        assertTrue(r.stderr(), r.stderr().startsWith("halcyon: unknown register 'NOPE' in block sysctrl; registers: CHIP_ID, VERSION"));
    }

    @Test
    public void tooWideValueIsRefusedWithTheAllowedRange() throws Exception {
        HostProcess.Result r = run("run", "hal:write sysctrl SCRATCH 0x100000000");
        assertEquals(1, r.exitCode());
        assertEquals("halcyon: value 0x100000000 too wide for sysctrl.SCRATCH: 32 bits, allowed 0x0..0xffffffff", r.stderrLines().get(0));
    }

    @Test
    public void usageErrorExitsTwo() throws Exception {
        assertEquals(2, run("frobnicate").exitCode());
        HostProcess.Result r = run("--out");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("--out needs a directory; usage: halcyon [--json] [--out DIR] | shell | serve | run '<shell command>'"), r.stderrLines());
    }

    @Test
    public void missingHotDeployDirectoryDegradesButRuns() throws Exception {
        Path missing = tmp.getRoot().toPath().resolve("absent");
        HostProcess.Result r = HostProcess.run(missing, null, "run", "hal:info");
        assertEquals(3, r.exitCode());
        assertTrue(r.stdout(), r.stdout().contains("chip 0x484c4359"));
        assertEquals(r.stderr(), 1, r.stderrLines().size());
        assertEquals("halcyon: hot-deploy directory " + missing + " does not exist; hot deploy is off", r.stderrLines().get(0));
    }

    @Test
    public void unresolvableDeployedBundleIsReportedOnceAndTheHostKeepsWorking() throws Exception {
        writeBundle(tmp.getRoot().toPath().resolve("broken.jar"), "broken.bundle", "does.not.exist");
        HostProcess.Result r = run("run", "hal:read sysctrl CHIP_ID");
        assertEquals(3, r.exitCode());
        assertTrue(r.stdout(), r.stdout().startsWith("sysctrl.CHIP_ID"));
        assertEquals(r.stderr(), 1, r.stderrLines().size());
        String line = r.stderrLines().get(0);
        assertTrue(line, line.startsWith("halcyon: hot deploy: bundle broken.bundle 1.0.0 (broken.jar) does not resolve: "));
        assertTrue(line, line.contains("osgi.wiring.package=does.not.exist"));
        assertTrue(line, line.endsWith("; does.not.exist on offer: none"));
    }

    /** Issue 14: a consumer pinned to a range no exported version satisfies: one line, the package, the ranges asked and on offer. */
    @Test
    public void consumerPinnedToARangeNobodyExportsIsReportedOnceWithTheVersionsOnOffer() throws Exception {
        writeBundle(tmp.getRoot().toPath().resolve("pinned.jar"), "pinned.consumer", "io.halcyon.hal.api.sysctrl;version=\"[9.0,10)\"");
        HostProcess.Result r = run("run", "hal:read sysctrl CHIP_ID");
        assertEquals(3, r.exitCode());
        assertTrue("the host keeps working: " + r.stdout(), r.stdout().startsWith("sysctrl.CHIP_ID"));
        assertEquals(r.stderr(), 1, r.stderrLines().size());
        String line = r.stderrLines().get(0);
        assertTrue(line, line.startsWith("halcyon: hot deploy: bundle pinned.consumer 1.0.0 (pinned.jar) does not resolve: "));
        assertTrue(line, line.contains("osgi.wiring.package=io.halcyon.hal.api.sysctrl)(version>=9.0.0)"));
        assertTrue(line, line.matches(".*; io\\.halcyon\\.hal\\.api\\.sysctrl on offer: \\d+\\.\\d+\\.\\d+ from io\\.halcyon\\.hal\\.api$"));
    }

    @Test
    public void shellSurvivesABadCommandAndRunsTheNextOne() throws Exception {
        HostProcess.Result r = HostProcess.run(tmp.getRoot().toPath(), "hal:read nosuch X\nhal:read sysctrl CHIP_ID\nexit\n", "shell");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout() + r.stderr(), (r.stdout() + r.stderr()).contains("unknown block 'nosuch'"));
        assertTrue(r.stdout(), r.stdout().contains("sysctrl.CHIP_ID @ 0x00000000 = 0x484c4359"));
    }

    private static void writeBundle(Path jar, String bsn, String importPackage) throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", importPackage);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            // a manifest is all a bundle needs to be installed
        }
    }
}
