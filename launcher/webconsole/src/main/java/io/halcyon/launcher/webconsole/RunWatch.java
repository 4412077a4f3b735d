package io.halcyon.launcher.webconsole;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import io.halcyon.consumers.training.api.TrainingListener;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bringup.BringUpStep;

/**
 * What the run page draws: the loss of the latest training run on chip 0, whoever started it (a
 * whiteboard {@link TrainingListener}: the workload tells every such service, so a run started from
 * the shell shows too), and the timeline of the latest bring-up the console ran. Kept in memory only:
 * it is a view of runs, not chip state.
 */
@Component(service = {TrainingListener.class, RunWatch.class}, property = "halcyon.chip=0")
public class RunWatch implements TrainingListener {

    private final List<double[]> loss = new ArrayList<>();
    private int steps;
    private int runs;
    private long lastProgressNanos;
    private BringUpReport bringUp;
    private String state = "no run yet";

    @Override
    public synchronized void progress(int step, int steps, double lossValue) {
        if (step == 0) {
            loss.clear();
            runs++;
        }
        this.steps = steps;
        loss.add(new double[] {step, lossValue});
        lastProgressNanos = System.nanoTime();
        state = step == steps ? "finished" : "running";
    }

    synchronized void bringUp(BringUpReport report) {
        this.bringUp = report;
    }

    synchronized void failed(String reason) {
        state = "failed: " + reason;
    }

    synchronized void starting() {
        state = "starting";
    }

    /** Everything the page draws, as JSON. */
    synchronized String json() {
        StringBuilder out = new StringBuilder("{\"state\":\"").append(Json.esc(state)).append("\",\"runs\":").append(runs)
                .append(",\"steps\":").append(steps).append(",\"loss\":[");
        for (int i = 0; i < loss.size(); i++) {
            out.append(i == 0 ? "" : ",").append('[').append((int) loss.get(i)[0]).append(',')
                    .append(String.format(Locale.ROOT, "%.6g", loss.get(i)[1])).append(']');
        }
        out.append("],\"bringup\":[");
        if (bringUp != null) {
            List<BringUpStep> s = bringUp.steps();
            for (int i = 0; i < s.size(); i++) {
                BringUpStep b = s.get(i);
                out.append(i == 0 ? "" : ",").append("{\"step\":\"").append(Json.esc(b.name())).append("\",\"deviceTime\":")
                        .append(b.deviceNanos()).append(",\"wallMs\":").append(String.format(Locale.ROOT, "%.3f", b.wallMillis()))
                        .append(",\"alreadyDone\":").append(b.alreadyDone()).append(",\"detail\":\"").append(Json.esc(b.detail())).append("\"}");
            }
        }
        return out.append("]}").toString();
    }
}
