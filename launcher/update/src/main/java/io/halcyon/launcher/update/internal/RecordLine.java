package io.halcyon.launcher.update.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.halcyon.launcher.update.GateCounts;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.Phase;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * An {@link UpdateRecord} as one line of the history file: a JSON object with every field, so that the
 * file reads on its own ({@code jq} works on it) and a record read back equals the one written.
 */
final class RecordLine {

    private RecordLine() {}

    static String of(UpdateRecord r) {
        GateCounts g = r.gate();
        return "{\"sequence\":" + r.sequence()
                + ",\"at\":" + Json.quote(r.at().toString())
                + ",\"who\":" + Json.quote(r.who())
                + ",\"bundle\":" + Json.quote(r.bundle())
                + ",\"block\":" + Json.quote(r.block())
                + ",\"from\":" + Json.quote(r.fromVersion())
                + ",\"to\":" + Json.quote(r.toVersion())
                + ",\"outcome\":" + Json.quote(r.outcome().name())
                + ",\"detail\":" + Json.quote(r.detail())
                + ",\"pauseNanos\":" + r.pauseNanos()
                + ",\"refreshed\":[" + r.refreshed().stream().map(Json::quote).collect(Collectors.joining(",")) + "]"
                + ",\"phases\":[" + r.phases().stream().map(p -> "{\"name\":" + Json.quote(p.name()) + ",\"nanos\":" + p.nanos() + "}")
                        .collect(Collectors.joining(",")) + "]"
                + ",\"gate\":{\"registerChecks\":" + g.registerChecks() + ",\"registerChecksSkipped\":" + g.registerChecksSkipped()
                + ",\"registerEngine\":" + Json.quote(g.registerEngine()) + ",\"viewsEqual\":" + g.viewsEqual()
                + ",\"countersInRange\":" + g.countersInRange() + ",\"liveViewsRead\":" + g.liveViewsRead()
                + ",\"viewsUnsettled\":" + g.viewsUnsettled() + "}"
                + ",\"unchecked\":" + r.unchecked() + "}";
    }

    /** @throws IllegalArgumentException if the line is no complete record (a torn last line) */
    static UpdateRecord parse(String line) {
        try {
            Map<String, Object> o = object(Json.parse(line));
            Map<String, Object> g = object(o.get("gate"));
            List<Phase> phases = new ArrayList<>();
            for (Object p : list(o.get("phases"))) {
                phases.add(new Phase(string(object(p), "name"), number(object(p), "nanos")));
            }
            List<String> refreshed = new ArrayList<>();
            list(o.get("refreshed")).forEach(b -> refreshed.add((String) b));
            GateCounts gate = new GateCounts((int) number(g, "registerChecks"), (int) number(g, "registerChecksSkipped"),
                    string(g, "registerEngine"), (int) number(g, "viewsEqual"), (int) number(g, "countersInRange"),
                    (int) number(g, "liveViewsRead"), (int) number(g, "viewsUnsettled"));
            return new UpdateRecord(number(o, "sequence"), Instant.parse(string(o, "at")), string(o, "who"), string(o, "bundle"),
                    string(o, "block"), string(o, "from"), string(o, "to"), Outcome.valueOf(string(o, "outcome")), string(o, "detail"),
                    number(o, "pauseNanos"), refreshed, phases, gate, Boolean.TRUE.equals(o.get("unchecked")));
        } catch (ClassCastException | NullPointerException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a complete update record: " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static String string(Map<String, Object> o, String name) {
        return (String) o.get(name);
    }

    private static long number(Map<String, Object> o, String name) {
        return (Long) o.get(name);
    }
}
