package io.halcyon.launcher.webconsole;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import io.halcyon.consumers.training.api.TrainingListener;
import io.halcyon.hal.api.bringup.BringUpException;
import io.halcyon.hal.api.bringup.BringUpListener;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bringup.BringUpStep;

/**
 * What the run page draws: the loss of the latest training run on chip 0 and the timeline of the latest
 * bring-up of chip 0, whoever started them. Both come through the whiteboard: the workload tells every
 * {@link TrainingListener} service, the bring-up every {@link BringUpListener} service, so runs started
 * from the shell or the main job show too, each step as it ends. Kept in memory only: it is a view of
 * runs, not chip state.
 */
@Component(service = {TrainingListener.class, BringUpListener.class, RunWatch.class}, property = "halcyon.chip=0")
public class RunWatch implements TrainingListener, BringUpListener {

    private final List<double[]> loss = new ArrayList<>();
    private int steps;
    private int runs;
    private long lastProgressNanos;
    private final List<BringUpStep> bringUp = new ArrayList<>();
    private List<String> bringUpPlanned = List.of();
    private int bringUps;
    private String bringUpState = "none seen since the host started";
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

    @Override
    public synchronized void started(List<String> steps) {
        bringUp.clear();
        bringUpPlanned = List.copyOf(steps);
        bringUps++;
        bringUpState = "running";
    }

    @Override
    public synchronized void step(BringUpStep step) {
        bringUp.add(step);
    }

    @Override
    public synchronized void finished(BringUpReport report) {
        bringUpState = report.attachedToRunningChip() ? "finished (the chip was already up)" : "finished";
    }

    @Override
    public synchronized void failed(BringUpException failure) {
        bringUpState = "failed: " + failure.getMessage();
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
        out.append("],\"bringups\":").append(bringUps).append(",\"bringupState\":\"").append(Json.esc(bringUpState))
                .append("\",\"bringupPlanned\":").append(bringUpPlanned.size()).append(",\"bringup\":[");
        {
            List<BringUpStep> s = bringUp;
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
