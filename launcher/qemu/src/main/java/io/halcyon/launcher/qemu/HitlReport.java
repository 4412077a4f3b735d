package io.halcyon.launcher.qemu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HITL run's verdict from what the guest said and what the device saw: per phase the HAL's counts
 * against the device's, the production platform's register tests, and the checks (driver paths, the
 * values each phase read, that the access path ran interpreted in one run and compiled in the other).
 * {@link #ok()} only when every count matches exactly and every check passed.
 */
final class HitlReport {

    record Phase(String name, long halReads, long halWrites, long deviceReads, long deviceWrites) {
        boolean matches() {
            return halReads == deviceReads && halWrites == deviceWrites;
        }
    }

    record Check(String name, boolean passed, String detail) {
    }

    record Butr(String platform, long passed, long failed, long skipped) {
    }

    final List<Phase> phases = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
    final List<Butr> butr = new ArrayList<>();
    final List<Map<String, String>> bench = new ArrayList<>();
    /** What the device said when refused or removed, shown as it is. */
    final List<String> notes = new ArrayList<>();
    String jdk = "";
    double guestSeconds;

    static HitlReport of(GuestOutput guest, DeviceTrace device) {
        HitlReport r = new HitlReport();
        List<Map<String, String>> halPhases = guest.records("phase");
        List<DeviceTrace.Counts> seen = device.phases();
        for (int i = 0; i < halPhases.size(); i++) {
            Map<String, String> p = halPhases.get(i);
            DeviceTrace.Counts d = i < seen.size() ? seen.get(i) : new DeviceTrace.Counts(-1, -1, -1);
            r.phases.add(new Phase(p.get("phase"), Long.parseLong(p.get("reads")), Long.parseLong(p.get("writes")), d.reads(),
                    d.writes()));
            String problem = p.get("problem");
            if (!"null".equals(problem)) {
                r.checks.add(new Check("values read in " + p.get("phase"), false, problem));
            }
        }
        // Never torn: every access of a 64-bit phase reached the device as one 8-byte access (a torn one would be two of 4).
        long wideExpected = 0;
        long wideSeen = 0;
        for (int i = 0; i < halPhases.size() && i < seen.size(); i++) {
            if (halPhases.get(i).get("phase").endsWith("/64-bit")) {
                wideExpected += seen.get(i).reads() + seen.get(i).writes();
                wideSeen += seen.get(i).wide();
            }
        }
        r.checks.add(new Check("every access of the 64-bit phases reached the device as one 8-byte access",
                wideExpected > 0 && wideSeen == wideExpected, wideSeen + " of " + wideExpected + " accesses 8 bytes wide"));
        r.checks.add(new Check("the trace has as many phases as the guest ran", seen.size() == halPhases.size() && !seen.isEmpty(),
                "guest " + halPhases.size() + ", device " + seen.size() + " (" + device.eduAccesses() + " edu accesses in "
                        + device.lines() + " trace lines)"));
        for (Map<String, String> b : guest.records("butr")) {
            r.butr.add(new Butr(b.get("butr"), Long.parseLong(b.get("passed")), Long.parseLong(b.get("failed")),
                    Long.parseLong(b.get("skipped"))));
        }
        r.checks.add(new Check("register tests on the production platform ran and passed", r.butr("production").map(
                b -> b.passed() > 0 && b.failed() == 0).orElse(false), r.butr("production").map(Butr::toString).orElse("not run")));
        r.checks.add(new Check("register tests on the emulated edu ran and passed", r.butr("emulation").map(
                b -> b.passed() > 0 && b.failed() == 0).orElse(false), r.butr("emulation").map(Butr::toString).orElse("not run")));
        for (Map<String, String> c : guest.records("check")) {
            r.checks.add(new Check(c.get("check"), "true".equals(c.get("passed")), c.get("problem")));
        }
        r.checks.add(new Check("driver checks ran on the device and the emulated edu, and the device was removed",
                guest.records("check").size() == 14, guest.records("check").size() + " checks"));
        guest.records("gone").forEach(g -> r.notes.add("removal: " + g.get("gone")));
        List<String> refused = new ArrayList<>();
        for (String line : guest.lines()) {
            if (line.startsWith("HITL-GUEST refused ")) {
                refused.add(line.substring("HITL-GUEST refused ".length()).strip());
            }
        }
        refused.forEach(l -> r.notes.add("refused: " + l));
        r.checks.add(new Check("a BDF that does not exist is refused in one line", refused.stream().anyMatch(
                l -> l.contains("device " + GuestScript.MISSING_BDF + ": no such PCI device")), ""));
        r.checks.add(new Check("no permission on the resource file is refused in one line", refused.stream().anyMatch(
                l -> l.contains("/resource0: Permission denied")), ""));
        long uioEvents = guest.lines().stream().filter(l -> l.startsWith("HITL-GUEST uio-events "))
                .map(l -> l.substring("HITL-GUEST uio-events ".length()).replaceAll("\\D", "")).filter(n -> !n.isEmpty())
                .mapToLong(Long::parseLong).findFirst().orElse(0);
        r.checks.add(new Check("the device's interrupts were delivered through UIO (/dev/uio0)", uioEvents > 0,
                uioEvents + " interrupts"));
        r.checks.add(new Check("the platform waits on /dev/uio0", guest.records("platform").stream().allMatch(
                p -> p.get("platform").contains("interrupts through /dev/uio")) && !guest.records("platform").isEmpty(), ""));
        // The interpreted run names the device as its UIO device, the compiled run finds it by PCI id.
        List<String> platforms = guest.records("platform").stream().map(p -> p.get("platform")).toList();
        r.checks.add(new Check("the device named as " + GuestScript.UIO + " is mapped through its PCI function", platforms.stream()
                .anyMatch(p -> p.startsWith("PCI device " + GuestScript.UIO + " (0000:")), String.join("; ", platforms)));
        r.checks.add(new Check("the device is found by its PCI id when none is named", platforms.stream()
                .anyMatch(p -> p.matches("PCI device [0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7], .*")), String.join("; ", platforms)));
        r.checks.add(new Check("hal:hitl shows production next to emulation", guest.lines().stream().anyMatch(
                l -> l.startsWith("SUITE") && l.contains("EMULATION") && l.contains("PRODUCTION")), ""));
        r.checks.addAll(JitEvidence.checks(guest));
        r.bench.addAll(guest.records("bench"));
        r.checks.add(new Check("benchmark ran in all three runs (interpreted, compiled, untraced)", r.bench.size() == 3,
                r.bench.size() + " results"));
        for (String line : guest.lines()) {
            if (line.startsWith("HITL-GUEST exit ") && line.split(" ").length == 4 && !line.contains(GuestScript.REFUSALS)) {
                String[] w = line.strip().split(" ");
                r.checks.add(new Check("guest run " + w[2] + " exited 0", w[3].equals("0"), "exit " + w[3]));
            }
        }
        return r;
    }

    private java.util.Optional<Butr> butr(String platform) {
        return butr.stream().filter(b -> b.platform().equals(platform)).findFirst();
    }

    boolean ok() {
        return !phases.isEmpty() && phases.stream().allMatch(Phase::matches) && checks.stream().allMatch(Check::passed);
    }

    String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "QEMU edu HITL on %s (guest %.1f s)%n", jdk, guestSeconds));
        b.append(String.format(Locale.ROOT, "%-36s %10s %10s %10s %10s  %s%n", "PHASE", "HAL READS", "DEV READS", "HAL WRITES",
                "DEV WRITES", ""));
        for (Phase p : phases) {
            b.append(String.format(Locale.ROOT, "%-36s %10d %10d %10d %10d  %s%n", p.name(), p.halReads(), p.deviceReads(),
                    p.halWrites(), p.deviceWrites(), p.matches() ? "exact" : "MISMATCH"));
        }
        for (Butr t : butr) {
            b.append(String.format(Locale.ROOT, "BUTR %-12s passed %d, failed %d, skipped %d%n", t.platform(), t.passed(),
                    t.failed(), t.skipped()));
        }
        for (Map<String, String> m : bench) {
            b.append(String.format(Locale.ROOT, "bench (%s run, %s, best of %s): HAL %s writes/s, raw %s writes/s (%s, median of rounds %s);"
                    + " HAL %s reads/s, raw %s reads/s (%s, median of rounds %s)%n", m.get("run"), m.get("access"), m.get("rounds"),
                    m.get("halWritesPerSecond"), m.get("rawWritesPerSecond"), m.get("writesHalOverRaw"), m.get("writesHalOverRawMedian"),
                    m.get("halReadsPerSecond"), m.get("rawReadsPerSecond"), m.get("readsHalOverRaw"), m.get("readsHalOverRawMedian")));
        }
        notes.forEach(n -> b.append(n).append('\n'));
        for (Check c : checks) {
            b.append(c.passed() ? "  ok    " : "  FAIL  ").append(c.name())
                    .append(c.passed() || c.detail() == null || c.detail().isEmpty() ? "" : ": " + c.detail()).append('\n');
        }
        b.append(ok() ? "HITL passed: every count exact, every check passed\n" : "HITL FAILED\n");
        return b.toString();
    }

    String json() {
        List<String> ps = new ArrayList<>();
        for (Phase p : phases) {
            ps.add(String.format(Locale.ROOT, "{\"name\": %s, \"hal\": {\"reads\": %d, \"writes\": %d}, \"device\": {\"reads\": %d, \"writes\": %d}}",
                    quote(p.name()), p.halReads(), p.halWrites(), p.deviceReads(), p.deviceWrites()));
        }
        Butr production = butr("production").orElse(new Butr("production", 0, 0, 0));
        List<String> cs = new ArrayList<>();
        for (Check c : checks) {
            cs.add("{\"name\": " + quote(c.name()) + ", \"passed\": " + c.passed() + "}");
        }
        List<String> bs = new ArrayList<>();
        for (Map<String, String> m : bench) {
            bs.add(String.format(Locale.ROOT, "{\"run\": %s, \"access\": %s, \"halWritesPerSecond\": %s, \"rawWritesPerSecond\": %s, \"halReadsPerSecond\": %s,"
                    + " \"rawReadsPerSecond\": %s, \"writesHalOverRawMedian\": %s, \"readsHalOverRawMedian\": %s}",
                    quote(m.get("run")), quote(m.get("access")), m.get("halWritesPerSecond"), m.get("rawWritesPerSecond"),
                    m.get("halReadsPerSecond"), m.get("rawReadsPerSecond"), m.get("writesHalOverRawMedian"), m.get("readsHalOverRawMedian")));
        }
        return String.format(Locale.ROOT, "{\"phases\": [%s], \"butr\": {\"passed\": %d, \"failed\": %d, \"skipped\": %d}, "
                + "\"checks\": [%s], \"bench\": [%s], \"jdk\": %s, \"guestSeconds\": %.1f, \"ok\": %b}",
                String.join(", ", ps), production.passed(), production.failed(), production.skipped(), String.join(", ", cs),
                String.join(", ", bs), quote(jdk), guestSeconds, ok());
    }

    private static String quote(String s) {
        return "\"" + (s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }
}
