package io.halcyon.launcher.update.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.hooks.bundle.CollisionHook;

/**
 * Installs a new version of a block bundle beside the running one, so that it can resolve, activate
 * and pass the health gate while the old version still serves, and retires whichever of the two
 * loses. The jar is kept as a file under the manager's data area and installed from that location:
 * the bundle's location stays a URL that yields the bytes it runs (tools and tests read it), and the
 * file goes when its bundle goes.
 *
 * <p>Two revisions of one symbolic name may be installed together when their versions differ; the
 * collision hook also lets the manager stage a jar with the running version's number (a rebuilt
 * snapshot), for the moment the two overlap. Other installers keep the framework's usual rule.
 */
final class StagedBundles implements CollisionHook {

    private final BundleContext context;
    private final Path dir;
    private final Consumer<String> log;
    private final AtomicLong sequence = new AtomicLong();

    StagedBundles(BundleContext context, Consumer<String> log) throws IOException {
        this.context = context;
        this.log = log;
        java.io.File data = context.getDataFile("staged");
        this.dir = data != null ? data.toPath() : Files.createTempDirectory("halcyon-staged-");
        Files.createDirectories(dir);
    }

    /** Installs {@code image} as a bundle of its own (not started). */
    Bundle install(JarImage image) throws BundleException, UpdateFailure {
        Path jar = dir.resolve(image.symbolicName() + "-" + image.version() + "-" + sequence.incrementAndGet() + ".jar");
        try {
            Files.write(jar, image.bytes());
        } catch (IOException e) {
            throw new UpdateFailure("cannot stage " + image.symbolicName() + " " + image.version() + " in " + dir + ": " + e.getMessage());
        }
        try {
            return context.installBundle(jar.toUri().toString());
        } catch (BundleException | RuntimeException e) {
            deleteQuietly(jar);
            throw e;
        }
    }

    /**
     * Uninstalls {@code bundle} (a staged version that failed, or the version that was replaced) and
     * drops its staged file. A bundle that does not uninstall is logged, not thrown: by then the
     * update's outcome is decided, and the leftover revision serves no consumer.
     *
     * @param role what the bundle was to the update, for the log ({@code discarded}, {@code replaced})
     */
    void retire(Bundle bundle, String role) {
        try {
            String location = bundle.getLocation();
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
            if (location.startsWith("file:")) {
                Path file = Path.of(java.net.URI.create(location));
                if (file.startsWith(dir)) {
                    deleteQuietly(file);
                }
            }
        } catch (BundleException | RuntimeException e) {
            log.accept("the " + role + " version " + bundle.getSymbolicName() + " " + bundle.getVersion() + " did not uninstall: "
                    + UpdateFailure.oneLine(e));
        }
    }

    @Override
    public void filterCollisions(int operationType, Bundle target, Collection<Bundle> collisionCandidates) {
        if (operationType == INSTALLING && target.equals(context.getBundle())) {
            collisionCandidates.clear();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover file in the data area; the next host start with a clean cache removes it
        }
    }
}
