package io.halcyon.launcher.fleet.agent;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The actions this host has taken on, in its state directory ({@code fleet/actions.jsonl} beside the
 * update manager's history), so that a restarted host never applies an action twice: a line when an
 * action begins, forced to disk before anything is applied, and one with its result before the server
 * is told. An action begun but never finished (the host died meanwhile) is reported as failed, not
 * applied again: the restarted host runs its assembly's versions, which its update history records.
 */
final class ActionLog {

    /** What the log says of one action: its result, or null while only begun. */
    record Entry(String finished, List<String> details) {
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    ActionLog(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Object o;
                try {
                    o = Json.parse(line);
                } catch (IllegalArgumentException torn) {
                    continue; // the last line of a host killed while writing it
                }
                String finished = Json.string(o, "finished");
                entries.put(Json.string(o, "action"), finished.isEmpty() ? null
                        : new Entry(finished, Json.list(o, "details").stream().map(String::valueOf).toList()));
            }
        }
    }

    synchronized boolean known(String action) {
        return entries.containsKey(action);
    }

    /** The result, or null when the action was begun and never finished or is unknown. */
    synchronized Entry result(String action) {
        return entries.get(action);
    }

    synchronized void begun(String action) throws IOException {
        append(Map.of("action", action));
        entries.put(action, null);
    }

    synchronized void finished(String action, String finished, List<String> details) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("action", action);
        line.put("finished", finished);
        line.put("details", details);
        append(line);
        entries.put(action, new Entry(finished, details));
    }

    private void append(Map<String, ?> line) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap((Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }
}
