package io.halcyon.launcher.shell;

import java.io.PrintStream;

import io.halcyon.consumers.training.api.TrainingListener;

/**
 * Training progress on the console. On a terminal: one bar redrawn in place with a carriage return
 * (at most every {@link #REDRAW_NANOS}, so the console does not slow the run). Otherwise (a log, a
 * pipe): one plain line every tenth of the run.
 */
final class ProgressDisplay implements TrainingListener {

    enum Style { BAR, LINES, NONE }

    static final long REDRAW_NANOS = 50_000_000;
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final Style style;
    private boolean drawn;
    private long lastDraw;

    ProgressDisplay(PrintStream out, Style style) {
        this.out = out;
        this.style = style;
    }

    @Override
    public void progress(int step, int steps, double loss) {
        switch (style) {
            case BAR -> bar(step, steps, loss);
            case LINES -> {
                int every = Math.max(1, steps / 10);
                if (step % every == 0 || step == steps) {
                    out.printf("step %" + digits(steps) + "d/%d  loss %s%n", step, steps, Units.value(loss));
                    out.flush(); // a log or a pipe shows each line as the run gets there, not at its end
                }
            }
            case NONE -> { }
        }
    }

    private void bar(int step, int steps, double loss) {
        long now = System.nanoTime();
        if (drawn && step != steps && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        drawn = true;
        lastDraw = now;
        int filled = (int) ((long) BAR_WIDTH * step / steps);
        out.print("\r[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format("%" + digits(steps) + "d/%d  loss %-10s", step, steps, Units.value(loss)));
        if (step == steps) {
            out.println();
        }
        out.flush();
    }

    private static int digits(int n) {
        return String.valueOf(n).length();
    }
}
