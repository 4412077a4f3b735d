package io.halcyon.launcher.update.internal;

import java.util.List;

/**
 * What an update request becomes, decided before anything on the host changes. The rules, in the
 * order they apply:
 * <ol>
 * <li>a jar of another symbolic name is refused;
 * <li>the jar already running is nothing to do;
 * <li>a bundle that exports packages (now or in the new jar) is an API bundle: refused if a package
 * someone imports would change incompatibly ({@link ApiCompatibility}), or if its dependents include
 * the update manager (which would restart in the middle of its own operation and lose its state);
 * else updated in place with its dependents ({@link ApiUpdate});
 * <li>a platform bundle (it registers the chip's register bus) is refused: replacing it would rebind
 * every driver at once and, for the in-process emulation, replace the chip itself;
 * <li>a block bundle with dependents is refused (swapping it beside the running version would leave
 * them wired to the old one);
 * <li>anything else is a block bundle, swapped live ({@link BlockSwap}).
 * </ol>
 *
 * @param kind what to do
 * @param reason why, for the record of a refused or unchanged request; empty otherwise
 */
record UpdatePlan(Kind kind, String reason) {

    enum Kind { REFUSE, NOTHING_TO_DO, UPDATE_API, SWAP_BLOCK }

    static final String RESTARTS_MANAGER = "the update manager itself depends on it: refreshing it would restart the manager in "
            + "the middle of its own operation; update it with the host stopped";

    static final String PLATFORM_REFUSAL = "a platform bundle provides the chip's register bus: replacing it rebinds every "
            + "driver at once and, for the in-process emulation, replaces the emulated chip itself; update it only with the chip quiescent "
            + "(stop the workload, then update and restart the host)";

    /**
     * What the rules look at, read from the framework by the caller.
     *
     * @param symbolicName the running bundle's symbolic name
     * @param running the jar it runs
     * @param next the jar requested
     * @param providesRegisterBus whether it registers a register bus (a platform bundle)
     * @param dependencyClosure symbolic names of the bundles a refresh of it would reach, itself included
     * @param apiProblems one line per package an importer uses that {@code next} would break
     * @param restartsManager the dependency closure holds the update manager's own bundle
     */
    record Facts(String symbolicName, JarImage running, JarImage next, boolean providesRegisterBus, List<String> dependencyClosure,
            List<String> apiProblems, boolean restartsManager) {}

    static UpdatePlan decide(Facts facts) {
        JarImage next = facts.next();
        if (!next.symbolicName().equals(facts.symbolicName())) {
            return new UpdatePlan(Kind.REFUSE, "the jar is " + next.symbolicName() + ", not " + facts.symbolicName());
        }
        if (facts.running().sha256().equals(next.sha256())) {
            return new UpdatePlan(Kind.NOTHING_TO_DO, "the same jar already runs");
        }
        if (!next.exports().isEmpty() || !facts.running().exports().isEmpty()) {
            if (!facts.apiProblems().isEmpty()) {
                return new UpdatePlan(Kind.REFUSE, "incompatible API change for its " + (facts.dependencyClosure().size() - 1)
                        + " dependent bundle(s): " + String.join("; ", facts.apiProblems()));
            }
            if (facts.restartsManager()) {
                return new UpdatePlan(Kind.REFUSE, RESTARTS_MANAGER);
            }
            return new UpdatePlan(Kind.UPDATE_API, "");
        }
        if (facts.providesRegisterBus()) {
            return new UpdatePlan(Kind.REFUSE, PLATFORM_REFUSAL);
        }
        if (facts.dependencyClosure().size() != 1) {
            return new UpdatePlan(Kind.REFUSE, "a block bundle must have no dependents, but replacing it would also refresh "
                    + facts.dependencyClosure());
        }
        return new UpdatePlan(Kind.SWAP_BLOCK, "");
    }
}
