package io.halcyon.platform.verification;

import static org.junit.Assert.assertArrayEquals;
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
import java.util.Arrays;
import org.junit.Test;

/**
 * The same chip behind its AXI4-Lite slave (the build's other bus): DECERR is a decode error, the rest as on
 * APB4; a batch of reads runs with the transfers overlapped, a read a cycle.
 */
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

    @Test
    public void batchedReadsOverlapAboutACycleEachAndStopAtTheFirstError() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/sim-run"));
        try (SimulatorProcess sim = SimulatorProcess.start(Simulators.reference("axi4-lite").executable(),
                dir.resolve("axi-batch-" + ProcessHandle.current().pid() + ".sock"), dir.resolve("axi-batch.log"))) {
            RegisterBus bus = sim.client().bus();
            bus.write32(0x0C, 0x1234_5678);
            assertArrayEquals(new int[] {0x484C4359, 0x1234_5678, 0x0A00, 0x1234_5678}, bus.read32(new long[] {0x0, 0x0C, 0x1_0000, 0x0C}));
            long[] many = new long[1000];
            Arrays.fill(many, 0x0C);
            long before = bus.deviceTimeNanos();
            int[] values = bus.read32(many);
            long cycles = bus.deviceTimeNanos() - before;
            assertTrue(Arrays.stream(values).allMatch(v -> v == 0x1234_5678));
            assertTrue("1000 overlapped reads in " + cycles + " cycles", cycles >= 1000 && cycles < 1010);
            DecodeErrorException e = assertThrows(DecodeErrorException.class, () -> bus.read32(new long[] {0x0C, 0xF_0000, 0x0C}));
            assertEquals(0xF_0000, e.address());
            assertEquals("the bus is idle again after the failed batch", 0x1234_5678, bus.read32(0x0C));
        }
    }
}
