package io.halcyon.platform.verification;

import java.io.IOException;
import java.nio.file.Path;

/** The module's own simulator sources (target/classes: generated rtl/ and hand-written sim/) and test cache. */
final class Simulators {

    static final Path CLASSES = Path.of("target/classes");
    static final Path CACHE = Path.of(System.getProperty("halcyon.verification.cache", "target/simulators"));

    private Simulators() {
    }

    static SimulatorBuild.Built reference(String bus) throws IOException, InterruptedException {
        return of("reference_gen1", bus);
    }

    /** The simulator of a chip map (reference_gen2...), a cache entry of its own. */
    static SimulatorBuild.Built of(String chipMap, String bus) throws IOException, InterruptedException {
        return SimulatorBuild.of(SimulatorSources.of(CLASSES), chipMap, bus, CACHE);
    }

    /** The build with waveform support (Verilator's --trace), a cache entry of its own. */
    static SimulatorBuild.Built referenceWithWaves(String bus) throws IOException, InterruptedException {
        return SimulatorBuild.of(SimulatorSources.of(CLASSES), "reference_gen1", bus, CACHE, true);
    }
}
