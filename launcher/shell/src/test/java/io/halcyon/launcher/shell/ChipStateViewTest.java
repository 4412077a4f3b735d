package io.halcyon.launcher.shell;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import io.halcyon.hal.api.bus.SlaveErrorException;

public class ChipStateViewTest {

    @Test
    public void missingDriverAndUnreadableBlockEachSayWhyOnTheirOwnLine() {
        String text = new ChipStateView()
                .block("sysctrl", "ok", s -> "fine")
                .block("pcie", null, s -> "never called")
                .block("hbm", "broken", s -> { throw new SlaveErrorException(0x30004, "read32"); })
                .toString();
        assertEquals(List.of(
                "BLOCK    STATE",
                "sysctrl  fine",
                "pcie     (no driver)",
                "hbm      (cannot read: slave error at 0x00030004 (read32))"), text.lines().toList());
    }

    @Test
    public void bringUpTableMarksSkippedStepsAndTotals() {
        String text = BringUpView.table(PicturesTest.REPORT) + BringUpView.totals(PicturesTest.REPORT);
        List<String> lines = text.lines().toList();
        assertEquals("STEP           ACTION   DEVICE TIME  WALL     DETAIL", lines.get(0));
        assertEquals("identify-chip  already  30 ns        0.30 ms  chip <id> & co", lines.get(1));
        assertEquals("pll-lock       done     50.1 us      2.5 ms   locked core,hbm", lines.get(2));
        assertEquals("chip ready: 3 steps, 250.2 us device time, 4.3 ms wall", lines.get(4));
    }
}
