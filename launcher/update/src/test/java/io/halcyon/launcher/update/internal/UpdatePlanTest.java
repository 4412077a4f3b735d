package io.halcyon.launcher.update.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.framework.Version;

import io.halcyon.launcher.update.internal.UpdatePlan.Facts;
import io.halcyon.launcher.update.internal.UpdatePlan.Kind;

/** The refusal rules and their order, from the facts alone. */
public class UpdatePlanTest {

    private static final String BLOCK = "io.halcyon.block.dma";
    private static final String API = "io.halcyon.hal.api";
    private static final JarImage BLOCK_1 = image(BLOCK, "1.0.0", Map.of(), "a");
    private static final JarImage BLOCK_2 = image(BLOCK, "1.0.1", Map.of(), "b");
    private static final JarImage API_1 = image(API, "1.1.0", Map.of("io.halcyon.hal.api.dma", new Version(1, 1, 0)), "c");
    private static final JarImage API_2 = image(API, "1.2.0", Map.of("io.halcyon.hal.api.dma", new Version(1, 2, 0)), "d");

    private static JarImage image(String symbolicName, String version, Map<String, Version> exports, String sha256) {
        return new JarImage(new byte[0], symbolicName, Version.parseVersion(version), exports, sha256);
    }

    /** A running block bundle that nothing depends on, is no platform and exports nothing. */
    private static Facts block(JarImage next) {
        return new Facts(BLOCK, BLOCK_1, next, false, List.of(BLOCK), List.of(), false);
    }

    private static void assertPlan(Kind kind, String reason, Facts facts) {
        UpdatePlan plan = UpdatePlan.decide(facts);
        assertEquals(plan.toString(), kind, plan.kind());
        assertEquals(reason, plan.reason());
    }

    @Test
    public void aNewVersionOfAPlainBlockBundleIsSwapped() {
        assertPlan(Kind.SWAP_BLOCK, "", block(BLOCK_2));
    }

    @Test
    public void aJarOfAnotherBundleIsRefusedEvenWhenItsBytesAreTheRunningOnes() {
        JarImage other = image("io.halcyon.block.hbm", "1.0.0", Map.of(), BLOCK_1.sha256());
        assertPlan(Kind.REFUSE, "the jar is io.halcyon.block.hbm, not " + BLOCK, block(other));
    }

    @Test
    public void theRunningJarIsNothingToDoWhateverElseHolds() {
        assertPlan(Kind.NOTHING_TO_DO, "the same jar already runs", new Facts(BLOCK, BLOCK_1, BLOCK_1, true, List.of(BLOCK, "x"), List.of("p"), true));
    }

    @Test
    public void aBundleThatExportsIsAnApiUpdateEvenIfItAlsoProvidesTheBus() {
        assertPlan(Kind.UPDATE_API, "", new Facts(API, API_1, API_2, true, List.of(API, "a", "b"), List.of(), false));
    }

    @Test
    public void aBundleThatStopsExportingIsStillAnApiUpdate() {
        JarImage exportsNothing = image(API, "2.0.0", Map.of(), "e");
        assertPlan(Kind.UPDATE_API, "", new Facts(API, API_1, exportsNothing, false, List.of(API), List.of(), false));
    }

    @Test
    public void anIncompatibleApiChangeIsRefusedCountingTheDependents() {
        assertPlan(Kind.REFUSE, "incompatible API change for its 2 dependent bundle(s): p1 went 1 -> 2; p2 removed",
                new Facts(API, API_1, API_2, false, List.of(API, "a", "b"), List.of("p1 went 1 -> 2", "p2 removed"), true));
    }

    @Test
    public void aCompatibleApiUpdateThatWouldRestartTheManagerIsRefused() {
        assertPlan(Kind.REFUSE, UpdatePlan.RESTARTS_MANAGER,
                new Facts(API, API_1, API_2, false, List.of(API, "io.halcyon.launcher.update"), List.of(), true));
    }

    @Test
    public void aPlatformBundleIsRefused() {
        assertPlan(Kind.REFUSE, UpdatePlan.PLATFORM_REFUSAL, new Facts(BLOCK, BLOCK_1, BLOCK_2, true, List.of(BLOCK, "a"), List.of(), false));
    }

    @Test
    public void aBlockBundleWithDependentsIsRefusedNamingThem() {
        assertPlan(Kind.REFUSE, "a block bundle must have no dependents, but replacing it would also refresh [" + BLOCK + ", a]",
                new Facts(BLOCK, BLOCK_1, BLOCK_2, false, List.of(BLOCK, "a"), List.of(), false));
    }
}
