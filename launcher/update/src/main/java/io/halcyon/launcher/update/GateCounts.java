package io.halcyon.launcher.update;

import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a health gate checked of a new block version, beside the running one, before it could serve.
 *
 * @param registerChecks non-destructive register checks that passed, run on the new version's own
 *     register description
 * @param registerChecksSkipped checks the description or the non-destructive mode left out (reported, not run)
 * @param registerEngine what ran the register checks: {@code register tests} (the BUTR engine) or
 *     {@code constant registers} (the gate's own reads of constant fields); empty when none ran
 * @param viewsEqual configured views ({@code @View(CONFIGURED)}) that answered the same through the new
 *     driver as through the running one
 * @param countersInRange counting views whose answer through the new driver lay between two answers of
 *     the running one
 * @param liveViewsRead live views the new driver answered without an error (read, not compared)
 * @param viewsUnsettled views whose answer through the running driver changed under the gate on every
 *     attempt, so that they could not be compared
 */
@ProviderType
public record GateCounts(int registerChecks, int registerChecksSkipped, String registerEngine, int viewsEqual, int countersInRange,
        int liveViewsRead, int viewsUnsettled) {

    /** Nothing checked: no gate ran (an API update, a refusal) or it found nothing. */
    public static final GateCounts NONE = new GateCounts(0, 0, "", 0, 0, 0, 0);

    /** Checks that could have failed: register checks run, views compared. Live views read prove little and do not count. */
    public int checked() {
        return registerChecks + viewsEqual + countersInRange;
    }

    /** One line, e.g. {@code 12 register checks passed (register tests, 30 skipped), 3 views equal, 1 counter in range, 2 live views read}. */
    public String summary() {
        if (equals(NONE)) {
            return "nothing checked";
        }
        return String.format(Locale.ROOT, "%d register checks passed (%s, %d skipped), %d views equal, %d counters in range, "
                + "%d live views read, %d unsettled", registerChecks, registerEngine.isEmpty() ? "none ran" : registerEngine,
                registerChecksSkipped, viewsEqual, countersInRange, liveViewsRead, viewsUnsettled);
    }
}
