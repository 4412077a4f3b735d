package io.halcyon.launcher.rtlbutr;

import io.halcyon.consumers.butr.Budget;
import io.halcyon.consumers.butr.BusAccess;
import io.halcyon.consumers.butr.JUnitXml;
import io.halcyon.consumers.butr.TestRunner;
import io.halcyon.hal.api.bus.BusException;
import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.platform.verification.SimulatorBuild;
import io.halcyon.platform.verification.SimulatorProcess;
import io.halcyon.platform.verification.SimulatorSources;
import io.halcyon.rdl.compiler.diag.Diagnostic;
import io.halcyon.rdl.compiler.diag.RdlException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code rtl-butr}: a register block someone else wrote, checked against its SystemRDL with one command.
 * The description is elaborated into the BUTR suites; the RTL's ports are read from Verilator and wrapped
 * into the harness's conventions ({@link SlavePort}, {@link Wrapper}); the verification platform's build
 * cache, harness and client run it; the same BUTR engine as {@code hal:butr} checks it. Exit code 0 only
 * when checks ran and none failed; 1 for a failure or bad input (one clear error); 2 for usage.
 *
 * <p>Files go to a run folder beside the simulator cache ({@code <cache>/../rtl-butr/run-<pid>}), removed
 * when the run passed and kept (with the simulator's log) when it did not; never the system's temporary
 * folder. The simulator exits with this process, SIGKILL included.
 */
public final class RtlButr {

    /** A failure that ends the run with one message, exit code 1. */
    static final class RunException extends Exception {
        private static final long serialVersionUID = 1L;

        RunException(String message) {
            super(message);
        }
    }

    private final Options options;
    private final PrintStream out;
    private final Path cache;
    private final Path work;

    RtlButr(Options options, PrintStream out, Path cache) {
        this.options = options;
        this.out = out;
        this.cache = cache;
        this.work = cache.toAbsolutePath().resolveSibling("rtl-butr").resolve("run-" + ProcessHandle.current().pid());
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit code. The simulator cache is {@code halcyon.verification.cache}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path cache = Path.of(System.getProperty("halcyon.verification.cache", System.getProperty("user.home") + "/.cache/halcyon/simulators"));
        try {
            return new RtlButr(Options.parse(args), out, cache).check() ? 0 : 1;
        } catch (Options.UsageException e) {
            err.println("rtl-butr: " + e.getMessage());
            return 2;
        } catch (RdlException e) {
            e.diagnostics().stream().map(Diagnostic::toString).forEach(err::println);
            return 1;
        } catch (RunException | IOException | IllegalArgumentException e) {
            err.println("rtl-butr: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("rtl-butr: interrupted");
            return 1;
        }
    }

    /** True when checks ran and none failed. */
    boolean check() throws IOException, InterruptedException, RunException {
        Description description = Description.of(options.rdl(), options.includes(), options.rdlTop());
        out.printf("description: %s, %d registers, %d memories (%s)%n", description.name(), description.block().registers().size(),
                description.block().memories().size(), String.join(" ", options.rdl().stream().map(Path::toString).toList()));
        TestRequest request = TestRequest.wholeChip(0).withSeed(options.seed());
        long planned = runnableChecks(request, description);
        if (planned == 0) {
            throw new RunException("nothing to check: the description leaves every check of " + description.name() + " out");
        }
        SimulatorBuild.deleteTree(work);
        Files.createDirectories(work);
        SlavePort port = SlavePort.find(options.top(), options.bus(), TopPorts.of(options.rtl(), options.includes(), options.top(), work));
        for (String tied : options.ties().keySet()) {
            if (port.heldInputs().stream().noneMatch(p -> p.name().equals(tied))) {
                throw new RunException("--tie " + tied + ": not a hardware-side input of " + options.top() + " (those are: "
                        + String.join(", ", port.heldInputs().stream().map(TopPorts.Port::name).toList()) + ")");
            }
        }
        String outside = description.outside(port.addressBits());
        if (outside != null) {
            throw new RunException("the description does not match the RTL: " + outside);
        }
        out.printf("RTL: %s, %s slave, %d-bit address, clock %s, reset %s (active %s), %d hardware-side inputs held at %s%n", options.top(),
                options.bus().label, port.addressBits(), port.clock().name(), port.reset().name(), port.resetActiveLow() ? "low" : "high",
                port.heldInputs().size(), options.ties().isEmpty() ? "zero" : "zero but " + options.ties());
        SimulatorBuild.Built built = SimulatorBuild.of(sources(port), Wrapper.chip(options.top()), options.bus().label, cache);
        out.printf("simulator: %s (%s)%n", built.cached() ? "cached" : "built in " + built.buildMillis() + " ms", built.verilator());
        Path log = work.resolve("sim.log");
        TestReport report;
        try (SimulatorProcess sim = SimulatorProcess.start(built.executable(), SimulatorProcess.socketPath(work, "sim.sock"), log)) {
            BusException lost = null;
            try {
                report = TestRunner.run("verification", request, List.of(description.block()), new BusAccess(sim.client().bus()),
                        Budget.UNLIMITED, new FailuresAsTheyCome(out));
            } catch (BusException e) {
                // The run's own bookkeeping (device time, read after the last check) failed: the simulator is gone.
                lost = e;
                report = null;
            }
            if (lost != null) {
                throw new RunException(sim.exitedWithin(5_000)
                        ? "the simulator (pid " + sim.pid() + ") died during the run:\n" + lastWords(log) + "\nlog: " + log
                        : "the simulator stopped answering: " + lost.getMessage() + " (log: " + log + ")");
            }
        }
        out.print(Report.summary(report, description.held()));
        if (options.junit().isPresent()) {
            try (Writer w = Files.newBufferedWriter(options.junit().get(), StandardCharsets.UTF_8)) {
                JUnitXml.write(List.of(report), w);
            }
            out.println("JUnit XML written to " + options.junit().get().toAbsolutePath());
        }
        long ran = report.count(Outcome.PASSED) + report.count(Outcome.FAILED);
        if (ran == 0) {
            throw new RunException("nothing was checked: every check of " + description.name() + " was skipped (see above)");
        }
        boolean passed = report.count(Outcome.FAILED) == 0;
        out.println(passed ? "rtl-butr: PASSED" : "rtl-butr: FAILED, " + report.count(Outcome.FAILED) + " of " + ran + " checks; first: "
                + report.failures().get(0).message());
        if (passed) {
            SimulatorBuild.deleteTree(work);
        }
        return passed;
    }

    /** How many checks the plan runs (the rest the description leaves out); the planner's bus access only answers widths. */
    private static long runnableChecks(TestRequest request, Description description) {
        String marker = "planned";
        return TestRunner.skipAll("verification", request, List.of(description.block()), new BusAccess(null), marker, ProgressListener.NONE)
                .results().stream().filter(r -> r.reason().equals(marker)).count();
    }

    /** What the simulator said before it died: the design's and Verilator's error lines ($fatal, assertions), else its last lines. */
    private String lastWords(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        return lines.isEmpty() ? "it said nothing" : SimulatorBuild.errorLines(lines, work);
    }

    /** The harness with the module's files, the headers of the include folders, the wrapper, its binding and its file list. */
    private SimulatorSources sources(SlavePort port) throws IOException, RunException {
        String chip = Wrapper.chip(options.top());
        SimulatorSources s = SimulatorSources.carried().harness();
        Set<String> names = new HashSet<>();
        StringBuilder list = new StringBuilder();
        for (Path f : options.rtl()) {
            String name = f.getFileName().toString();
            if (!names.add(name)) {
                throw new RunException("two RTL files named " + name + ": the simulator is built from one folder");
            }
            s = s.with("rtl/" + name, Files.readAllBytes(f));
            list.append(name).append('\n');
        }
        for (Path dir : options.includes()) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path h : files.filter(p -> p.toString().matches(".*\\.(svh|vh|sv|v)$")).toList()) {
                    if (names.add(h.getFileName().toString())) {
                        s = s.with("rtl/" + h.getFileName(), Files.readAllBytes(h));
                    }
                }
            }
        }
        list.append(chip).append("_wrapper.sv\n");
        s = s.with("rtl/" + chip + "_wrapper.sv", Wrapper.module(options.top(), port, options.ties()).getBytes(StandardCharsets.UTF_8));
        s = s.with("rtl/" + chip + "_binding.h", Wrapper.binding(options.top()).getBytes(StandardCharsets.UTF_8));
        return s.with("rtl/" + chip + ".f", list.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Says how many checks will run, then each failure as it happens (the summary lists them again). */
    private static final class FailuresAsTheyCome implements ProgressListener {
        private final PrintStream out;

        FailuresAsTheyCome(PrintStream out) {
            this.out = out;
        }

        @Override
        public void started(String platform, int checks) {
            out.println("butr: " + checks + " checks");
        }

        @Override
        public void checked(CheckResult result, int done, int planned) {
            if (result.outcome() == Outcome.FAILED) {
                out.println("  " + result.message());
            }
        }
    }
}
