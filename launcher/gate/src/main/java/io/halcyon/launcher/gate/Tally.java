package io.halcyon.launcher.gate;

import io.halcyon.launcher.update.GateCounts;

/** What one gate run has checked so far; a failure reports it too. */
final class Tally {

    int registerChecks;
    int registerChecksSkipped;
    String registerEngine = "";
    int viewsEqual;
    int countersInRange;
    int liveViewsRead;
    int viewsUnsettled;

    /** Records which engine ran register checks; two blocks' engines are listed once each. */
    void engine(String name) {
        if (registerEngine.isEmpty()) {
            registerEngine = name;
        } else if (!registerEngine.contains(name)) {
            registerEngine += ", " + name;
        }
    }

    GateCounts counts() {
        return new GateCounts(registerChecks, registerChecksSkipped, registerEngine, viewsEqual, countersInRange, liveViewsRead,
                viewsUnsettled);
    }
}
