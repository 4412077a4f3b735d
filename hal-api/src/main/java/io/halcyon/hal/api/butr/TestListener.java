package io.halcyon.hal.api.butr;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told the results of every register-test run on the host (the whiteboard pattern): the
 * {@link RegisterTests} and {@link HardwareInTheLoop} services tell every {@code TestListener} service
 * when a run ends, whoever started it (the shell's {@code hal:butr} and {@code hal:hitl}, the web console,
 * a tool), on the thread that ran it. Runs over descriptions given by the caller (a health gate testing
 * a staged block version, {@link RegisterTests#run(TestRequest, List, ProgressListener)}) are not told:
 * they test a version that is not the chip's yet, and the update history reports them. A listener that
 * throws is ignored; it never changes the run's result.
 *
 * @since 1.2
 */
@ConsumerType
@FunctionalInterface
public interface TestListener {

    /**
     * A run ended.
     *
     * @param request what was asked (for {@link HardwareInTheLoop}, as the caller gave it)
     * @param reports one report per platform that was asked: one for {@link RegisterTests}, one per configured
     *     platform, in {@link HardwareInTheLoop#platforms()} order, for {@link HardwareInTheLoop}
     */
    void finished(TestRequest request, List<TestReport> reports);
}
