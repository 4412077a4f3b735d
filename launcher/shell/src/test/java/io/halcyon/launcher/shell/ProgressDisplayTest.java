package io.halcyon.launcher.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

public class ProgressDisplayTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String run(ProgressDisplay.Style style, int steps) {
        ProgressDisplay display = new ProgressDisplay(out, style);
        for (int step = 0; step <= steps; step++) {
            display.progress(step, steps, 1.0 / (step + 1));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void linesEveryTenthOfTheRunAndTheLastStep() {
        List<String> lines = run(ProgressDisplay.Style.LINES, 25).lines().toList();
        assertEquals(List.of("step  0/25  loss 1.00000", "step  2/25  loss 0.333333", "step  4/25  loss 0.200000"), lines.subList(0, 3));
        assertEquals("step 25/25  loss 0.0384615", lines.get(lines.size() - 1));
        assertEquals(14, lines.size());
    }

    @Test
    public void barIsRedrawnInPlaceAndEndsWithAFullBarOnItsOwnLine() {
        String text = run(ProgressDisplay.Style.BAR, 400);
        assertTrue(text, text.startsWith("\r[------------------------------]   0/400  loss 1.00000"));
        assertTrue(text, text.endsWith("\r[##############################] 400/400  loss 0.00249377" + System.lineSeparator()));
        assertEquals("one line in all", 1, text.chars().filter(c -> c == '\n').count());
    }

    @Test
    public void noneStaysSilent() {
        assertEquals("", run(ProgressDisplay.Style.NONE, 10));
    }
}
