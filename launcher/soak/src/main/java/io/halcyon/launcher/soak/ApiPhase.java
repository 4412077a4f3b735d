package io.halcyon.launcher.soak;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.Bundle;

import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * The soak's API updates: each new version of the API bundle ({@link ApiVariants}) is applied while the
 * training workload runs. An API update stops, refreshes and restarts every bundle that uses the API,
 * this soak's own among them, so the workload is driven through shell commands ({@code hal:bringup},
 * {@code hal:train}) in Gogo sessions, which outlive the refresh: nothing here holds a class of the
 * API. A run in flight when the update starts finishes (the training workload lets it finish before
 * it stops) and must give the weights an undisturbed run gives; after each update the host must serve
 * again (bring-up, then a run with the same weights). With the in-process emulation the platform
 * bundle is the chip, so each refresh also restarts the chip at power-on: hence the bring-up.
 *
 * <p>Everything this class needs of its own bundle is loaded before the first update: the refresh
 * retires this bundle's revision, and its class loader then reads nothing more from the jar.
 */
final class ApiPhase {

    static final String API_BUNDLE = "io.halcyon.hal.api";
    private static final Pattern WEIGHTS = Pattern.compile("weights +sha-256 ([0-9a-f]{64})");
    private static final long COMMAND_SECONDS = 120;
    /** Long enough (a few times an update's stop phase) that every update begins while the run is in flight. */
    static final String TRAIN = "hal:train --steps 1200 --progress lines";

    /**
     * What the phase did.
     *
     * @param updates compatible API versions that took over
     * @param midRun updates that began while a training run was in flight
     * @param finishedFirst of those, the ones whose run had finished when the update returned: the update
     *     waited for it before it stopped what the run uses (a run that went on after the update would
     *     be running on a retired platform)
     * @param restored versions that failed once refreshed and whose previous bytes were put back
     * @param pausesNanos each update's pause (first driver stopped to every contract served again)
     * @param stopsNanos each update's stop phase, which includes waiting for the run in flight to finish
     * @param refreshed the bundles an update refreshed
     */
    record Result(int updates, int midRun, int finishedFirst, int restored, List<Long> pausesNanos, List<Long> stopsNanos, int refreshed, String reference,
            List<String> checksums, List<String> problems) {}

    private final UpdateManager manager;
    private final CommandProcessor shell;
    /** The API bundle: one bundle object across its updates, whose state and headers need no context of this bundle's. */
    private final Bundle api;

    ApiPhase(UpdateManager manager, CommandProcessor shell, Bundle api) {
        this.manager = manager;
        this.shell = shell;
        this.api = api;
    }

    /**
     * @param jars the versions to apply, in order
     * @param unresolvable a version that must fail once refreshed and be restored, or null
     */
    Result run(List<Path> jars, Path unresolvable) throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> checksums = new ArrayList<>();
        List<Long> pauses = new ArrayList<>();
        List<Long> stops = new ArrayList<>();
        int refreshed = 0;
        int restored = 0;
        int midRun = 0;
        int finishedFirst = 0;
        command("hal:bringup");
        String reference = weights(command(TRAIN));
        List<Path> plan = new ArrayList<>(jars);
        if (unresolvable != null) {
            plan.add(plan.size() / 2, unresolvable);
        }
        for (Path jar : plan) {
            boolean bad = jar.equals(unresolvable);
            command("hal:bringup"); // the in-process chip restarted with the platform at the last refresh
            ShellRun run = new ShellRun(TRAIN);
            run.awaitFirstStep();
            midRun += run.done() ? 0 : 1;
            Map<String, String> before = headers(api);
            UpdateRecord r = manager.update(API_BUNDLE, jar, "soak");
            finishedFirst += run.done() ? 1 : 0;
            checksums.add(weights(run.result()));
            if (bad && (r.outcome() != Outcome.FAILED || !r.detail().contains("was restored"))) {
                problems.add("an API version that does not resolve was not failed and restored: " + r.summary());
            } else if (!bad && r.outcome() != Outcome.UPDATED) {
                problems.add("a compatible API version did not take over: " + r.summary());
            } else if (bad && !(headers(api).equals(before) && api.getState() == Bundle.ACTIVE)) {
                problems.add("the record says restored, but the running API bundle is not the one from before (" + api.getVersion()
                        + ", state " + api.getState() + "): " + r.summary());
            } else if (bad) {
                restored++;
            } else {
                pauses.add(r.pauseNanos());
                stops.add(r.phaseNanos("stop"));
                refreshed = r.refreshed().size();
            }
        }
        command("hal:bringup");
        checksums.add(weights(command(TRAIN)));
        return new Result(plan.size() - restored, midRun, finishedFirst, restored, pauses, stops, refreshed, reference, checksums, problems);
    }

    /**
     * Every header of the bundle's running revision's manifest: equal before an update and after its
     * restore when the previous bytes are back (the version that failed adds an import).
     */
    private static Map<String, String> headers(Bundle bundle) {
        Map<String, String> all = new TreeMap<>();
        Dictionary<String, String> headers = bundle.getHeaders("");
        for (Enumeration<String> keys = headers.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            all.put(key, headers.get(key));
        }
        return all;
    }

    /** Runs one command line to its end in a session (and a thread) of its own; its output is dropped, its result returned. */
    private String command(String line) throws Exception {
        return new ShellRun(line).result();
    }

    private static String weights(String trainOutput) {
        Matcher m = WEIGHTS.matcher(trainOutput);
        if (!m.find()) {
            throw new IllegalStateException("no weights checksum in: " + trainOutput);
        }
        return m.group(1);
    }

    /**
     * A command line run in a thread and a session of its own: so that an update can be applied while it
     * runs, and so that what it prints goes to its session, not to the soak's (Gogo sends a thread's
     * {@code System.out} to the session that thread runs for).
     */
    private final class ShellRun {
        private final CountDownLatch firstStep = new CountDownLatch(1);
        private final CompletableFuture<String> result = new CompletableFuture<>();

        ShellRun(String line) {
            OutputStream progress = new OutputStream() {
                private final StringBuilder seen = new StringBuilder();

                @Override
                public void write(int b) {
                    seen.append((char) b);
                    if (seen.indexOf("step ") >= 0) {
                        firstStep.countDown();
                    }
                }
            };
            Thread t = new Thread(() -> {
                try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
                    CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), out, out);
                    try {
                        result.complete(String.valueOf(session.execute(line)));
                    } finally {
                        session.close();
                    }
                } catch (Exception | Error e) {
                    result.completeExceptionally(e);
                } finally {
                    firstStep.countDown();
                }
            }, "soak-shell " + line);
            t.setDaemon(true);
            t.start();
        }

        /** Until the command has printed its first progress line ({@code step ...}), or ended. */
        void awaitFirstStep() throws InterruptedException {
            if (!firstStep.await(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the command showed no progress within " + COMMAND_SECONDS + " s");
            }
        }

        boolean done() {
            return result.isDone();
        }

        String result() throws Exception {
            return result.get(COMMAND_SECONDS, TimeUnit.SECONDS);
        }
    }
}
