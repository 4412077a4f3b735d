package io.halcyon.launcher.webconsole;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import io.halcyon.hal.api.butr.TestListener;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;

/**
 * What the tests page shows: the latest register-test run on this host, whoever started it. A
 * whiteboard {@link TestListener}: the register tests tell every such service when a run ends, so a
 * {@code hal:butr} or {@code hal:hitl} from the shell shows as a run from this console does. Kept in
 * memory only: it is a view of runs, not chip state.
 */
@Component(service = {TestListener.class, TestsWatch.class})
public class TestsWatch implements TestListener {

    /** Who started a run the console did not start itself. */
    static final String ELSEWHERE = "the shell or a tool (hal:butr, hal:hitl)";

    /** One run: when it ended, who started it, what it asked for, and a report per platform. */
    record Run(Instant at, String who, TestRequest request, List<TestReport> reports) {
    }

    private volatile Run latest;

    @Override
    public void finished(TestRequest request, List<TestReport> reports) {
        latest = new Run(Instant.now(), ELSEWHERE, request, reports);
    }

    /**
     * Names the user of a run the console started: the run was told (above) before the console's call
     * returned with the same reports.
     */
    synchronized void startedBy(List<TestReport> reports, String who) {
        Run r = latest;
        if (r != null && !reports.isEmpty() && !r.reports().isEmpty() && r.reports().get(0) == reports.get(0)) {
            latest = new Run(r.at(), who, r.request(), r.reports());
        }
    }

    Optional<Run> latest() {
        return Optional.ofNullable(latest);
    }
}
