package io.halcyon.platform.verification;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.bus.DeviceGoneException;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.SlaveErrorException;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.emulation.server.ClassPathChipMaps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * The reference chip's generated RTL in a real Verilator simulator, behind each of the build's buses (APB4,
 * AXI4-Lite), reached through the shared chip-server client as the platform reaches it. Addresses are
 * reference_gen1's.
 */
@RunWith(Parameterized.class)
public class SimulatorTest {

    @Parameters(name = "{0}")
    public static List<String> buses() {
        return List.of("apb4", "axi4-lite");
    }

    @Parameter
    public String busName;

    private static final long CHIP_ID = 0x0, SCRATCH = 0x0C, CORE_PLL_CTRL = 0x1_0000, CORE_PLL_STATUS = 0x1_0004;
    private static final long TENSOR_CMD_A = 0x6_0008, TENSOR_CYCLES = 0x6_0040, DMA_CH0_INT_STATUS = 0x4_0108;
    private static final long PENDING = 0x5_0000, OTP_SERIAL_LO = 0x8_0000, DMA_RING0 = 0x4_1000;
    private static final long SOFT_RESET = 0x10, RESET_STATUS = 0x14;

    private SimulatorProcess sim;
    private RegisterBus bus;

    @Before
    public void start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/sim-run"));
        sim = SimulatorProcess.start(Simulators.reference(busName).executable(),
                dir.resolve("test-" + busName + "-" + ProcessHandle.current().pid() + ".sock"), dir.resolve("sim-" + busName + ".log"));
        bus = sim.client().bus();
    }

    @After
    public void stop() {
        sim.close();
    }

    @Test
    public void registersHoldTheChipMapsValuesAndTakeWrites() {
        assertEquals("identity", 0x484C4359, bus.read32(CHIP_ID));
        assertEquals("this chip's fuses (a per-instance reset value)", 1, bus.read32(OTP_SERIAL_LO));
        bus.write32(SCRATCH, 0xCAFEF00D);
        assertEquals(0xCAFEF00D, bus.read32(SCRATCH));
        bus.write64(TENSOR_CMD_A, 0x1234_5678_9ABC_DEF0L);
        assertEquals(0x1234_5678_9ABC_DEF0L, bus.read64(TENSOR_CMD_A));
        assertArrayEquals(new int[] {0xCAFEF00D, 0x484C4359}, bus.read32(new long[] {SCRATCH, CHIP_ID}));
    }

    @Test
    public void writeOneToClearAndReadOnlyFieldsBehaveAsDescribed() {
        bus.write32(PENDING, 0x3F);
        assertEquals("nothing pending: writing 1 clears", 0, bus.read32(PENDING));
        bus.write32(CHIP_ID, 0);
        assertEquals("read-only", 0x484C4359, bus.read32(CHIP_ID));
    }

    @Test
    public void errorsNameTheAddress() {
        DecodeErrorException e = assertThrows(DecodeErrorException.class, () -> bus.read32(0xF_0000));
        assertEquals(0xF_0000, e.address());
        assertThrows(SlaveErrorException.class, () -> bus.read32(SCRATCH + 2));
        bus.post32(0xF_0000, 1);
        assertThrows("a posted write's error comes with the next blocking access", DecodeErrorException.class, bus::flush);
        bus.flush();
    }

    @Test
    public void aWaitRunsInTheSimulatorAndReportsCycles() {
        bus.write32(CORE_PLL_CTRL, 0x0A01);
        WaitResult locked = bus.await(CORE_PLL_STATUS, 1, 1, Duration.ofNanos(100_000));
        assertTrue(locked.met());
        assertTrue("the core PLL locks 20000 cycles after EN: " + locked.deviceNanos(), locked.deviceNanos() > 19_000 && locked.deviceNanos() < 21_000);
        WaitResult never = bus.await(SCRATCH, 1, 1, Duration.ofNanos(5_000));
        assertFalse(never.met());
        assertTrue("bound exceeded, in cycles: " + never.deviceNanos(), never.deviceNanos() >= 5_000);
    }

    @Test
    public void aSoftResetResetsEveryBlockAfterItsTimeAndCountsItself() {
        bus.write32(SCRATCH, 5);
        bus.write32(CORE_PLL_CTRL, 0x0A01);
        bus.write32(SOFT_RESET, 1);
        assertEquals("RESET_DONE drops at once", 0, bus.read32(RESET_STATUS) & 1);
        WaitResult done = bus.await(RESET_STATUS, 1, 1, Duration.ofNanos(10_000));
        assertTrue(done.met());
        assertTrue("2000 cycles: " + done.deviceNanos(), done.deviceNanos() >= 1_900 && done.deviceNanos() < 2_200);
        assertEquals("RESET_COUNT survives the reset it counts", 1, bus.read32(RESET_STATUS) >>> 8 & 0xFF);
        assertEquals("sysctrl reset", 0, bus.read32(SCRATCH));
        assertEquals("clkrst reset", 0x0A00, bus.read32(CORE_PLL_CTRL));
        assertEquals("SOFT_RESET is a single pulse", 0, bus.read32(SOFT_RESET));
    }

    /** Generation 1's engine lacks MATMUL_BF16 (its FEATURES bit reads 0): the model refuses it, as the emulation does. */
    @Test
    public void generationOnesTensorEngineRefusesTheBf16MultiplyAsABadOpcode() {
        ChipModel map = ClassPathChipMaps.named("reference_gen1");
        ChipRegisters chip = new ChipRegisters(map, bus);
        chip.write("clkrst", "CLOCK_EN", chip.allFields("clkrst", "CLOCK_EN"));
        chip.write("clkrst", "BLOCK_RESET", 0);
        assertEquals(0, chip.field("tensor", "FEATURES", "BF16_MATMUL"));
        long bf16 = map.requireBlock("tensor").type().requireRegister("CMD_OP").field("OPCODE").encoding().requireMember("MATMUL_BF16").value();
        chip.write("tensor", "CMD_OP", chip.value("tensor", "CMD_OP", "OPCODE", bf16));
        chip.write("tensor", "SUBMIT", chip.value("tensor", "SUBMIT", "GO", 1));
        chip.await("tensor", "INT_STATUS", "ERROR", 1);
        assertEquals(map.requireBlock("tensor").type().requireRegister("ERR_CODE").field("CODE").encoding().requireMember("BAD_OPCODE").value(),
                chip.field("tensor", "ERR_CODE", "CODE"));
        assertEquals("nothing completed", 0, chip.read("tensor", "DONE_COUNT"));
    }

    @Test
    public void aSixtyFourBitCounterIsReadWhole() {
        assertEquals(0, bus.read64(TENSOR_CYCLES));
        assertEquals(0, bus.read32(DMA_CH0_INT_STATUS));
    }

    @Test
    public void theDescriptorRingIsAnExternalMemory() {
        bus.write64(DMA_RING0 + 0x10, 0x4_0000_0100L);
        assertEquals(0x4_0000_0100L, bus.read64(DMA_RING0 + 0x10));
        bus.write32(DMA_RING0 + 0x20, 0x5151);
        bus.write32(SCRATCH, 0x7777);
        assertArrayEquals("a batch through the memory's later acknowledge, in order (overlapped on AXI4-Lite)",
                new int[] {0x100, 0x5151, 0x7777, 0x4, 0x484C4359, 0x5151, 0x100},
                bus.read32(new long[] {DMA_RING0 + 0x10, DMA_RING0 + 0x20, SCRATCH, DMA_RING0 + 0x14, CHIP_ID, DMA_RING0 + 0x20, DMA_RING0 + 0x10}));
    }

    @Test
    public void hostBuffersAreSharedWithTheSimulator() throws Exception {
        try (HostBuffer b = sim.client().hostMemory(Path.of("target/sim-run")).allocate(4096)) {
            assertTrue(b.busAddress() >= 0x1_0000_0000L);
        }
    }

    @Test
    public void aSimulatorThatDiesIsADeviceGoneNotAHang() throws Exception {
        ProcessHandle.of(sim.pid()).orElseThrow().destroyForcibly();
        ProcessHandle.of(sim.pid()).ifPresent(p -> p.onExit().join());
        DeviceGoneException e = assertThrows(DeviceGoneException.class, () -> bus.read32(SCRATCH));
        assertEquals(SCRATCH, e.address());
    }

    @Test
    public void resetOnRequest() throws Exception {
        bus.write32(SCRATCH, 5);
        long after = sim.client().reset(8);
        assertTrue(after > 8);
        assertEquals("reset", 0, bus.read32(SCRATCH));
        assertTrue(sim.client().simulatorInfo(), sim.client().simulatorInfo().contains("reference_gen1"));
    }

    @Test
    public void theFastBuildRefusesWaveformsAndNamesTheBuildThatDumpsThem() throws Exception {
        Path vcd = Path.of("target/sim-run/refused-" + busName + "-" + ProcessHandle.current().pid() + ".vcd");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.client().dumpWaves(vcd));
        assertTrue(e.getMessage(), e.getMessage().contains("without waveforms") && e.getMessage().contains(vcd.toString()));
        assertFalse(Files.exists(vcd));
        sim.client().dumpWaves(null);  // stopping a dump that never started is fine
        bus.write32(SCRATCH, 3);
        assertEquals("the simulator goes on", 3, bus.read32(SCRATCH));
    }

    @Test
    public void theBuildWithWavesDumpsThemOnRequest() throws Exception {
        SimulatorBuild.Built traced = Simulators.referenceWithWaves(busName);
        assertTrue(traced.waves());
        assertNotEquals("a cache entry of its own", Simulators.reference(busName).executable(), traced.executable());
        Path dir = Path.of("target/sim-run");
        try (SimulatorProcess waved = SimulatorProcess.start(traced.executable(),
                dir.resolve("waves-" + busName + "-" + ProcessHandle.current().pid() + ".sock"), dir.resolve("sim-waves-" + busName + ".log"))) {
            Path vcd = dir.resolve("waves-" + busName + "-" + ProcessHandle.current().pid() + ".vcd");
            waved.client().dumpWaves(vcd);
            waved.client().bus().write32(SCRATCH, 7);
            waved.client().dumpWaves(null);
            assertTrue(Files.readString(vcd).contains(busName.equals("apb4") ? "s_apb_psel" : "s_axil_arvalid"));
            assertEquals(7, waved.client().bus().read32(SCRATCH));
        }
    }
}
