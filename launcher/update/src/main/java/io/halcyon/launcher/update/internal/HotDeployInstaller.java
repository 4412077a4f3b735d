package io.halcyon.launcher.update.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

import io.halcyon.launcher.update.UpdateManager;

/**
 * Routes the jars written into the hot-deploy directory that update a bundle the manager judges
 * through the update manager, so that the same rules apply whichever way a jar arrives: a block
 * bundle's new version is swapped (staged, gated), an API bundle's is checked for compatibility and
 * refused or applied with its dependents. FileInstall asks every installer whether it handles a file
 * before treating it as a plain bundle; for such a jar this installer answers yes, and FileInstall
 * never updates (or installs a second copy of) that bundle behind the manager's back. Other jars (new
 * bundles, consumers, tools) stay FileInstall's.
 */
final class HotDeployInstaller implements ArtifactInstaller {

    private final BundleContext context;
    private final UpdateManager manager;
    private final Consumer<File> decided;
    private final Consumer<String> log;

    /** @param decided told of each jar once the manager has decided about it (whatever the outcome) */
    HotDeployInstaller(BundleContext context, UpdateManager manager, Consumer<File> decided, Consumer<String> log) {
        this.context = context;
        this.manager = manager;
        this.decided = decided;
        this.log = log;
    }

    @Override
    public boolean canHandle(File artifact) {
        String bsn = symbolicName(artifact);
        return bsn != null && managedBundle(bsn) != null;
    }

    @Override
    public void install(File artifact) {
        update(artifact);
    }

    @Override
    public void update(File artifact) {
        try {
            String bsn = symbolicName(artifact);
            if (bsn == null) {
                log.accept("hot deploy: " + artifact.getName() + " is no bundle jar (any more); ignored");
                return;
            }
            log.accept(manager.update(bsn, artifact.toPath(), "hot-deploy " + artifact.getName()).summary());
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.accept("hot deploy of " + artifact.getName() + ": " + e.getMessage());
        } finally {
            decided.accept(artifact);
        }
    }

    @Override
    public void uninstall(File artifact) {
        log.accept("hot deploy: " + artifact.getName() + " removed; the running version stays (hal:rollback goes back one version)");
    }

    private static String symbolicName(File artifact) {
        if (!artifact.getName().endsWith(".jar")) {
            return null;
        }
        try {
            return JarImage.of(Files.readAllBytes(artifact.toPath()), artifact.toString()).symbolicName();
        } catch (IOException | IllegalArgumentException e) {
            return null; // half-written or not a bundle: FileInstall retries and reports it
        }
    }

    /**
     * The installed bundle of this symbolic name whose updates the manager decides: a block bundle (one
     * that exports nothing and is named or serves as a block) or an API bundle (one that exports
     * packages). Judged from the bundle, not only its services, because at startup FileInstall may scan
     * before Declarative Services has registered any driver.
     */
    private Bundle managedBundle(String symbolicName) {
        for (Bundle b : Targets.newestFirst(context)) {
            if (!symbolicName.equals(b.getSymbolicName())) {
                continue;
            }
            String exports = b.getHeaders().get(Constants.EXPORT_PACKAGE);
            boolean api = exports != null && !exports.isBlank();
            boolean block = symbolicName.startsWith("io.halcyon.block.") || !Targets.blocksOf(context, b).isEmpty();
            if (api || block) {
                return b;
            }
        }
        return null;
    }
}
