package io.halcyon.launcher.update.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.halcyon.launcher.update.UpdateManager;

/**
 * Routes block bundles written into the hot-deploy directory through the update manager. FileInstall
 * asks every installer whether it handles a file before treating it as a plain bundle, so for a
 * jar of a block bundle already running on the host this installer answers yes and FileInstall never
 * updates that bundle behind the manager's back. Other jars (new bundles, consumers, tools) stay
 * FileInstall's.
 */
final class HotDeployInstaller implements ArtifactInstaller {

    private final BundleContext context;
    private final UpdateManager manager;
    private final Consumer<String> log;

    HotDeployInstaller(BundleContext context, UpdateManager manager, Consumer<String> log) {
        this.context = context;
        this.manager = manager;
        this.log = log;
    }

    @Override
    public boolean canHandle(File artifact) {
        String bsn = symbolicName(artifact);
        return bsn != null && runningBlockBundle(bsn) != null;
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
     * A block bundle installed on this host with this symbolic name: one that exports nothing and
     * is named or serves as a block. Judged from the bundle, not only its services, because at
     * startup FileInstall may scan before Declarative Services has registered any driver.
     */
    private Bundle runningBlockBundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            String exports = b.getHeaders().get(org.osgi.framework.Constants.EXPORT_PACKAGE);
            boolean exportsNothing = exports == null || exports.isBlank();
            boolean block = symbolicName.startsWith("io.halcyon.block.") || !Targets.blocksOf(context, b).isEmpty();
            if (symbolicName.equals(b.getSymbolicName()) && exportsNothing && block) {
                return b;
            }
        }
        return null;
    }
}
