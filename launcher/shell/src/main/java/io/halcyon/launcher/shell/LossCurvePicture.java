package io.halcyon.launcher.shell;

import java.util.List;
import java.util.Locale;

import io.halcyon.consumers.training.api.TrainingResult;

/** The loss after every step on a logarithmic axis, with the run's target as a dashed line. */
final class LossCurvePicture {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final double LEFT = 80;
    private static final double RIGHT = 30;
    private static final double TOP = 50;
    private static final double BOTTOM = 60;

    private LossCurvePicture() {}

    static String svg(TrainingResult r) {
        return svg(r, "");
    }

    /** With {@code ranOn} (e.g. ", data-parallel on chips 0, 1") after the title. */
    static String svg(TrainingResult r, String ranOn) {
        List<Double> losses = r.losses();
        double low = Math.floor(Math.log10(Math.min(r.targetLoss(), losses.stream().mapToDouble(Double::doubleValue).min().orElse(1))));
        double high = Math.ceil(Math.log10(losses.stream().mapToDouble(Double::doubleValue).max().orElse(1)));
        if (high <= low) {
            high = low + 1;
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        int steps = r.steps();
        double top = high;
        double span = high - low;
        java.util.function.DoubleUnaryOperator x = step -> LEFT + plotW * step / steps;
        java.util.function.DoubleUnaryOperator y = loss -> TOP + plotH * (top - Math.log10(loss)) / span;

        Svg svg = new Svg(WIDTH, HEIGHT);
        svg.text(WIDTH / 2.0, 28, String.format(Locale.ROOT, "Training loss (MSE), MLP %d-%d-1 on %d samples, lr %s%s",
                r.plan().inputs(), r.plan().hidden(), r.plan().samples(), r.plan().learningRate(), ranOn), "middle", 16);
        svg.rect(LEFT, TOP, plotW, plotH, "fill:none;stroke:#888888");
        for (double decade = low; decade <= high; decade++) {
            double yy = y.applyAsDouble(Math.pow(10, decade));
            svg.line(LEFT, yy, LEFT + plotW, yy, "stroke:#dddddd");
            svg.text(LEFT - 8, yy + 4, "1e" + (int) decade, "end", 12);
        }
        for (int i = 0; i <= 8; i++) {
            int step = Math.round(steps * i / 8f);
            double xx = x.applyAsDouble(step);
            svg.line(xx, TOP + plotH, xx, TOP + plotH + 5, "stroke:#888888");
            svg.text(xx, TOP + plotH + 20, String.valueOf(step), "middle", 12);
        }
        svg.text(LEFT + plotW / 2, HEIGHT - 15, "step", "middle", 13);
        double ty = y.applyAsDouble(r.targetLoss());
        svg.line(LEFT, ty, LEFT + plotW, ty, "stroke:#cc3333;stroke-dasharray:6,4");
        svg.text(LEFT + plotW - 4, ty - 6, "target " + Units.value(r.targetLoss()), "end", 12);

        double[] xs = new double[losses.size()];
        double[] ys = new double[losses.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x.applyAsDouble(i);
            ys[i] = y.applyAsDouble(losses.get(i));
        }
        svg.polyline(xs, ys, "stroke:#1f5fbf;stroke-width:2");
        svg.text(LEFT + 8, TOP + 18, "initial " + Units.value(r.initialLoss()) + ", final " + Units.value(r.finalLoss())
                + " after " + steps + " steps", "start", 12);
        return svg.toString();
    }
}
