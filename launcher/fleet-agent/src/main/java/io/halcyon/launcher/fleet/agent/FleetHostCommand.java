package io.halcyon.launcher.fleet.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code fleet:host}: what a host of a local fleet ({@code launcher/halcyon fleet up}) does while its
 * agent takes updates: bring every chip up, then train in short runs on every chip, one after the
 * other with a short pause between runs, counting the runs and the failed ones into a status file (one JSON object, replaced
 * atomically) that the fleet command reads. It returns when the process that started the host is
 * gone, so a fleet's hosts never outlive it.
 */
@Component(service = FleetHostCommand.class, property = {"osgi.command.scope=fleet", "osgi.command.function=host"})
public class FleetHostCommand {

    private final HostCommands host;

    @Activate
    public FleetHostCommand(BundleContext context, @Reference CommandProcessor processor) {
        this.host = new HostCommands(context, processor);
    }

    @Descriptor("bring every chip up and train in short runs until the parent process is gone; counts into a status file")
    public String host(
            @Descriptor("the status file (JSON: calls, failed, lastFailure, running)")
            @Parameter(names = "--status", absentValue = "") String status,
            @Descriptor("training steps per run")
            @Parameter(names = "--steps", absentValue = "2") int steps,
            @Descriptor("milliseconds between runs (a served load rather than a spinning one: ten hosts share the machine's cores)")
            @Parameter(names = "--pause-ms", absentValue = "20") int pauseMillis) throws Exception {
        if (status.isEmpty()) {
            throw new IllegalArgumentException("fleet:host: --status FILE is required");
        }
        Path file = Path.of(status);
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        for (int chip : host.chips()) {
            host.run("hal:bringup", chip);
        }
        // The workload runs on a thread of its own, as a program beside the HAL would: Gogo's commands called from
        // inside this command's own session nest their streams in it, and that nesting keeps every call's buffers.
        long[] counts = new long[2];
        String[] lastFailure = {""};
        Thread workload = new Thread(() -> {
            try (HostCommands.Session session = host.open()) {
                write(file, counts[0], counts[1], lastFailure[0], true);
                while (parent.map(ProcessHandle::isAlive).orElse(false) && !Thread.currentThread().isInterrupted()) {
                    for (int chip : host.chips()) {
                        counts[0]++;
                        try {
                            session.run("hal:train --steps " + steps + " --progress none", chip);
                        } catch (HostCommands.Failure f) {
                            counts[1]++;
                            lastFailure[0] = f.getMessage();
                        }
                    }
                    write(file, counts[0], counts[1], lastFailure[0], true);
                    Thread.sleep(pauseMillis);
                }
                write(file, counts[0], counts[1], lastFailure[0], false);
            } catch (IOException e) {
                lastFailure[0] = "status file " + file + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fleet-host-workload");
        workload.start();
        try {
            workload.join();
        } finally {
            workload.interrupt();
        }
        long calls = counts[0];
        long failed = counts[1];
        return "fleet:host: " + calls + " workload calls, " + failed + " failed";
    }

    private static void write(Path file, long calls, long failed, String lastFailure, boolean running) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("calls", calls);
        s.put("failed", failed);
        s.put("lastFailure", lastFailure);
        s.put("running", running);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.write(s), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
