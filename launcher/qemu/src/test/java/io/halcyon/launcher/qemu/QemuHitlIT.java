package io.halcyon.launcher.qemu;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * {@code launcher/halcyon hitl qemu --json} as a user runs it, with the JDK running this test (CI runs the
 * build on JDK 17 and on Temurin 25, so the guest runs each): one guest boot, in which every access phase's
 * HAL counts must equal the device's exactly, interpreted and compiled, and every check must pass.
 * Needs qemu-system-x86, linux-image-amd64 and busybox-static (.ci/run installs them); without QEMU it is
 * skipped, except in CI, where it must run.
 */
public class QemuHitlIT {

    private static final Path ROOT = Path.of(System.getProperty("halcyon.root", "../.."));

    @Test
    public void everyAccessReachesTheDeviceExactlyOnceAndEveryCheckPasses() throws Exception {
        boolean qemu = Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64"));
        assumeTrue("qemu-system-x86_64 is not installed (apt-get install qemu-system-x86 linux-image-amd64 busybox-static)",
                qemu || System.getenv("CI") != null);
        Path out = ROOT.resolve("launcher/qemu/target/hitl-it.json");
        Path err = ROOT.resolve("launcher/qemu/target/hitl-it.err");
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("launcher/halcyon").toString(), "hitl", "qemu", "--json")
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        try {
            assertTrue("hitl qemu did not finish within 20 minutes", p.waitFor(20, TimeUnit.MINUTES));
        } finally {
            p.destroyForcibly();
        }
        String json = Files.readString(out, StandardCharsets.UTF_8).strip();
        assertEquals("exit code; stdout: " + json + "\nstderr: " + read(err), 0, p.exitValue());
        assertTrue(json, json.endsWith("\"ok\": true}"));

        List<Map<String, Long>> phases = phases(json);
        assertEquals(json, 15, phases.size()); // 5 interpreted, 5 warm-up, 5 compiled
        long[] interpreted = new long[2];
        long[] compiled = new long[2];
        for (int i = 0; i < phases.size(); i++) {
            Map<String, Long> c = phases.get(i);
            assertEquals("reads of phase " + i, c.get("halReads"), c.get("deviceReads"));
            assertEquals("writes of phase " + i, c.get("halWrites"), c.get("deviceWrites"));
            long[] sum = i < 5 ? interpreted : i >= 10 ? compiled : null;
            if (sum != null) {
                sum[0] += c.get("halReads");
                sum[1] += c.get("halWrites");
            }
        }
        for (long[] run : List.of(interpreted, compiled)) {
            assertTrue("at least 10,000 reads and 10,000 writes per run", run[0] >= 10_000 && run[1] >= 10_000);
        }
        assertTrue(json, json.contains("\"butr\": {\"passed\": ") && !json.contains("\"passed\": false"));
        assertTrue(json, !json.contains("\"butr\": {\"passed\": 0,") && json.contains("\"failed\": 0,"));
    }

    private static final Pattern PHASE = Pattern.compile(
            "\"hal\": \\{\"reads\": (\\d+), \"writes\": (\\d+)}, \"device\": \\{\"reads\": (-?\\d+), \"writes\": (-?\\d+)}");

    private static List<Map<String, Long>> phases(String json) {
        Matcher m = PHASE.matcher(json);
        List<Map<String, Long>> phases = new java.util.ArrayList<>();
        while (m.find()) {
            phases.add(Map.of("halReads", Long.parseLong(m.group(1)), "halWrites", Long.parseLong(m.group(2)),
                    "deviceReads", Long.parseLong(m.group(3)), "deviceWrites", Long.parseLong(m.group(4))));
        }
        return phases;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
