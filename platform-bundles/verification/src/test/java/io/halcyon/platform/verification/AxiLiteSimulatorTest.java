package io.halcyon.platform.verification;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Test;

/** The same chip behind its AXI4-Lite slave (the build's other bus): DECERR is a decode error, the rest as on APB4. */
public class AxiLiteSimulatorTest {

    @Test
    public void theChipAnswersOverAxi4Lite() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/sim-run"));
        try (SimulatorProcess sim = SimulatorProcess.start(Simulators.reference("axi4-lite").executable(),
                dir.resolve("axi-" + ProcessHandle.current().pid() + ".sock"), dir.resolve("axi.log"))) {
            RegisterBus bus = sim.client().bus();
            assertEquals(0x484C4359, bus.read32(0x0));
            bus.write32(0x0C, 0x1234_5678);
            assertEquals(0x1234_5678, bus.read32(0x0C));
            bus.write64(0x6_0010, -2L);
            assertEquals(-2L, bus.read64(0x6_0010));
            assertThrows(DecodeErrorException.class, () -> bus.read32(0xF_0000));
            WaitResult r = bus.await(0x1_0004, 1, 1, Duration.ofNanos(1000));
            assertFalse(r.met());
            assertTrue(sim.client().simulatorInfo(), sim.client().simulatorInfo().contains("bus axi4-lite"));
        }
    }
}
