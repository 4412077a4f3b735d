package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/** A jar written into the running host's hot-deploy directory, as an operator would, and the manager's record of it. */
final class HotDeploy {

    private HotDeploy() {
    }

    /**
     * Writes {@code jar} into the hot-deploy directory (whole: written beside, then moved) and waits
     * until the manager says it has decided about it, which it tells through a property of its service;
     * returns the record FileInstall's call made.
     */
    static UpdateRecord write(BundleContext context, Path jar, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of(context.getProperty("felix.fileinstall.dir")));
        Path target = dir.resolve(name);
        Files.copy(jar, dir.resolve(name + ".part"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(dir.resolve(name + ".part"), target, StandardCopyOption.ATOMIC_MOVE);
        String decided = target.toFile().getAbsolutePath() + "@" + target.toFile().lastModified();
        CountDownLatch seen = new CountDownLatch(1);
        ServiceTracker<UpdateManager, UpdateManager> manager = new ServiceTracker<>(context, UpdateManager.class, null) {
            @Override
            public UpdateManager addingService(ServiceReference<UpdateManager> ref) {
                check(ref);
                return super.addingService(ref);
            }

            @Override
            public void modifiedService(ServiceReference<UpdateManager> ref, UpdateManager service) {
                check(ref);
            }

            private void check(ServiceReference<UpdateManager> ref) {
                if (ref.getProperty("halcyon.update.hotdeploy.decided") instanceof String[] jars && Arrays.asList(jars).contains(decided)) {
                    seen.countDown();
                }
            }
        };
        manager.open();
        try {
            assertTrue("the manager decided about " + name + " within " + HalcyonTestSupport.SERVICE_TIMEOUT, seen.await(HalcyonTestSupport.SERVICE_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            List<UpdateRecord> history = manager.getService().history();
            UpdateRecord last = history.get(history.size() - 1);
            assertEquals("hot-deploy " + name, last.who());
            return last;
        } finally {
            manager.close();
            Files.deleteIfExists(target);
        }
    }
}
