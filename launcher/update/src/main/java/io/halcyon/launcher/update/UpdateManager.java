package io.halcyon.launcher.update;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Replaces bundles on a running host. A block bundle is swapped behind its stable services: the new
 * version is installed as a bundle of its own beside the running one, started, its drivers awaited
 * and put through a health gate ({@link UpdateGate}) that neither writes nor reads registers with read
 * side effects, all while the running version serves. Only then are the block's callers held: new
 * calls wait, the calls in flight return (within a bound, else nothing changes), the stable services
 * point at the new drivers and the callers go on; the replaced version is uninstalled after that. A
 * new version that fails before the switch is uninstalled, and the running one never stopped. An API
 * bundle is updated only when the semantic versions of what its importers use stay compatible: its
 * dependents are stopped users first (each finishing its work in flight), the bundle is updated and
 * refreshed, and they are started again; a refresh that fails puts the previous bytes back. A platform
 * bundle is refused. Every request ends as one {@link UpdateRecord}, written to the host's state
 * directory as it ends, so the history outlives the host process.
 */
@ProviderType
public interface UpdateManager {

    /**
     * Updates a bundle from a jar.
     *
     * @param target a block name ({@code dma}), a bundle symbolic name or a bundle id
     * @param source a jar path, or Maven coordinates {@code groupId:artifactId:version} resolved from
     *     the local repository ({@code -Dmaven.repo.local}, else {@code ~/.m2/repository})
     * @param who who asks, for the history (e.g. {@code shell alice}, {@code hot-deploy dma.jar})
     * @return what happened; a refused or rolled-back update is a record too, not an exception
     * @throws IllegalArgumentException if the target names no bundle or the source is no readable jar
     */
    UpdateRecord update(String target, String source, String who);

    /** {@link #update(String, String, String)} from a jar file. */
    UpdateRecord update(String target, Path jar, String who);

    /**
     * {@link #update(String, String, String)} with the operator's word on a new block version the
     * health gate may find nothing to check of ({@link GatePolicy#UNCHECKED}, recorded as such).
     *
     * @since 1.1
     */
    UpdateRecord update(String target, String source, String who, GatePolicy policy);

    /**
     * Puts back the version the bundle ran before its last successful update, the way
     * {@link #update(String, String, String)} puts in a new one (for a block: staged beside the
     * running version, health gate, switch).
     *
     * @throws IllegalArgumentException if the target names no bundle
     * @throws IllegalStateException if this host never updated it (there is nothing to go back to)
     */
    UpdateRecord rollback(String target, String who);

    /**
     * Every update requested on this host, oldest first: this process's and those of earlier processes
     * that kept their state in the same state directory (framework property {@code halcyon.update.state}).
     */
    List<UpdateRecord> history();
}
