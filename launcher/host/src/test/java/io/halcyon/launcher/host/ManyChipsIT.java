package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Issue 15: a host with several chips. The main job brings them all up at once and trains data-parallel
 * on those that came up (1, 2 and 4 chips, generations mixed, weights bit-identical run to run per chip
 * count); a chip that fails bring-up is reported with its step and register while the others train; the
 * chips as processes of their own, one server each, a host attached to all of them, a SIGKILLed host's
 * successor finding every chip as it was, and a chip whose server dies mid-training named in one line.
 */
public class ManyChipsIT {

    /** The standard plan's parameters: 8 x 16 + 16 + 16 + 1 floats. */
    private static final int PARAMS = 161;
    private static final int STEPS = 400;
    private static final int SAMPLES = 256;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private HostProcess.Result mainJob(String chips) throws Exception {
        HostProcess.Result r = new HalcyonScript(tmp, Map.of("HALCYON_CHIPS", chips)).run("--json", "--out", tmp.newFolder().toString());
        assertEquals(chips + ": " + r.stderr(), 0, r.exitCode());
        return r;
    }

    @Test
    public void mainJobTrainsOnOneTwoAndFourChipsWithWeightsBitIdenticalRunToRunPerChipCount() throws Exception {
        String one = mainJob("1").stdout();
        String two = mainJob("2").stdout();
        String four = mainJob("gen1,gen1,gen2,gen2").stdout();
        String fourAgain = mainJob("gen1,gen1,gen2,gen2").stdout();

        int chipCount = 1;
        for (String json : List.of(one, two, four)) {
            assertEquals(json, chipCount, Integer.parseInt(field(json, "\"training\":\\{[^}]*\"chips\"")));
            assertEquals(json, chipCount, count(json, "\"state\":\"serving\""));
            double finalLoss = Double.parseDouble(field(json, "\"finalLoss\""));
            assertTrue(json, finalLoss < Double.parseDouble(field(json, "\"targetLoss\"")));
            // Every chip ran every step on its share of the samples; the all-reduce moved, per step and chip,
            // the chip's gradients out and every chip's gradients in (nothing on one chip).
            int samples = 0;
            Matcher share = Pattern.compile("\\{\"chip\":(\\d+),\"samples\":(\\d+),\"steps\":(\\d+),\"dmaBytes\":\\d+,\"engineCycles\":(\\d+)\\}").matcher(json);
            while (share.find()) {
                samples += Integer.parseInt(share.group(2));
                assertEquals(json, STEPS, Integer.parseInt(share.group(3)));
                assertTrue(json, Long.parseLong(share.group(4)) > 0);
            }
            assertEquals(json, SAMPLES, samples);
            long expectedBytes = chipCount == 1 ? 0 : (long) STEPS * chipCount * (PARAMS + chipCount * PARAMS) * 4;
            assertEquals(json, expectedBytes, Long.parseLong(field(json, "\"allReduceBytes\"")));
            chipCount *= 2;
        }
        assertTrue(four, four.contains("{\"chip\":2,\"chipMap\":\"reference_gen2\",\"generation\":2,\"state\":\"serving\""));
        assertEquals("four chips, twice: the same bits", field(four, "\"weightsChecksum\""), field(fourAgain, "\"weightsChecksum\""));
        assertEquals(field(four, "\"finalLoss\""), field(fourAgain, "\"finalLoss\""));
        // Another split sums the same gradients in another order: other float roundings, other bits.
        assertNotEquals(field(one, "\"weightsChecksum\""), field(four, "\"weightsChecksum\""));
        assertTrue("a timeline per chip", four.contains("bringup-timeline-chip3.svg"));
    }

    @Test
    public void aChipThatFailsBringUpIsReportedWithItsStepAndRegisterWhileTheOthersTrain() throws Exception {
        HostProcess.Result r = new HalcyonScript(tmp, Map.of("HALCYON_CHIPS", "4"))
                .command("run", "x = (emu:fault --chip 2 hbm-training-fails) ; hal:mainjob --json --out " + tmp.newFolder());
        String json = r.stdout();
        Matcher failed = Pattern.compile("\\{\"chip\":2,\"chipMap\":\"reference_gen1\",\"generation\":1,\"state\":\"failed\",\"bringup\":\\[\\],"
                + "\"failedStep\":\"hbm-training\",\"error\":\"([^\"]+)\"\\}").matcher(json);
        assertTrue(json, failed.find());
        assertTrue(failed.group(1), failed.group(1).contains("hbm.STATUS=0x00000004"));
        assertEquals(json, 3, count(json, "\"state\":\"serving\""));
        assertEquals(json, 3, Integer.parseInt(field(json, "\"training\":\\{[^}]*\"chips\"")));
        assertTrue(json, json.contains("\"perChip\":[{\"chip\":0,\"samples\":86,"));
        assertTrue(json, json.contains("{\"chip\":3,\"samples\":85,"));
        assertTrue(json, Double.parseDouble(field(json, "\"finalLoss\"")) < Double.parseDouble(field(json, "\"targetLoss\"")));
    }

    @Test
    public void aChipThatDoesNotExistOrCannotBeBuiltIsOneLineNamingIt() throws Exception {
        HostProcess.Result noSuchChip = new HalcyonScript(tmp, Map.of("HALCYON_CHIPS", "2")).run("run", "hal:chip --chip 5");
        assertEquals(1, noSuchChip.exitCode());
        assertEquals(noSuchChip.stderr(), List.of("halcyon: chip 5 does not exist on this host (chips 0, 1; hal:chips lists them)"),
                noSuchChip.stderrLines());

        HostProcess.Result noChips = new HalcyonScript(tmp, Map.of("HALCYON_CHIPS", "0", "HALCYON_JAVA_OPTS", "-Dhalcyon.ready.ms=2000"))
                .run("run", "hal:chips");
        assertNotEquals(0, noChips.exitCode());
        assertEquals(noChips.stderr(), "halcyon: emulation platform: HALCYON_CHIPS=0 names 0 chips; a host has 1 to 64; set HALCYON_CHIPS"
                + " to known chip maps or a chip count", noChips.stderrLines().get(0));

        HostProcess.Result unknownMap = new HalcyonScript(tmp, Map.of("HALCYON_CHIPS", "gen1,gen9", "HALCYON_JAVA_OPTS", "-Dhalcyon.ready.ms=2000"))
                .run("run", "hal:chips");
        assertNotEquals(0, unknownMap.exitCode());
        assertTrue(unknownMap.stderr(), unknownMap.stderrLines().get(0).startsWith("halcyon: emulation platform: chip 1: no chip map reference_gen9 (known: "));
    }

    @Test
    public void aHostAttachesToAChipServerPerChipAndAKilledHostsSuccessorFindsEveryChipAsItWas() throws Exception {
        Path socket = tmp.getRoot().toPath().resolve("chip.sock");
        HalcyonScript halcyon = new HalcyonScript(tmp, Map.of());
        try (ChipServers servers = ChipServers.start(halcyon.with(Map.of("HALCYON_CHIPS", "gen1,gen2")), socket)) {
            HalcyonScript attached = halcyon.with(servers.attach());
            String json = attached.command("--json", "--out", tmp.newFolder().toString()).stdout();
            assertEquals(json, 2, count(json, "\"state\":\"serving\""));
            assertTrue(json, json.contains("{\"chip\":1,\"chipMap\":\"reference_gen2\",\"generation\":2,\"state\":\"serving\""));

            // The drill: a host leaves work in flight on chip 1 and is killed; the next host finds both chips
            // up and chip 1's work still there, and lets it finish.
            Path stderr = tmp.newFile("killed-host.err").toPath();
            Process host = attached.start(stderr, "run", "hal:inflight --chip 1 --hold 120");
            long ticket;
            try {
                String line = HostProcess.awaitLine(host, l -> l.startsWith("in flight: "), Duration.ofSeconds(60));
                assertNotNull("the host ended before its work was in flight: " + Files.readString(stderr), line);
                Matcher m = Pattern.compile("tensor ticket (\\d+)").matcher(line);
                assertTrue(line, m.find());
                ticket = Long.parseLong(m.group(1));
                host.destroyForcibly();
                assertTrue(host.waitFor(30, TimeUnit.SECONDS));
                assertEquals("ended by signal 9", 128 + 9, host.exitValue());
            } finally {
                host.destroyForcibly();
            }
            String drain = attached.command("hal:drain --chip 1 " + ticket).stdout();
            Matcher onAttach = Pattern.compile("on attach: tensor ticket " + ticket + ", (\\d+) completed").matcher(drain);
            assertTrue(drain, onAttach.find());
            assertTrue("still in flight for the next host: " + drain, Long.parseLong(onAttach.group(1)) < ticket);
            assertTrue(drain, drain.contains("\ndrained:   tensor ticket " + ticket + ", " + ticket + " completed, 0 queued"));
            String chips = attached.command("hal:chips").stdout();
            assertTrue(chips, chips.matches("(?s).*\\n0\\s+chip 0x484c4359 gen 1 .*reference_gen1\\s+1\\s+emulation\\s+ready\\n.*"));
            assertTrue(chips, chips.matches("(?s).*\\n1\\s+chip 0x484c4359 gen 2 .*reference_gen2\\s+2\\s+emulation\\s+ready\\n.*"));
            assertTrue("every server outlived the kill", servers.alive());
        }
    }

    @Test
    public void aChipWhoseServerIsKilledMidTrainingStopsTheRunWithOneLineNamingIt() throws Exception {
        Path socket = tmp.getRoot().toPath().resolve("chip.sock");
        HalcyonScript halcyon = new HalcyonScript(tmp, Map.of("HALCYON_CHIPS", "2"));
        try (ChipServers servers = ChipServers.start(halcyon, socket)) {
            Path stderr = tmp.newFile("host.err").toPath();
            Process host = halcyon.with(servers.attach()).start(stderr, "--out", tmp.newFolder().toString());
            try {
                killChipAtStep40(host, servers, 1, stderr);
                assertTrue("the host ends on its own", host.waitFor(30, TimeUnit.SECONDS));
                assertEquals(Files.readString(stderr), 1, host.exitValue());
                List<String> lines = Files.readAllLines(stderr).stream().filter(l -> !l.isBlank()).toList();
                assertEquals(lines.toString(), 1, lines.size());
                assertTrue(lines.get(0), lines.get(0).matches("halcyon: chip 1 at step \\d+ of data-parallel training: .*chip server at "
                        + Pattern.quote(socket + ".1") + " lost.*"));
            } finally {
                host.destroyForcibly();
            }
        }
    }

    @Test
    public void askedToKeepGoingTrainingLosesTheKilledChipAndReachesItsTargetOnTheOthers() throws Exception {
        Path socket = tmp.getRoot().toPath().resolve("chip.sock");
        HalcyonScript halcyon = new HalcyonScript(tmp, Map.of("HALCYON_CHIPS", "3"));
        try (ChipServers servers = ChipServers.start(halcyon, socket)) {
            Path stderr = tmp.newFile("host.err").toPath();
            Process host = halcyon.with(servers.attach()).start(stderr, "run", "hal:mainjob --keep-going --out " + tmp.newFolder());
            try {
                killChipAtStep40(host, servers, 1, stderr);
                String rest = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue("the host ends on its own", host.waitFor(30, TimeUnit.SECONDS));
                assertEquals(Files.readString(stderr) + rest, 0, host.exitValue());
                assertTrue(rest, rest.matches("(?s).*\\n  chip 1    reference_gen1, generation 1: LOST in training, .*"));
                assertTrue(rest, rest.matches("(?s).*\\n  lost      chip 1 at step \\d+ of data-parallel training: .*"));
                assertTrue(rest, rest.matches("(?s).*\\n  loss      .*, below it from step \\d+\\n.*"));
                assertTrue(rest, rest.matches("(?s).*\\n  parallel  3 chips 0, 1, 2, chip 0 400 steps, chip 1 \\d+ steps \\(lost\\), chip 2 400 steps;.*"));
            } finally {
                host.destroyForcibly();
            }
        }
    }

    @Test
    public void aFaultOnOneChipNeverFailsCallsToAnother() throws Exception {
        HalcyonScript halcyon = new HalcyonScript(tmp, Map.of("HALCYON_CHIPS", "2"));
        String faultOnChip1 = "x = (emu:fault --chip 1 bus-error 0x4) ; ";
        HostProcess.Result other = halcyon.command("run", faultOnChip1 + "hal:read --chip 0 sysctrl VERSION");
        assertTrue(other.stdout(), other.stdout().startsWith("sysctrl.VERSION @ 0x00000004 = 0x00000101"));
        HostProcess.Result faulty = halcyon.run("run", faultOnChip1 + "hal:read --chip 1 sysctrl VERSION");
        assertEquals(1, faulty.exitCode());
        assertEquals(faulty.stderr(), List.of("halcyon: slave error at 0x00000004 (read32, injected fault)"), faulty.stderrLines());
    }

    /** Waits until the main job's progress passes step 40, then SIGKILLs chip {@code chip}'s server. */
    private static void killChipAtStep40(Process host, ChipServers servers, int chip, Path stderr) throws Exception {
        String line = HostProcess.awaitLine(host, l -> l.startsWith("step  40/400"), Duration.ofSeconds(60));
        assertNotNull("the host ended before training got going: " + Files.readString(stderr), line);
        servers.kill(chip);
    }

    /**
     * {@code launcher/halcyon chip start SOCKET} with several chips in HALCYON_CHIPS: a server per chip at
     * SOCKET.0, SOCKET.1, ...; closing kills any that still run.
     */
    private record ChipServers(List<ProcessHandle> servers, String sockets) implements AutoCloseable {
        static ChipServers start(HalcyonScript halcyon, Path socket) throws Exception {
            HostProcess.Result start = halcyon.run("chip", "start", socket.toString());
            List<ProcessHandle> servers = new ArrayList<>();
            Matcher started = Pattern.compile("(?m)^chip server pid (\\d+) at " + Pattern.quote(socket.toString()) + "\\.\\d+$").matcher(start.stdout());
            while (started.find()) {
                ProcessHandle.of(Long.parseLong(started.group(1))).ifPresent(servers::add);
            }
            Matcher attach = Pattern.compile("(?m)^attach a host with: HALCYON_CHIP=(\\S+)$").matcher(start.stdout());
            ChipServers all = new ChipServers(servers, attach.find() ? attach.group(1) : null);
            if (start.exitCode() != 0 || all.sockets() == null) {
                all.close();
                throw new AssertionError("chip servers not started: " + start.stdout() + start.stderr());
            }
            return all;
        }

        Map<String, String> attach() {
            return Map.of("HALCYON_CHIP", sockets);
        }

        boolean alive() {
            return servers.stream().allMatch(ProcessHandle::isAlive);
        }

        void kill(int chip) throws Exception {
            servers.get(chip).destroyForcibly();
            servers.get(chip).onExit().get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            for (ProcessHandle p : servers) {
                p.destroyForcibly();
                p.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    /** The value after the key matched by {@code keyPattern}, up to the next comma or brace. */
    private static String field(String json, String keyPattern) {
        Matcher m = Pattern.compile(keyPattern + ":\"?([^,\"}\\]]+)").matcher(json);
        assertTrue(keyPattern + " in " + json, m.find());
        return m.group(1);
    }
}
