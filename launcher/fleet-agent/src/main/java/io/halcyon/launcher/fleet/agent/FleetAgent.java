package io.halcyon.launcher.fleet.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * The host's fleet agent: polls hawkBit's DDI API and applies what it is assigned through the update
 * manager, one action at a time, on a thread of its own. Off unless the framework (or system) property
 * {@code halcyon.fleet.server} names the server; {@code halcyon.fleet.controller} and
 * {@code halcyon.fleet.token} are the host's identity there ({@code halcyon.fleet.tenant}, default
 * {@code DEFAULT}).
 *
 * <p>One action: download every artifact and verify it (checksums, a bundle) before touching anything;
 * hand each jar to the update manager, which stages it beside the running version and runs the health
 * gate; then the host-level smoke test on every chip (the whole chip's non-destructive register tests
 * and a short training run). Any failure rolls back, newest first, what this action had updated, and only then is
 * the failure reported, with the update records. A server that does not answer is retried with a
 * growing pause (1 s doubling to 30 s); an action is never applied twice, restarts included
 * ({@link ActionLog}).
 */
@Component(immediate = true)
public class FleetAgent {

    static final String SERVER = "halcyon.fleet.server";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final UpdateManager manager;
    private final HostCommands host;
    private final String controller;
    private final DdiClient ddi;
    private final ActionLog log;
    private final Path downloads;
    private final int smokeSteps;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private String lastProblem = "";

    @Activate
    public FleetAgent(BundleContext context, @Reference UpdateManager manager, @Reference CommandProcessor processor) throws IOException {
        this.manager = manager;
        this.host = new HostCommands(context, processor);
        String server = context.getProperty(SERVER);
        if (server == null || server.isBlank()) {
            controller = null;
            ddi = null;
            log = null;
            downloads = null;
            smokeSteps = 0;
            thread = null;
            return;
        }
        controller = required(context, "halcyon.fleet.controller");
        String tenant = context.getProperty("halcyon.fleet.tenant");
        ddi = new DdiClient(server, tenant == null ? "DEFAULT" : tenant, controller, required(context, "halcyon.fleet.token"));
        String state = context.getProperty("halcyon.update.state");
        Path dir = (state == null ? context.getDataFile("fleet").toPath() : Path.of(state).resolveSibling("fleet"));
        log = new ActionLog(dir.resolve("actions.jsonl"));
        downloads = dir.resolve("downloads");
        String steps = context.getProperty("halcyon.fleet.smoke.steps");
        smokeSteps = steps == null ? 5 : Integer.parseInt(steps);
        thread = new Thread(this::loop, "halcyon-fleet-agent");
        thread.setDaemon(true);
        thread.start();
    }

    private static String required(BundleContext context, String name) {
        String v = context.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("fleet agent: " + SERVER + " is set but " + name + " is not");
        }
        return v;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stop.countDown();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void loop() {
        Duration backoff = Duration.ofSeconds(1);
        while (stop.getCount() > 0) {
            Duration wait;
            try {
                DdiClient.Poll poll = ddi.poll();
                if (poll.cancelAction() != null) {
                    cancel(poll.cancelAction());
                } else if (poll.deploymentAction() != null) {
                    handle(poll.deploymentAction());
                }
                problem("");
                backoff = Duration.ofSeconds(1);
                wait = poll.deploymentAction() != null || poll.cancelAction() != null ? Duration.ZERO : poll.sleep();
            } catch (IOException e) {
                problem(e.getMessage());
                wait = backoff;
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                problem("unexpected " + e);
                wait = backoff;
            }
            try {
                if (stop.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One line on stderr when the agent's trouble changes (not one per retry). */
    private void problem(String message) {
        if (!message.equals(lastProblem)) {
            System.err.println(message.isEmpty() ? "fleet agent " + controller + ": server answers again"
                    : "fleet agent " + controller + ": " + message + " (retrying)");
            lastProblem = message;
        }
    }

    /** A deployment action: apply it unless this host took it on before; then make sure the server knows how it ended. */
    private void handle(String action) throws IOException {
        ActionLog.Entry done = log.result(action);
        if (done == null && log.known(action)) {
            done = new ActionLog.Entry("failure", List.of("this host stopped while applying action " + action
                    + "; not applied again (the restarted host runs its assembly's versions, see its update history)"));
            log.finished(action, done.finished(), done.details());
        }
        if (done == null) {
            log.begun(action);
            ddi.feedback(action, "proceeding", "none", List.of("host " + controller + " downloading and verifying the distribution set"));
            done = apply(action);
            log.finished(action, done.finished(), done.details());
        }
        ddi.feedback(action, "closed", done.finished(), done.details());
    }

    private ActionLog.Entry apply(String action) {
        List<String> details = new ArrayList<>();
        List<BundleJars.Jar> jars;
        try {
            jars = Artifacts.fetch(ddi, ddi.deployment(action), downloads.resolve(action));
        } catch (IOException e) {
            details.add("nothing applied: " + e.getMessage());
            return new ActionLog.Entry("failure", details);
        }
        String who = "fleet action " + action;
        Deque<String> updated = new ArrayDeque<>();
        String failure = null;
        for (BundleJars.Jar jar : jars) {
            UpdateRecord r;
            try {
                r = manager.update(jar.symbolicName(), jar.file(), who);
            } catch (RuntimeException e) {
                failure = jar.filename() + ": " + e.getMessage();
                break;
            }
            details.add(r.summary());
            if (r.outcome() == Outcome.UPDATED) {
                updated.push(jar.symbolicName());
            } else if (r.outcome() != Outcome.UNCHANGED) {
                failure = jar.filename() + " (" + jar.symbolicName() + " " + jar.version() + "): " + r.outcome() + (r.detail().isEmpty() ? "" : ": " + r.detail());
                break;
            }
        }
        if (failure == null) {
            failure = smokeTest(details);
        }
        if (failure == null) {
            return new ActionLog.Entry("success", details);
        }
        details.add(0, "failed: " + failure);
        while (!updated.isEmpty()) {
            String bundle = updated.pop();
            try {
                details.add("rolled back: " + manager.rollback(bundle, who + " (rollback)").summary());
            } catch (RuntimeException e) {
                details.add("rollback of " + bundle + " failed: " + e.getMessage());
            }
        }
        return new ActionLog.Entry("failure", details);
    }

    /**
     * On every chip: the non-destructive register tests of the whole chip (what the update did not touch
     * must still hold too; the tests take each chip's instance resets from its chip map, so every
     * generation passes them), and a short training run. The first failure, or null.
     */
    private String smokeTest(List<String> details) {
        List<Integer> chips = host.chips();
        if (chips.isEmpty()) {
            return "smoke test: no chip published on this host";
        }
        try {
            for (int chip : chips) {
                host.run("hal:butr --all --mode non-destructive", chip);
                host.run("hal:train --steps " + smokeSteps + " --progress none", chip);
            }
        } catch (HostCommands.Failure f) {
            return "smoke test: " + f.getMessage();
        }
        details.add("smoke test passed on chip" + (chips.size() == 1 ? " " : "s ") + chips
                + ": non-destructive register tests of the whole chip, " + smokeSteps + " training steps");
        return null;
    }

    /** A cancel: this agent applies an action within one poll, so whatever is to be stopped is done or never begun. */
    private void cancel(String cancelId) throws IOException {
        String stopId = ddi.cancelStopId(cancelId);
        if (log.known(stopId)) {
            ddi.cancelFeedback(cancelId, "failure", List.of("action " + stopId + " was already applied or refused by this host"));
        } else {
            log.finished(stopId, "failure", List.of("cancelled before this host began it"));
            ddi.cancelFeedback(cancelId, "success", List.of("action " + stopId + " cancelled before this host began it"));
        }
    }
}
