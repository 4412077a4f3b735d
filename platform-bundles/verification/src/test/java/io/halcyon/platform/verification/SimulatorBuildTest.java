package io.halcyon.platform.verification;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.Test;

/** The simulator cache and what a build that fails reports. */
public class SimulatorBuildTest {

    /**
     * An unchanged build is the cached simulator, untouched: the same file, not rebuilt. How fast that is
     * (tens of ms) is measured by benchmarks/verification, not asserted here: a timed assertion only
     * measures how loaded the machine is.
     */
    @Test
    public void anUnchangedBuildIsTakenFromTheCache() throws Exception {
        SimulatorBuild.Built first = Simulators.reference("apb4");
        FileTime built = Files.getLastModifiedTime(first.executable());
        SimulatorBuild.Built again = Simulators.reference("apb4");
        assertTrue(again.cached());
        assertEquals(first.executable(), again.executable());
        assertEquals("the cached simulator was not rebuilt", built, Files.getLastModifiedTime(again.executable()));
    }

    /** Generation 1 and 2 are two simulators, built from their own RTL and cached side by side. */
    @Test
    public void eachChipMapIsACacheEntryOfItsOwn() throws Exception {
        SimulatorBuild.Built gen1 = Simulators.reference("apb4");
        SimulatorBuild.Built gen2 = Simulators.of("reference_gen2", "apb4");
        assertNotEquals(gen1.executable(), gen2.executable());
        assertTrue(Files.isExecutable(gen1.executable()) && Files.isExecutable(gen2.executable()));
        assertTrue("still cached after the other generation's build", Simulators.reference("apb4").cached());
    }

    @Test
    public void rtlThatDoesNotBuildIsReportedWithVerilatorsErrorLinesNamingFileAndLine() throws Exception {
        Path broken = Files.createDirectories(Path.of("target/broken-sources-" + ProcessHandle.current().pid()));
        for (String folder : new String[] {"rtl", "sim"}) {
            Path to = Files.createDirectories(broken.resolve(folder));
            try (Stream<Path> files = Files.list(Simulators.CLASSES.resolve(folder))) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path module = broken.resolve("rtl/halcyon_sysctrl_regs.sv");
        Files.writeString(module, Files.readString(module).replaceFirst("endmodule", "wire oops = ;\nendmodule"), StandardCharsets.UTF_8);
        SimulatorBuildException e = assertThrows(SimulatorBuildException.class,
                () -> SimulatorBuild.of(SimulatorSources.of(broken), "reference_gen1", "apb4", broken.resolve("cache")));
        assertTrue(e.getMessage(), e.getMessage().contains("%Error: halcyon_sysctrl_regs.sv:"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("simulator build of reference_gen1 (apb4) failed:"));
        SimulatorBuild.deleteTree(broken);
    }

    @Test
    public void aChipMapWithoutRtlIsNamed() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatorBuild.of(SimulatorSources.of(Simulators.CLASSES), "no_such_chip", "apb4", Simulators.CACHE));
        assertTrue(e.getMessage(), e.getMessage().contains("no RTL for chip map no_such_chip"));
    }
}
