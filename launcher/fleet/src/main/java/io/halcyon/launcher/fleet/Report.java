package io.halcyon.launcher.fleet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.halcyon.launcher.fleet.agent.Json;

/**
 * What a rollout did to the fleet, from hawkBit and from the hosts: per group how many succeeded and
 * failed and how the group ended; how many hosts run the new version, how many are back on the
 * previous one, how many were never touched (their group never started: no action begun, nothing in
 * their update history); the workload calls that failed on the hosts; and whether hawkBit's action
 * history and every host's update history agree ({@link Histories}).
 */
record Report(int hosts, List<Rollouts.Group> groups, int updated, int rolledBack, int untouched, long failedWorkloadCalls,
        boolean historiesAgree, String rolloutState, Map<String, List<String>> failures, List<String> problems) {

    static Report of(LocalFleet fleet, Rollouts.Outcome o) throws IOException {
        Mgmt mgmt = fleet.mgmt();
        int updated = 0;
        int untouched = 0;
        long failedCalls = 0;
        Rollouts r = new Rollouts(mgmt, System.err, false);
        // The rollout's hosts: the fleet may hold others (a host that never reached hawkBit is in no group).
        Set<String> inRollout = new HashSet<>();
        o.groups().forEach(g -> inRollout.addAll(g.hosts()));
        List<LocalFleet.Host> hosts = fleet.hosts().stream().filter(h -> inRollout.contains(h.id())).toList();
        for (LocalFleet.Host h : hosts) {
            Mgmt.Action a = r.actionFor(h.id(), o.distributionSet());
            if (a != null && a.succeeded()) {
                updated++;
            } else if (a != null && !a.closed() && !Histories.touched(h, a.id())) {
                untouched++;
            }
            failedCalls += LocalFleet.workload(h).failed();
        }
        List<String> problems = new ArrayList<>(o.rollbackProblems());
        List<String> disagreements = Histories.disagreements(mgmt, hosts);
        problems.addAll(disagreements);
        return new Report(hosts.size(), o.groups(), updated, o.rolledBack().size(), untouched, failedCalls, disagreements.isEmpty(),
                o.state(), o.failed(), problems);
    }

    /** The one JSON object of {@code --json}. */
    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hosts", hosts);
        m.put("groups", groups.stream().map(Rollouts.Group::json).toList());
        m.put("updated", updated);
        m.put("rolledBack", rolledBack);
        m.put("untouched", untouched);
        m.put("failedWorkloadCalls", failedWorkloadCalls);
        m.put("historiesAgree", historiesAgree);
        return Json.write(m);
    }

    String text() {
        StringBuilder s = new StringBuilder();
        s.append("rollout ").append(rolloutState).append(": ").append(updated).append(" of ").append(hosts).append(" hosts updated, ")
                .append(rolledBack).append(" rolled back to the previous version, ").append(untouched).append(" untouched\n");
        for (Rollouts.Group g : groups) {
            s.append(String.format("  %-8s %2d hosts  %2d succeeded  %2d failed  %s%n", g.name(), g.hosts().size(), g.succeeded(), g.failed(), g.state()));
        }
        failures.forEach((host, messages) -> s.append("  ").append(host).append(" failed: ")
                .append(messages.stream().filter(m -> m.startsWith("failed:") || m.startsWith("nothing applied")).findFirst()
                        .orElse(messages.isEmpty() ? "(no message)" : messages.get(0))).append('\n'));
        s.append("workload calls failed on the hosts: ").append(failedWorkloadCalls).append('\n');
        s.append("hawkBit's action history and the hosts' update histories ").append(historiesAgree ? "agree" : "disagree").append('\n');
        problems.forEach(p -> s.append("  ").append(p).append('\n'));
        return s.toString().stripTrailing();
    }
}
