package io.halcyon.rdl.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a bundle's version follows the changes of its register contract since the baseline: a
 * breaking change (a register removed or moved, a field removed, narrowed or moved, an access changed)
 * needs the next major version, an addition (a register or field) the next minor one, as semantic
 * versioning asks of an API package.
 *
 * @param changes every difference since the baseline, breaking ones first
 * @param suggested the lowest version that follows them
 * @param problem empty when {@code version} follows; else one line saying what is needed
 */
public record ContractCheck(List<RegisterContract.Change> changes, String suggested, String problem) {

    public static ContractCheck of(RegisterContract base, RegisterContract now, String version) {
        List<RegisterContract.Change> changes = now.changesSince(base);
        int[] b = numbers(base.version());
        boolean major = changes.stream().anyMatch(RegisterContract.Change::major);
        int[] need = major ? new int[] {b[0] + 1, 0, 0} : !changes.isEmpty() ? new int[] {b[0], b[1] + 1, 0} : b;
        String suggested = need[0] + "." + need[1] + "." + need[2];
        int[] v = numbers(version);
        boolean follows = major ? v[0] >= need[0] : v[0] > need[0] || v[0] == need[0] && v[1] >= need[1];
        String problem = follows ? "" : "version " + version + " does not follow the register contract's "
                + (major ? "breaking" : "compatible") + " changes since " + base.version() + ": it needs at least " + suggested;
        return new ContractCheck(List.copyOf(changes), suggested, problem);
    }

    public boolean follows() {
        return problem.isEmpty();
    }

    /** The report: one line per change with its class, then the verdict. */
    public List<String> lines(String block) {
        List<String> lines = new ArrayList<>();
        for (RegisterContract.Change c : changes) {
            lines.add(block + " register contract: " + c);
        }
        if (!changes.isEmpty()) {
            lines.add(block + " register contract: suggested version " + suggested + (follows() ? " (followed)" : ""));
        }
        return lines;
    }

    /** Major, minor, micro of {@code 1.2.3}, {@code 1.2.3-SNAPSHOT} or {@code 1.2.3.SNAPSHOT}. */
    static int[] numbers(String version) {
        String[] parts = version.split("[.-]");
        int[] n = new int[3];
        for (int i = 0; i < 3 && i < parts.length; i++) {
            try {
                n[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                break; // a qualifier
            }
        }
        return n;
    }
}
