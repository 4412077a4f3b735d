package io.halcyon.launcher.update.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;

import io.halcyon.launcher.update.GateCounts;
import io.halcyon.launcher.update.GatePolicy;
import io.halcyon.launcher.update.UpdateGate;

/**
 * A gate that checked nothing is no pass: the version is refused unless the operator asked for an
 * unchecked update; a gate's failure stands whatever the operator asked; the gate sees the running
 * and the staged driver of every contract.
 */
public class GateClientTest {

    private static final long WAIT = TimeUnit.SECONDS.toNanos(10);
    private static final GateCounts SOMETHING = new GateCounts(4, 60, "register tests", 3, 0, 0, 0);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final IntUnaryOperator runningDriver = x -> x + 1;
    private final IntUnaryOperator stagedDriver = x -> x + 2;
    private StagedUpdate staged;
    private UpdateGate.Request asked;

    @Before
    public void aVersionStagedWithItsDriver() throws Exception {
        FakeFramework framework = new FakeFramework(folder.getRoot().toPath());
        StableServices stable = new StableServices(framework.context(), new DriverServices(framework.manager()), WAIT, line -> {});
        framework.tracker(stable);
        StagedBundles staging = new StagedBundles(framework.context(), line -> {});
        Bundle running = framework.installed("io.halcyon.block.test", "1.0.0");
        framework.registerDriver(running, "test", runningDriver, IntUnaryOperator.class);
        framework.onStart(bundle -> framework.registerDriver(bundle, "test", stagedDriver, IntUnaryOperator.class));
        staged = StagedUpdate.install(FakeFramework.jar("io.halcyon.block.test", "1.0.1"), stable.servedBy(running), staging, stable);
        staged.start();
        staged.awaitDrivers(WAIT);
    }

    private GateClient gateAnswering(UpdateGate.Verdict verdict) {
        return new GateClient(() -> request -> {
            asked = request;
            return verdict;
        });
    }

    @Test
    public void theGateSeesBothDriversOfEveryContract() throws Exception {
        assertEquals(SOMETHING, gateAnswering(new UpdateGate.Verdict(true, "", SOMETHING)).check(staged, GatePolicy.CHECKED, WAIT));
        UpdateGate.Contract c = asked.contracts().get(0);
        assertEquals(List.of("0", "test", List.of(IntUnaryOperator.class.getName())), List.of(c.chip(), c.block(), c.interfaces()));
        assertSame(runningDriver, c.running());
        assertSame(stagedDriver, c.staged());
        assertSame(staged.bundle(), asked.staged());
    }

    @Test
    public void aGateThatCheckedNothingRefusesTheVersionUnlessTheOperatorWaivedIt() throws Exception {
        GateClient gate = gateAnswering(new UpdateGate.Verdict(true, "", GateCounts.NONE));
        UpdateFailure refused = assertThrows(UpdateFailure.class, () -> gate.check(staged, GatePolicy.CHECKED, WAIT));
        assertEquals("health gate: found nothing to check of test (nothing checked); hal:update --unchecked accepts a version unchecked",
                refused.getMessage());
        assertEquals(GateCounts.NONE, gate.check(staged, GatePolicy.UNCHECKED, WAIT));
    }

    @Test
    public void aFailureStandsWhateverTheOperatorAsked() {
        GateCounts upToTheFailure = new GateCounts(4, 60, "register tests", 0, 0, 0, 0);
        GateClient gate = gateAnswering(new UpdateGate.Verdict(false, "health gate: test view differs", upToTheFailure));
        for (GatePolicy policy : GatePolicy.values()) {
            UpdateFailure f = assertThrows(UpdateFailure.class, () -> gate.check(staged, policy, WAIT));
            assertEquals("health gate: test view differs", f.getMessage());
            assertEquals("what was checked goes to the record", upToTheFailure, f.checked());
        }
    }

    @Test
    public void noGateOnTheHostIsNothingCheckedToo() throws Exception {
        GateClient gate = new GateClient(() -> null);
        UpdateFailure refused = assertThrows(UpdateFailure.class, () -> gate.check(staged, GatePolicy.CHECKED, WAIT));
        assertEquals("no health gate runs on this host (bundle io.halcyon.launcher.gate), so nothing could be checked; "
                + "hal:update --unchecked accepts a version unchecked", refused.getMessage());
        assertEquals(GateCounts.NONE, gate.check(staged, GatePolicy.UNCHECKED, WAIT));
    }
}
