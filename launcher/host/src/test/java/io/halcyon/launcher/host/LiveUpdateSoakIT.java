package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Proofs 1 and 2 of live update, through the command an operator runs: the training workload on the
 * emulated chip while the DMA, tensor-engine and HBM bundles are replaced by new versions built from
 * changed code; with --bad, three broken versions in between must be rolled back. Through
 * {@code launcher/halcyon}, which runs these commands on the soak assembly (the main host has no soak).
 */
public class LiveUpdateSoakIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theDocumentedCommandRunsAsBefore() throws Exception {
        HostProcess.Result r = script().command("hal:soak --updates 3");
        assertTrue(r.stdout(), r.stdout().matches("(?s)updates: +3 \\{dma=1, tensor=1, hbm=1\\}.*"));
        assertTrue(r.stdout(), r.stdout().contains("\nfailed calls: 0 "));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*\n +undisturbed [0-9a-f]{64}: identical\n.*"));
    }

    @Test
    public void fiftyUpdatesUnderTrainingLeaveTheWeightsBitIdentical() throws Exception {
        String json = soak("hal:soak --updates 50 --json", HalcyonHost.OK);
        assertEquals(json, 50, number(json, "updates"), 0);
        assertEquals(json, 0, number(json, "rollbacks"), 0);
        assertEquals(json, 0, number(json, "failedCalls"), 0);
        assertTrue(json, json.contains("\"identical\": true"));
        assertTrue("a pause per swap is reported: " + json, number(json, "p99") >= number(json, "p50"));
    }

    @Test
    public void badVersionsAreRolledBackAndTheResultIsUnchanged() throws Exception {
        // The version whose activation throws leaves a framework error event behind (SCR reports the
        // failed component), which the host counts as degraded even though the block was rolled back.
        String json = soak("hal:soak --updates 9 --bad --json", HalcyonHost.DEGRADED);
        assertEquals(json, 9, number(json, "updates"), 0);
        assertEquals("activation throws, fails the health gate, missing import: " + json, 3, number(json, "rollbacks"), 0);
        assertEquals(json, 0, number(json, "failedCalls"), 0);
        assertTrue(json, json.contains("\"identical\": true"));
    }

    private String soak(String command, int exitCode) throws Exception {
        HostProcess.Result r = script().run("run", command);
        assertEquals("exit code; stderr: " + r.stderr(), exitCode, r.exitCode());
        String json = r.stdout().lines().filter(l -> l.startsWith("{")).findFirst()
                .orElseThrow(() -> new AssertionError("no JSON object in: " + r.stdout()));
        return json;
    }

    private HalcyonScript script() {
        return new HalcyonScript(tmp, Map.of());
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([0-9.]+)").matcher(json);
        assertTrue("no " + key + " in " + json, m.find());
        return Double.parseDouble(m.group(1));
    }
}
