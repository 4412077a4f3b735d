package io.halcyon.platform.verification;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.Test;

/** The simulator cache and what a build that fails reports. */
public class SimulatorBuildTest {

    @Test
    public void anUnchangedBuildIsTakenFromTheCacheInUnderASecond() throws Exception {
        SimulatorBuild.Built first = Simulators.reference("apb4");
        long start = System.nanoTime();
        SimulatorBuild.Built again = Simulators.reference("apb4");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(again.cached());
        assertEquals(first.executable(), again.executable());
        assertTrue("cached in " + millis + " ms", millis < 1000);
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
