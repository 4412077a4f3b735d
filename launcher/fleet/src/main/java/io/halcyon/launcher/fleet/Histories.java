package io.halcyon.launcher.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.halcyon.launcher.fleet.agent.Json;

/**
 * Whether hawkBit's action history of each host and the host's own update history
 * ({@code history.jsonl} in its state directory, where the agent's requests are recorded as
 * {@code who = "fleet action N"}) tell the same story: every action hawkBit closed as finished has
 * update records on the host, all of which served (UPDATED or UNCHANGED) and none undone; every action it
 * closed as failed left nothing serving on the host (no record, or one that did not serve, or a
 * rollback); an action still open (a later group's, never started) has no record at all; and the host
 * has no record of an action hawkBit does not know.
 */
final class Histories {

    private static final Pattern WHO = Pattern.compile("fleet action (\\d+)( \\(rollback\\))?");

    private record HostRecord(long action, boolean rollback, String outcome) {
    }

    private Histories() {
    }

    /** The disagreements, one line each naming the host and the action; empty when the histories agree. */
    static List<String> disagreements(Mgmt mgmt, List<LocalFleet.Host> hosts) throws IOException {
        List<String> problems = new ArrayList<>();
        for (LocalFleet.Host h : hosts) {
            Map<Long, List<HostRecord>> records = records(h.history());
            Map<Long, Mgmt.Action> actions = new LinkedHashMap<>();
            mgmt.actions(h.id()).forEach(a -> actions.put(a.id(), a));
            for (Long id : records.keySet()) {
                if (!actions.containsKey(id)) {
                    problems.add(h.id() + ": its update history records fleet action " + id + ", which hawkBit does not know");
                }
            }
            for (Mgmt.Action a : actions.values()) {
                List<HostRecord> rs = records.getOrDefault(a.id(), List.of());
                boolean served = !rs.isEmpty() && rs.stream().allMatch(r -> !r.rollback() && (r.outcome().equals("UPDATED") || r.outcome().equals("UNCHANGED")));
                if (a.succeeded() && !served) {
                    problems.add(h.id() + ": hawkBit says action " + a.id() + " finished, the host's history says " + describe(rs));
                } else if (a.failed() && served) {
                    problems.add(h.id() + ": hawkBit says action " + a.id() + " failed, the host's history says it serves: " + describe(rs));
                } else if (!a.closed() && !rs.isEmpty()) {
                    problems.add(h.id() + ": hawkBit's action " + a.id() + " is still " + a.last() + ", the host's history has " + describe(rs));
                }
            }
        }
        return problems;
    }

    /** Whether the host's update history has any record of action {@code action}. */
    static boolean touched(LocalFleet.Host h, long action) throws IOException {
        return records(h.history()).containsKey(action);
    }

    private static String describe(List<HostRecord> rs) {
        if (rs.isEmpty()) {
            return "nothing";
        }
        List<String> parts = new ArrayList<>();
        rs.forEach(r -> parts.add(r.outcome() + (r.rollback() ? " (rollback)" : "")));
        return String.join(", ", parts);
    }

    private static Map<Long, List<HostRecord>> records(Path history) throws IOException {
        Map<Long, List<HostRecord>> out = new LinkedHashMap<>();
        if (!Files.exists(history)) {
            return out;
        }
        for (String line : Files.readAllLines(history)) {
            Object o;
            try {
                o = Json.parse(line);
            } catch (IllegalArgumentException torn) {
                continue;
            }
            Matcher m = WHO.matcher(Json.string(o, "who"));
            if (m.matches()) {
                long id = Long.parseLong(m.group(1));
                out.computeIfAbsent(id, k -> new ArrayList<>()).add(new HostRecord(id, m.group(2) != null, Json.string(o, "outcome")));
            }
        }
        return out;
    }
}
