package io.halcyon.launcher.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.halcyon.hal.api.clkrst.ChipBlock;
import io.halcyon.hal.api.clkrst.ClockReset;
import io.halcyon.hal.api.clkrst.Pll;
import io.halcyon.hal.api.dma.DmaChannelStatus;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.intc.InterruptController;
import io.halcyon.hal.api.intc.InterruptSource;
import io.halcyon.hal.api.pcie.LinkStatus;
import io.halcyon.hal.api.pcie.PcieEndpoint;
import io.halcyon.hal.api.sysctrl.SystemControl;
import io.halcyon.hal.api.telemetry.Readings;
import io.halcyon.hal.api.telemetry.Telemetry;
import io.halcyon.hal.api.tensor.TensorEngine;
import io.halcyon.hal.api.tensor.TensorEngineStatus;

/**
 * The chip's state, one line per block, read through the block contracts when asked. Only query
 * methods without read side effects are used (never the read-to-clear ECC counters), so looking
 * never changes the chip. A block without a driver, or whose registers cannot be read, says so on
 * its own line and the others are still shown.
 */
final class ChipStateView {

    private final List<String[]> rows = new ArrayList<>();

    <T> ChipStateView block(String name, T driver, Function<T, String> describe) {
        String state;
        if (driver == null) {
            state = "(no driver)";
        } else {
            try {
                state = describe.apply(driver);
            } catch (RuntimeException e) {
                state = "(cannot read: " + e.getMessage() + ")";
            }
        }
        rows.add(new String[] {name, state});
        return this;
    }

    @Override
    public String toString() {
        TextTable t = new TextTable("BLOCK", "STATE");
        rows.forEach(t::row);
        return t.toString();
    }

    static String sysctrl(SystemControl s) {
        return s.identity() + ", " + s.resetCount() + " soft resets";
    }

    static String clkrst(ClockReset c) {
        return String.format("core PLL %s, HBM PLL %s; clocks on: %s; in reset: %s",
                c.pllLocked(Pll.CORE) ? "locked" : "unlocked", c.pllLocked(Pll.HBM) ? "locked" : "unlocked",
                names(c.clocksEnabled(), ChipBlock.values().length), names(c.blocksInReset(), ChipBlock.values().length));
    }

    static String pcie(PcieEndpoint p) {
        LinkStatus s = p.status();
        return (s.up() ? "link up gen " + s.speedGeneration() + " x" + s.width() : "link down") + " (" + s.state() + ")"
                + "; errors: " + names(p.errors(), -1);
    }

    static String hbm(HbmController h) {
        return h.state() + ", " + (h.sizeBytes() >> 20) + " MiB";
    }

    static String dma(DmaEngine d) {
        List<String> channels = new ArrayList<>();
        for (int ch = 0; ch < d.channels(); ch++) {
            DmaChannelStatus s = d.status(ch);
            channels.add("ch" + ch + " " + (s.error() ? "error " + s.errorCode() : s.idle() ? "idle" : "busy")
                    + " " + s.head() + "/" + s.tail());
        }
        return d.channels() + " channels (head/tail): " + String.join(", ", channels) + "; " + d.bytesMoved() + " bytes moved";
    }

    static String intc(InterruptController i) {
        return "enabled: " + names(i.enabled(), InterruptSource.values().length) + "; pending: " + names(i.pending(), -1);
    }

    static String tensor(TensorEngine t) {
        TensorEngineStatus s = t.status();
        return (s.busy() ? "busy" : "idle") + ", " + s.queued() + " queued, " + s.completed() + " completed, "
                + (s.error() ? "error " + s.errorCode() : "no error") + "; " + t.busyCycles() + " busy cycles";
    }

    static String telemetry(Telemetry t) {
        Readings r = t.read();
        String temps = r.temperaturesCelsius().stream().map(c -> String.format(Locale.ROOT, "%.2f", c)).collect(Collectors.joining(" "));
        return String.format(Locale.ROOT, "%s C, %.3f W; thresholds %.1f C %.1f W; alarms: %s", temps, r.powerWatts(),
                t.temperatureThresholdCelsius(), t.powerThresholdWatts(), names(t.alarms(), -1));
    }

    /** @param all how many values exist, so a complete set reads "all"; -1 when that does not apply */
    private static String names(Collection<? extends Enum<?>> values, int all) {
        if (values.isEmpty()) {
            return "none";
        }
        if (values.size() == all) {
            return "all";
        }
        return values.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }
}
