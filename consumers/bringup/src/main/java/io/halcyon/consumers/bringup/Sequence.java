package io.halcyon.consumers.bringup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.halcyon.hal.api.bringup.BringUpException;
import io.halcyon.hal.api.bringup.BringUpListener;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bringup.BringUpStep;
import io.halcyon.hal.api.bus.RegisterBus;

/** Runs steps in order and records each one's device and wall time; stops at the first that fails. */
final class Sequence {

    private final List<Step> steps;
    private final RegisterBus clock;

    /** @param clock the chip's bus, used only for its device time */
    Sequence(List<Step> steps, RegisterBus clock) {
        this.steps = List.copyOf(steps);
        this.clock = clock;
    }

    BringUpReport run() {
        return run(Watchers.NONE);
    }

    /** Runs the steps, telling {@code watchers} each one as it ends, before the next one starts. */
    BringUpReport run(Watchers watchers) {
        watchers.started(steps.stream().map(Step::name).toList());
        List<BringUpStep> timeline = new ArrayList<>();
        for (Step step : steps) {
            long deviceStart = clock.deviceTimeNanos();
            long wallStart = System.nanoTime();
            boolean alreadyDone;
            String detail;
            try {
                Optional<String> endState = step.endState();
                alreadyDone = endState.isPresent();
                detail = alreadyDone ? endState.get() : step.perform(new DeviceDeadline(clock, step.bound()));
            } catch (RuntimeException e) {
                BringUpException failure = new BringUpException(step.name(), e);
                watchers.failed(failure);
                throw failure;
            }
            BringUpStep done = new BringUpStep(step.name(), alreadyDone, clock.deviceTimeNanos() - deviceStart,
                    (System.nanoTime() - wallStart) / 1e6, detail);
            timeline.add(done);
            watchers.step(done);
        }
        BringUpReport report = new BringUpReport(timeline, timeline.stream().allMatch(BringUpStep::alreadyDone));
        watchers.finished(report);
        return report;
    }

    /** Whether every step's end state holds; reads only, as {@link Step#endState()} promises. */
    boolean endStateHolds() {
        for (Step step : steps) {
            try {
                if (step.endState().isEmpty()) {
                    return false;
                }
            } catch (RuntimeException e) {
                return false; // a chip that cannot be brought up is not ready either
            }
        }
        return true;
    }
}
