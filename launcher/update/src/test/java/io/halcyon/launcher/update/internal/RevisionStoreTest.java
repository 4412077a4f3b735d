package io.halcyon.launcher.update.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;

/** The jars a bundle ran survive the process: a new store over the same folder knows the previous version's bytes. */
public class RevisionStoreTest {

    private static final String BSN = "io.halcyon.block.test";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeFramework framework;
    private Bundle installed;
    private Path revisions;

    @Before
    public void aBundleInstalledFromItsJar() throws Exception {
        framework = new FakeFramework(folder.newFolder("data").toPath());
        Path jar = folder.getRoot().toPath().resolve("test-1.0.0.jar");
        Files.write(jar, FakeFramework.jar(BSN, "1.0.0").bytes());
        installed = framework.context().installBundle(jar.toUri().toString());
        revisions = folder.getRoot().toPath().resolve("revisions");
    }

    @Test
    public void theRunningAndThePreviousJarOutliveTheStore() {
        RevisionStore store = new RevisionStore(revisions);
        assertEquals("1.0.0", store.running(installed).version().toString());
        JarImage next = FakeFramework.jar(BSN, "1.0.1");
        store.ran(installed, next);

        RevisionStore afterRestart = new RevisionStore(revisions);
        assertEquals(Set.of(BSN), afterRestart.recorded());
        assertEquals(next.sha256(), afterRestart.running(installed).sha256());
        assertEquals("1.0.0", afterRestart.previous(installed).version().toString());
        afterRestart.wentBack(installed);
        assertNull("back at the first version, nothing before it", new RevisionStore(revisions).previous(installed));
    }

    @Test
    public void onlyTheNewestRevisionsAreKept() throws Exception {
        RevisionStore store = new RevisionStore(revisions);
        for (int i = 1; i <= RevisionStore.KEPT + 3; i++) {
            store.ran(installed, FakeFramework.jar(BSN, "1.0." + i));
        }
        try (var jars = Files.list(revisions.resolve(BSN))) {
            assertEquals(RevisionStore.KEPT, jars.filter(p -> p.toString().endsWith(".jar")).count());
        }
        assertEquals("1.0." + (RevisionStore.KEPT + 2), new RevisionStore(revisions).previous(installed).version().toString());
    }
}
