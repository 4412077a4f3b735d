package io.halcyon.launcher.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.HardwareInTheLoop;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.RegisterTests;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;

/**
 * {@code hal:butr} and {@code hal:hitl}: the built-in register tests on chip 0, or on every configured
 * platform side by side. Progress and a summary table go to the console; a failed check makes the
 * command fail (so {@code halcyon run} exits 1) with the first failure named on one line.
 */
@Component(service = Object.class, property = {"osgi.command.scope=hal", "osgi.command.function=butr",
        "osgi.command.function=hitl"})
public class ButrCommands {

    private static final int FAILURES_SHOWN = 20;

    /**
     * The session variable the host reads for a command's own exit code, and hal:hitl's code when a
     * configured platform did not run (launcher/host's HalcyonHost documents every code).
     */
    static final String EXIT_CODE = "halcyon.exit";
    static final int PLATFORM_NOT_RUN = 5;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RegisterTests tests;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HardwareInTheLoop hitl;

    @Descriptor("built-in register tests (BUTR) of a block, one register or the whole chip, with progress and a summary table")
    public void butr(
            @Descriptor("the chip (hal:chips lists them)") @Parameter(names = "--chip", absentValue = "0") int chip,
            @Descriptor("test the whole chip") @Parameter(names = "--all", presentValue = "true", absentValue = "false") boolean all,
            @Descriptor("order of the checks in each group") @Parameter(names = "--seed", absentValue = "0") String seed,
            @Descriptor("full (writes registers) or non-destructive (no writes, no side-effect reads)")
            @Parameter(names = "--mode", absentValue = "full") String mode,
            @Descriptor("also write the results as JUnit XML to this file") @Parameter(names = "--junit", absentValue = "") String junit,
            @Descriptor("BLOCK or BLOCK.REGISTER, e.g. tensor or sysctrl.SCRATCH (none with --all)") String... target) {
        String[] args = ButrOptions.arguments(all, seed, mode, junit, false, target);
        ButrOptions options = ButrOptions.parse("butr", args);
        RegisterTests t = tests;
        if (t == null) {
            throw new IllegalStateException("the register tests bundle (io.halcyon.consumers.butr) is not running");
        }
        PrintStream out = System.out;
        TestRequest r = options.request();
        TestReport report = t.run(new TestRequest(chip, r.block(), r.register(), r.mode(), r.seed(), r.suites()), new Progress(out));
        out.print(summary(report));
        finish(t, List.of(report), options, out);
    }

    @Descriptor("the same register tests on every configured platform (emulation, verification, production), side by side; "
            + "exits 5 when a configured platform did not run, unless --attached-only asks for the attached platforms only")
    public void hitl(CommandSession session,
            @Descriptor("test the whole chip") @Parameter(names = "--all", presentValue = "true", absentValue = "false") boolean all,
            @Descriptor("order of the checks in each group") @Parameter(names = "--seed", absentValue = "0") String seed,
            @Descriptor("full (writes registers) or non-destructive (no writes, no side-effect reads)")
            @Parameter(names = "--mode", absentValue = "full") String mode,
            @Descriptor("also write the results as JUnit XML to this file") @Parameter(names = "--junit", absentValue = "") String junit,
            @Descriptor("test only the platforms attached to this host (a configured platform that is not attached is then no failure)")
            @Parameter(names = "--attached-only", presentValue = "true", absentValue = "false") boolean attachedOnly,
            @Descriptor("BLOCK or BLOCK.REGISTER, e.g. tensor or sysctrl.SCRATCH (none with --all)") String... target) {
        String[] args = ButrOptions.arguments(all, seed, mode, junit, attachedOnly, target);
        ButrOptions options = ButrOptions.parse("hitl", args);
        HardwareInTheLoop h = hitl;
        RegisterTests t = tests;
        if (h == null || t == null) {
            throw new IllegalStateException("the register tests bundle (io.halcyon.consumers.butr) is not running");
        }
        PrintStream out = System.out;
        List<String> attached = h.attached();
        List<TestReport> reports = h.run(options.request(), new Progress(out)).stream()
                .filter(r -> !options.attachedOnly() || attached.contains(r.platform())).toList();
        out.print(sideBySide(reports));
        finish(t, reports, options, out);
        List<String> absent = h.platforms().stream().filter(p -> !attached.contains(p)).toList();
        if (!options.attachedOnly() && !absent.isEmpty()) {
            session.put(EXIT_CODE, PLATFORM_NOT_RUN);
            throw new IllegalStateException("HITL: " + absent.size() + " of " + h.platforms().size() + " configured platforms did not run ("
                    + String.join(", ", absent) + ": not attached to this host; their checks are reported skipped); "
                    + ButrOptions.ATTACHED_ONLY + " tests the attached platforms only");
        }
    }

    private static void finish(RegisterTests t, List<TestReport> reports, ButrOptions options, PrintStream out) {
        if (options.junit().isPresent()) {
            Path file = options.junit().get();
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                t.writeJUnitXml(reports, w);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write JUnit XML to " + file + ": " + e.getMessage(), e);
            }
            out.println("JUnit XML written to " + file.toAbsolutePath());
        }
        List<String> failures = new ArrayList<>();
        long total = 0;
        for (TestReport r : reports) {
            total += r.results().size();
            r.failures().forEach(f -> failures.add(reports.size() > 1 ? r.platform() + ": " + f.message() : f.message()));
        }
        if (!failures.isEmpty()) {
            out.println("failures:");
            failures.stream().limit(FAILURES_SHOWN).forEach(f -> out.println("  " + f));
            if (failures.size() > FAILURES_SHOWN) {
                out.println("  ... and " + (failures.size() - FAILURES_SHOWN) + " more");
            }
            out.flush();
            throw new IllegalStateException("BUTR: " + failures.size() + " of " + total + " checks failed; first: " + failures.get(0));
        }
        out.flush();
    }

    /** Per block: passed, failed, skipped; then totals and time. */
    static String summary(TestReport report) {
        Map<String, long[]> byBlock = new TreeMap<>();
        for (CheckResult r : report.results()) {
            byBlock.computeIfAbsent(r.block(), b -> new long[3])[r.outcome().ordinal()]++;
        }
        TextTable t = new TextTable("BLOCK", "PASSED", "FAILED", "SKIPPED");
        long[] total = new long[3];
        for (Map.Entry<String, long[]> e : byBlock.entrySet()) {
            long[] c = e.getValue();
            t.row(e.getKey(), String.valueOf(c[0]), String.valueOf(c[1]), String.valueOf(c[2]));
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        }
        t.row("total", String.valueOf(total[0]), String.valueOf(total[1]), String.valueOf(total[2]));
        return t + String.format(Locale.ROOT, "%d checks on %s, chip %d, %s mode, seed %d: %.1f ms wall, %.1f us device%n",
                report.results().size(), report.platform(), report.chip(), mode(report), report.seed(),
                report.wallNanos() / 1e6, report.deviceNanos() / 1e3);
    }

    /** Per suite, one column per platform: passed/failed/skipped. */
    static String sideBySide(List<TestReport> reports) {
        List<String> header = new ArrayList<>(List.of("SUITE"));
        reports.forEach(r -> header.add(r.platform().toUpperCase(Locale.ROOT) + " P/F/S"));
        TextTable t = new TextTable(header.toArray(new String[0]));
        for (Suite s : Suite.values()) {
            List<String> row = new ArrayList<>(List.of(s.name().toLowerCase(Locale.ROOT).replace('_', '-')));
            for (TestReport r : reports) {
                long[] c = new long[3];
                r.results().stream().filter(x -> x.suite() == s).forEach(x -> c[x.outcome().ordinal()]++);
                row.add(c[0] + "/" + c[1] + "/" + c[2]);
            }
            t.row(row.toArray(new String[0]));
        }
        List<String> time = new ArrayList<>(List.of("time (wall)"));
        reports.forEach(r -> time.add(String.format(Locale.ROOT, "%.1f ms", r.wallNanos() / 1e6)));
        t.row(time.toArray(new String[0]));
        return t.toString();
    }

    private static String mode(TestReport r) {
        return r.mode().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One line when a platform starts, then one every tenth of the way. */
    private static final class Progress implements ProgressListener {
        private final PrintStream out;
        private int lastTenth;

        Progress(PrintStream out) {
            this.out = out;
        }

        @Override
        public void started(String platform, int checks) {
            lastTenth = 0;
            out.println("butr: " + platform + ", " + checks + " checks");
        }

        @Override
        public void checked(CheckResult result, int done, int planned) {
            int tenth = planned == 0 ? 10 : done * 10 / planned;
            if (tenth > lastTenth) {
                lastTenth = tenth;
                out.printf("  %3d%% (%d/%d)%s%n", tenth * 10, done, planned,
                        result.outcome() == Outcome.FAILED ? " last: " + result.message() : "");
            }
        }
    }
}
