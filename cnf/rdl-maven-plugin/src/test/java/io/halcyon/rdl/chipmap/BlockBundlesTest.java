package io.halcyon.rdl.chipmap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.halcyon.rdl.generator.GeneratedCode;

/** Block types found in dependencies: packaged jars, and reactor modules not yet packaged (their classes directory). */
public class BlockBundlesTest {

    private static final String CAPABILITY = "halcyon.block;halcyon.block=ring;pid=\"test.block.ring\";rdl=\"OSGI-INF/rdl\"";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aJarDeclaringTheCapabilityIsABlockBundleWithItsDescriptionsExtracted() throws Exception {
        Path jar = jar("osgi.service;objectClass:List<String>=\"x.Y\"," + CAPABILITY, "OSGI-INF/rdl/ring.rdl", "addrmap ring {};");
        Path work = tmp.newFolder("work").toPath();
        List<BlockBundle> found = BlockBundles.read(jar, "test:block-ring", work);
        assertEquals(1, found.size());
        BlockBundle ring = found.get(0);
        assertEquals(List.of("ring", "test.block.ring", "test:block-ring"), List.of(ring.type(), ring.pid(), ring.artifact()));
        assertEquals("addrmap ring {};", Files.readString(ring.descriptions().resolve("ring.rdl")));
        assertTrue(ring.descriptions().startsWith(work));
    }

    @Test
    public void otherJarsAreNoBlockBundles() throws Exception {
        assertEquals(List.of(), BlockBundles.read(jar(null, "a.txt", "x"), "test:lib", tmp.newFolder().toPath()));
    }

    @Test
    public void aBlockBundleWithoutItsDescriptionsIsNamed() throws Exception {
        Path jar = jar(CAPABILITY, "other/ring.rdl", "addrmap ring {};");
        IOException e = assertThrows(IOException.class, () -> BlockBundles.read(jar, "test:block-ring", tmp.newFolder().toPath()));
        assertEquals("test:block-ring declares block type ring but carries no descriptions under OSGI-INF/rdl", e.getMessage());
    }

    @Test
    public void aModuleNotYetPackagedIsReadFromItsClassesAsBndWillPackageIt() throws Exception {
        Path src = tmp.newFolder("src").toPath().resolve("test/ring/RingBlock.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package test.ring;

                @org.osgi.annotation.bundle.Capability(namespace = "halcyon.block", name = "ring",
                        attribute = {"pid=test.block.ring", "rdl=OSGI-INF/rdl"})
                public class RingBlock {
                }
                """);
        Path classes = tmp.newFolder("classes").toPath();
        GeneratedCode.compile(List.of(src), classes);
        Files.createDirectories(classes.resolve("OSGI-INF/rdl"));
        Files.writeString(classes.resolve("OSGI-INF/rdl/ring.rdl"), "addrmap ring {};");
        List<BlockBundle> found = BlockBundles.read(classes, "test:block-ring", tmp.newFolder().toPath());
        assertEquals(List.of(new BlockBundle("ring", "test.block.ring", "test:block-ring", classes.resolve("OSGI-INF/rdl"))), found);
    }

    private Path jar(String provideCapability, String entry, String text) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (provideCapability != null) {
            m.getMainAttributes().putValue("Provide-Capability", provideCapability);
        }
        Path jar = tmp.newFile("b" + System.nanoTime() + ".jar").toPath();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(text.getBytes());
            out.closeEntry();
        }
        return jar;
    }
}
