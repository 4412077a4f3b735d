package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Proofs of live update, through the command an operator runs: the training workload on the emulated
 * chip while every block bundle is replaced, round-robin, by new versions built from changed code,
 * then while the API bundle is replaced by compatible versions (each adds a method to a
 * {@code @ProviderType} interface), each applied while {@code hal:train} runs. Through
 * {@code launcher/halcyon}, which runs these commands on the soak assembly (the main host has no soak).
 * The bad versions are {@link BadVersionsIT}'s.
 */
public class LiveUpdateSoakIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theDocumentedCommandRunsAsBefore() throws Exception {
        HostProcess.Result r = script().command("hal:soak --updates 3 --api-updates 1");
        assertTrue(r.stdout(), r.stdout().matches("(?s)updates: +3 \\{sysctrl=1, clkrst=1, pcie=1\\}.*"));
        assertTrue(r.stdout(), r.stdout().contains("\nfailed calls: 0 "));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*\n +undisturbed [0-9a-f]{64}: identical\n.*"));
        assertTrue(r.stdout(), r.stdout().contains("\napi updates:  1 of io.halcyon.hal.api, 1 begun while hal:train ran (1 of those runs finished "
                + "before the update went on), "));
    }

    @Test
    public void fiftyUpdatesOfEveryBlockAndApiUpdatesUnderTrainingLeaveTheWeightsBitIdentical() throws Exception {
        String json = Soak.json(script(), "hal:soak --updates 50 --json", HalcyonHost.OK);
        assertEquals(json, 50, Soak.number(json, "updates"), 0);
        assertEquals("every block of the chip took part: " + json, 9, Soak.number(json, "blocks"), 0);
        assertEquals(json, 0, Soak.number(json, "rollbacks"), 0);
        assertEquals(json, 0, Soak.number(json, "failedCalls"), 0);
        assertTrue(json, json.contains("\"identical\": true"));
        assertTrue("a pause per swap is reported: " + json, Soak.number(json, "p99") >= Soak.number(json, "p50"));
        assertEquals(json, 3, Soak.number(json, "apiUpdates"), 0);
        assertEquals("each API update began while a training run was in flight: " + json, 3, Soak.number(json, "apiMidRun"), 0);
        assertEquals("and the run finished (on the old classes) before the update stopped what it uses: " + json, 3,
                Soak.number(json, "apiRunsFinishedFirst"), 0);
        assertTrue("an API update refreshes the API's dependents: " + json, Soak.number(json, "apiRefreshed") >= 15);
    }

    /**
     * Issue 15: the soak across chips. Every block bundle is swapped while training runs data-parallel on
     * four chips: each update replaces the block's driver on every chip at once, and no call fails on any.
     */
    @Test
    public void blockUpdatesUnderDataParallelTrainingOnFourChipsLeaveTheWeightsBitIdentical() throws Exception {
        String json = Soak.json(script().with(Map.of("HALCYON_CHIPS", "4")), "hal:soak --updates 9 --api-updates 0 --all-chips --json",
                HalcyonHost.OK);
        assertEquals(json, 9, Soak.number(json, "updates"), 0);
        assertEquals("every block took part: " + json, 9, Soak.number(json, "blocks"), 0);
        assertEquals(json, 0, Soak.number(json, "rollbacks"), 0);
        assertEquals(json, 0, Soak.number(json, "failedCalls"), 0);
        assertTrue(json, json.contains("\"identical\": true"));
    }

    /**
     * On generation 2 the chip map gives the tensor engine {@code FEATURES.BF16_MATMUL} = 1 where the
     * description says 0: the health gate's register tests of each staged version must expect the chip
     * map's value (the block configuration's instance resets), or every swap is rolled back.
     */
    @Test
    public void tensorSwapsOnGenerationTwoPassTheGateWithTheChipMapsInstanceResets() throws Exception {
        String json = Soak.json(script().with(Map.of("HALCYON_CHIPS", "gen2")), "hal:soak --updates 3 --blocks tensor --api-updates 0 --json",
                HalcyonHost.OK);
        assertEquals(json, 3, Soak.number(json, "updates"), 0);
        assertEquals("no swap rolled back by a reset check of FEATURES.BF16_MATMUL: " + json, 0, Soak.number(json, "rollbacks"), 0);
        assertEquals(json, 0, Soak.number(json, "failedCalls"), 0);
        assertTrue(json, json.contains("\"identical\": true"));
    }

    private HalcyonScript script() {
        return new HalcyonScript(tmp, Map.of("HALCYON_JAVA_OPTS", "-Dhalcyon.state=" + tmp.getRoot().toPath().resolve("state")));
    }
}
