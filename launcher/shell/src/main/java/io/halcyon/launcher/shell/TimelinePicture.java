package io.halcyon.launcher.shell;

import java.util.List;
import java.util.function.ToDoubleFunction;

import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bringup.BringUpStep;

/**
 * The bring-up timeline as two Gantt charts, one in device time and one in wall time: each step a
 * bar starting where the previous one ended. Steps that found their end state already reached are grey.
 */
final class TimelinePicture {

    private static final int WIDTH = 760;
    private static final double LEFT = 150;
    private static final double RIGHT = 110;
    private static final double ROW = 22;
    private static final double PANEL_GAP = 60;
    private static final String DONE = "fill:#1f5fbf";
    private static final String ALREADY = "fill:#aaaaaa";

    private TimelinePicture() {}

    static String svg(BringUpReport report) {
        List<BringUpStep> steps = report.steps();
        double panelH = ROW * steps.size();
        int height = (int) (60 + 2 * panelH + PANEL_GAP + 20);
        Svg svg = new Svg(WIDTH, height);
        svg.text(WIDTH / 2.0, 26, "Bring-up timeline (blue: step did work, grey: already done)", "middle", 16);
        double top = 60;
        panel(svg, steps, top, "device time, total " + Units.nanos(BringUpView.deviceNanos(report)),
                BringUpStep::deviceNanos, s -> Units.nanos(s.deviceNanos()));
        panel(svg, steps, top + panelH + PANEL_GAP, "wall time, total " + Units.millis(BringUpView.wallMillis(report)),
                BringUpStep::wallMillis, s -> Units.millis(s.wallMillis()));
        return svg.toString();
    }

    private static void panel(Svg svg, List<BringUpStep> steps, double top, String title,
            ToDoubleFunction<BringUpStep> length, java.util.function.Function<BringUpStep, String> label) {
        double total = steps.stream().mapToDouble(length).sum();
        double plotW = WIDTH - LEFT - RIGHT;
        svg.text(LEFT, top - 10, title, "start", 13);
        double start = 0;
        for (int i = 0; i < steps.size(); i++) {
            BringUpStep s = steps.get(i);
            double y = top + i * ROW;
            double x = LEFT + (total > 0 ? plotW * start / total : 0);
            double w = Math.max(2, total > 0 ? plotW * length.applyAsDouble(s) / total : 0);
            svg.text(LEFT - 8, y + ROW * 0.7, s.name(), "end", 12);
            svg.rect(x, y + 3, w, ROW - 6, s.alreadyDone() ? ALREADY : DONE);
            svg.text(Math.min(x + w + 6, LEFT + plotW + 6), y + ROW * 0.7, label.apply(s), "start", 11);
            start += length.applyAsDouble(s);
        }
        svg.line(LEFT, top + steps.size() * ROW, LEFT + plotW, top + steps.size() * ROW, "stroke:#888888");
    }
}
