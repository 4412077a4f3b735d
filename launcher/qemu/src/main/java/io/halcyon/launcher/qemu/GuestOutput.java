package io.halcyon.launcher.qemu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the guest printed on its serial console: the {@code HITL {json}} lines of the hitl: commands (flat
 * objects of strings, numbers, booleans and nulls), the benchmark's JSON lines, the JVMs' PrintCompilation
 * lines for the methods of the access path ({@link #JIT_METHODS}), and the guest's own {@code HITL-GUEST} lines.
 */
final class GuestOutput {

    /**
     * The PrintCompilation lines the guest passes on (an extended regular expression for grep): the
     * production platform's methods and the JDK methods that issue its loads and stores
     * ({@link GuestScript#ACCESS_LEAVES}; of jdk.internal.misc.Unsafe only the plain int and long accessors,
     * a name followed by a space, not getIntVolatile and the like).
     */
    static final String JIT_METHODS = "io[.]halcyon[.]platform[.]production[.]|sun[.]misc[.]Unsafe::"
            + "|jdk[.]internal[.]misc[.]Unsafe::(get|put)(Int|Long)(Unaligned)? |jdk[.]internal[.]misc[.]ScopedMemoryAccess::"
            + "|java[.]lang[.]invoke[.]VarHandleSegmentAs";

    private static final Pattern PAIR = Pattern.compile("\"([^\"]+)\": (\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]+)");
    /** PrintCompilation: uptime in ms, compile id, flags, tier, method. */
    private static final Pattern COMPILED = Pattern.compile("^\\s*(\\d+)\\s+(\\d+)\\s+([%sbn! ]*)\\s*(\\d)\\s+(\\S+::\\S+)");

    /**
     * One PrintCompilation event of a method of the access path: a compilation starting, or (with
     * {@code discarded}) its code being made not entrant (deoptimised), after which it no longer runs.
     */
    record Compilation(String run, long uptimeMs, int id, int tier, String method, boolean nativeWrapper, boolean discarded) {
    }

    private final List<Map<String, String>> records = new ArrayList<>();
    private final List<Compilation> compilations = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private String run = "";

    void accept(String line) {
        lines.add(line);
        String l = line.strip();
        if (l.startsWith("HITL-GUEST run ")) {
            run = l.substring("HITL-GUEST run ".length()).trim();
        } else if (l.startsWith("HITL {")) {
            Map<String, String> r = parse(l.substring(5));
            r.put("run", run);
            records.add(r);
        } else if (l.startsWith("{\"bench\"")) {
            Map<String, String> r = parse(l);
            r.put("run", run);
            records.add(r);
        } else if (l.startsWith("JIT ")) {
            Matcher m = COMPILED.matcher(l.substring(4));
            if (m.find() && !line.contains("made not compilable")) {
                compilations.add(new Compilation(run, Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(4)), m.group(5), m.group(3).contains("n"),
                        line.contains("made not entrant") || line.contains("made zombie")));
            }
        }
    }

    static Map<String, String> parse(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(json);
        while (m.find()) {
            String v = m.group(2).strip();
            values.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1).replace("\\\"", "\"") : v);
        }
        return values;
    }

    /** The HITL records that have {@code key}, in order. */
    List<Map<String, String>> records(String key) {
        return records.stream().filter(r -> r.containsKey(key)).toList();
    }

    List<Compilation> compilations() {
        return List.copyOf(compilations);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
