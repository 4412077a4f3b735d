package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AssemblyTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void readsTheExportedBundlesFolderAndProperties() throws Exception {
        Path home = tmp.getRoot().toPath();
        Files.createDirectories(home.resolve("export/emulation"));
        Files.writeString(home.resolve("export/emulation.properties"), "# written by the build\nfelix.fileinstall.poll=500\na\\ b=c\\\\d\n");
        Assembly a = Assembly.load(home, "emulation");
        assertEquals(home.resolve("export/emulation"), a.bundles());
        assertEquals(Map.of("felix.fileinstall.poll", "500", "a b", "c\\d"), a.properties());
    }

    @Test
    public void aMissingAssemblyIsNamedWithWhatToDo() throws Exception {
        Path home = tmp.getRoot().toPath();
        Files.createDirectories(home.resolve("export/emulation"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Assembly.load(home, "emulation"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("no assembly 'emulation' in " + home.resolve("export") + ": build the host first"));
        assertThrows(IllegalStateException.class, () -> Assembly.load(home, "soak"));
    }
}
