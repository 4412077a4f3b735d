package io.halcyon.platform.verification;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.halcyon.block.testsupport.Configs;
import io.halcyon.block.tensor.TensorEngineDriver;
import io.halcyon.block.tensor.regs.TensorConfig;
import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.tensor.TensorCommand;
import io.halcyon.hal.api.tensor.TensorEngine;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.MemorySpec;
import io.halcyon.platform.chipmodel.remote.ChipClient;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.emulation.server.ChipServer;
import io.halcyon.platform.emulation.server.ClassPathChipMaps;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Generation 2 of the reference chip on its RTL (reference_gen2, APB4) beside the emulation of the same chip
 * map, both behind the chip-server client: the same register sequence on each must observe the same thing.
 * The dma2 engine (eight channels, counting doorbell, 64-bit descriptor lengths, BYTES_MOVED at its new
 * offset, RING_OVERFLOW) and the tensor engine's MATMUL_BF16 (issued by block-tensor's driver) are C++ models on
 * the RTL's hardware-side ports and Java behaviours in the emulation; their results must agree bit for bit.
 */
public class Gen2SimulatorTest {

    private static final String CHIP = "reference_gen2";
    private static final int M = 7, N = 6, K = 10;  // A and B whole multiples of 4 bytes, as DMA lengths must be
    private static final int CHANNEL = 6;  // beyond generation 1's four
    private static final long HBM_A = 0x1_0000, HBM_B = 0x2_0000, HBM_C = 0x3_0000;
    private static final Duration BOUND = Duration.ofMillis(1);

    private static ChipModel map;
    private static SimulatorProcess rtl;
    private static ChipServer emulated;
    private static ChipClient emulation;

    @BeforeClass
    public static void start() throws Exception {
        map = ClassPathChipMaps.named(CHIP);
        Path dir = Files.createDirectories(Path.of("target/sim-run"));
        long pid = ProcessHandle.current().pid();
        rtl = SimulatorProcess.start(Simulators.of(CHIP, "apb4").executable(),
                dir.resolve("gen2-" + pid + ".sock"), dir.resolve("sim-gen2.log"));
        emulated = ChipServer.start(EmulatedChip.of(map), dir.resolve("gen2-emulated-" + pid + ".sock"));
        emulation = ChipClient.connect(emulated.socket());
    }

    @AfterClass
    public static void stop() throws Exception {
        if (emulation != null) emulation.close();
        if (emulated != null) emulated.close();
        if (rtl != null) rtl.close();
    }

    /** What one chip showed of the workload: every value the test compares between the platforms. */
    private record Observed(long generation, long channels, long bf16Feature, long head, long tail, long bytesMoved,
            long wideLengthError, long wideLengthDescriptor, long overflowError, long tailAfterOverflow, long dmaPending,
            long tensorErrors, int[] c) {
    }

    @Test
    public void theRtlIsGenerationTwoAndAgreesWithTheEmulationOnDma2AndBf16MatmulBitForBit() throws Exception {
        Observed onRtl = workload(rtl.client());
        Observed emulatedRun = workload(emulation);

        assertEquals("sysctrl.VERSION.GENERATION", 2, onRtl.generation());
        assertEquals("sysctrl.CAPABILITIES.DMA_CHANNELS", 8, onRtl.channels());
        assertEquals("tensor.FEATURES.BF16_MATMUL", 1, onRtl.bf16Feature());
        assertEquals("HEAD stops at the descriptor with the 64-bit length", 3, onRtl.head());
        assertEquals("TAIL moved by hardware: 2 + 1 + 1 doorbelled", 4, onRtl.tail());
        long aBytes = 2L * M * K, bBytes = 2L * K * N, cBytes = 4L * M * N;
        assertEquals("BYTES_MOVED (at its generation-2 offset) counts the three descriptors", aBytes + bBytes + cBytes, onRtl.bytesMoved());
        assertEquals("a length of 2^32 + 256 is read whole (cut to 32 bits it would be 256 bytes in range)",
                code("ADDRESS_RANGE"), onRtl.wideLengthError());
        assertEquals(3, onRtl.wideLengthDescriptor());
        assertEquals("a doorbell beyond the free slots", code("RING_OVERFLOW"), onRtl.overflowError());
        assertEquals("TAIL unchanged by the refused doorbell", 4, onRtl.tailAfterOverflow());
        assertEquals("the DMA interrupt is pending", 1, onRtl.dmaPending());
        assertEquals("no tensor error", 0, onRtl.tensorErrors());
        assertNotEquals(0, onRtl.c()[0] | onRtl.c()[M * N - 1]);

        assertArrayEquals("MATMUL_BF16's C, bit for bit", emulatedRun.c(), onRtl.c());
        assertEquals(emulatedRun.toString().replaceAll("c=\\[I@\\w+", ""), onRtl.toString().replaceAll("c=\\[I@\\w+", ""));
    }

    private long code(String member) {
        return map.requireBlock("dma").type().requireRegister("CH[0].ERR_INFO").field("CODE").encoding().requireMember(member).value();
    }

    private Observed workload(ChipClient client) {
        ChipRegisters chip = new ChipRegisters(map, client.bus()).ready();
        chip.write("intc", "ENABLE", chip.allFields("intc", "ENABLE"));
        String ch = "CH[" + CHANNEL + "]";
        chip.write("dma", ch + ".INT_ENABLE", chip.allFields("dma", ch + ".INT_ENABLE"));
        short[] a = bf16(M * K, 11), b = bf16(K * N, 12);
        try (HostBuffer host = client.hostMemory(Path.of("target/sim-run")).allocate(4096)) {
            ByteBuffer buf = host.contents().order(ByteOrder.LITTLE_ENDIAN);
            for (short v : a) buf.putShort(v);
            for (short v : b) buf.putShort(v);
            long hostA = host.busAddress(), hostB = hostA + 2L * a.length, hostC = hostA + 2048;
            // A and B to HBM with one doorbell of two descriptors; the second raises DONE.
            descriptor(chip, 0, hostA, HBM_A, 2L * a.length, true, false, false);
            descriptor(chip, 1, hostB, HBM_B, 2L * b.length, true, false, true);
            chip.write("dma", ch + ".DOORBELL", chip.value("dma", ch + ".DOORBELL", "COUNT", 2));
            chip.await("dma", ch + ".INT_STATUS", "DONE", 1);
            chip.await("dma", ch + ".HEAD", "INDEX", 2);
            chip.write("dma", ch + ".INT_STATUS", chip.allFields("dma", ch + ".INT_STATUS"));

            // The multiply as the generation-2 driver issues it (it checks FEATURES.BF16_MATMUL before staging).
            TensorEngine tensor = new TensorEngineDriver(client.bus(),
                    Configs.instance(TensorConfig.class, "tensor", map.requireBlock("tensor").base()));
            tensor.await(tensor.submit(List.of(TensorCommand.matmulBf16(HBM_A, false, HBM_B, false, HBM_C, M, N, K)), BOUND), BOUND);

            // C back to the host, then a descriptor whose length needs the upper word.
            descriptor(chip, 2, HBM_C, hostC, 4L * M * N, false, true, true);
            descriptor(chip, 3, HBM_A, HBM_B, (1L << 32) + 256, false, false, false);
            chip.write("dma", ch + ".DOORBELL", chip.value("dma", ch + ".DOORBELL", "COUNT", 1));
            chip.await("dma", ch + ".INT_STATUS", "DONE", 1);
            chip.write("dma", ch + ".DOORBELL", chip.value("dma", ch + ".DOORBELL", "COUNT", 1));
            chip.await("dma", ch + ".INT_STATUS", "ERROR", 1);
            long wideError = chip.field("dma", ch + ".ERR_INFO", "CODE"), wideDescriptor = chip.field("dma", ch + ".ERR_INFO", "DESC");
            long head = chip.field("dma", ch + ".HEAD", "INDEX"), tail = chip.field("dma", ch + ".TAIL", "INDEX");
            chip.write("dma", ch + ".INT_STATUS", chip.allFields("dma", ch + ".INT_STATUS"));
            // 16 slots, 1 in use (HEAD 3, TAIL 4): a doorbell of 15 is one too many.
            chip.write("dma", ch + ".DOORBELL", chip.value("dma", ch + ".DOORBELL", "COUNT", 15));
            chip.await("dma", ch + ".INT_STATUS", "ERROR", 1);

            int[] c = new int[M * N];
            ByteBuffer cBytes = host.contents().order(ByteOrder.LITTLE_ENDIAN).position(2048);
            for (int i = 0; i < c.length; i++) c[i] = cBytes.getInt();
            return new Observed(chip.field("sysctrl", "VERSION", "GENERATION"), chip.field("sysctrl", "CAPABILITIES", "DMA_CHANNELS"),
                    chip.field("tensor", "FEATURES", "BF16_MATMUL"), head, tail, chip.read("dma", "BYTES_MOVED"), wideError, wideDescriptor,
                    chip.field("dma", ch + ".ERR_INFO", "CODE"), chip.field("dma", ch + ".TAIL", "INDEX"), chip.field("intc", "PENDING", "DMA"),
                    chip.field("tensor", "INT_STATUS", "ERROR"), c);
        }
    }

    /** Descriptor {@code index} of the channel's ring, written field by field through the ring's record layout. */
    private static void descriptor(ChipRegisters chip, int index, long source, long destination, long length, boolean sourceHost,
            boolean destinationHost, boolean irq) {
        MemorySpec.RecordLayout records = map.requireBlock("dma").type().requireMemory("RING[0]").requireRecords();
        String ring = "RING[" + CHANNEL + "]";
        long at = index * records.stride();
        chip.bus().write64(chip.memory("dma", ring, at + records.register("DESC_SOURCE").offset()), source);
        chip.bus().write64(chip.memory("dma", ring, at + records.register("DESC_DESTINATION").offset()), destination);
        chip.bus().write64(chip.memory("dma", ring, at + records.register("DESC_LENGTH").offset()), length);
        var flags = records.register("DESC_FLAGS");
        long flagBits = (sourceHost ? flags.field("SOURCE_HOST").mask() : 0) | (destinationHost ? flags.field("DESTINATION_HOST").mask() : 0)
                | (irq ? flags.field("IRQ").mask() : 0);
        chip.bus().write64(chip.memory("dma", ring, at + flags.offset()), flagBits);
    }

    /** Bit patterns of random finite bfloat16 values in about [-4, 4]. */
    private static short[] bf16(int count, long seed) {
        Random random = new Random(seed);
        short[] v = new short[count];
        for (int i = 0; i < count; i++) {
            v[i] = (short) (Float.floatToRawIntBits(random.nextFloat() * 8 - 4) >>> 16);
        }
        return v;
    }
}
