package io.halcyon.launcher.update;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Replaces bundles on a running host. A block bundle is swapped behind its stable services:
 * quiesce the block (new calls wait, calls in flight finish within a bound), update the bundle and
 * refresh only it, wait for the new driver, run a health gate that neither writes nor reads
 * registers with read side effects, resume; on any failure the previous bytes go back in and the
 * block keeps serving. An API bundle update is checked against the semantic versions of what its
 * importers use and refused when incompatible. Every request ends as one {@link UpdateRecord}.
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
     * Puts back the version the block ran before its last successful update, through the same
     * quiesce / swap / health gate path.
     *
     * @throws IllegalArgumentException if the target names no bundle
     * @throws IllegalStateException if this host never updated it (there is nothing to go back to)
     */
    UpdateRecord rollback(String target, String who);

    /** Every update requested on this host since it started, oldest first. */
    List<UpdateRecord> history();
}
