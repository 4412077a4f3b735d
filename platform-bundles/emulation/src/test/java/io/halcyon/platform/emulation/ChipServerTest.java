package io.halcyon.platform.emulation;

import static io.halcyon.platform.emulation.ChipFixture.*;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.halcyon.hal.api.bus.BusException;
import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.bus.DeviceGoneException;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.SlaveErrorException;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.chipmodel.remote.ChipClient;
import io.halcyon.platform.emulation.server.ChipServer;

/** The chip server in this JVM on a temporary socket, reached as a host reaches it: through ChipClient. */
public class ChipServerTest {

    private static final long SCRATCH = 0x0C;
    private static final long CHIP_ID = 0x00;
    private static final long VERSION = 0x04;
    /** Beyond the last block of reference_gen1. */
    private static final long UNMAPPED = 0xF_0000;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private ChipServer server;
    private ChipClient client;
    private RegisterBus bus;

    @Before
    public void start() throws IOException {
        server = ChipServer.start(ChipFixture.reference(), tmp.getRoot().toPath().resolve("chip.sock"), Duration.ofMillis(200));
        client = ChipClient.connect(server.socket());
        bus = client.bus();
    }

    @After
    public void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    public void readsAndWritesReachTheServersChip() {
        assertEquals(0x484C4359, bus.read32(CHIP_ID));
        bus.write32(SCRATCH, 0xCAFEF00D);
        assertEquals(0xCAFEF00D, bus.read32(SCRATCH));
        assertEquals(0xCAFEF00D, server.chip().read32(SCRATCH, "test"));
        bus.write64(CMD_A, 0x1234_5678_9ABC_DEF0L);
        assertEquals(0x1234_5678_9ABC_DEF0L, bus.read64(CMD_A));
        assertEquals("10 ns per 32-bit access, 64-bit accesses are two", 2 * 10 + 10 + 10 + 2 * 10 + 2 * 10, bus.deviceTimeNanos());
    }

    @Test
    public void errorsComeBackAsTheSameExceptionNamingTheAddress() {
        DecodeErrorException decode = assertThrows(DecodeErrorException.class, () -> bus.read32(UNMAPPED));
        assertEquals(UNMAPPED, decode.address());
        assertEquals("read32", decode.operation());
        SlaveErrorException misaligned = assertThrows(SlaveErrorException.class, () -> bus.write32(SCRATCH + 2, 1));
        assertEquals(SCRATCH + 2, misaligned.address());
        assertThrows("refused at the call, as in-process", SlaveErrorException.class, () -> bus.post64(SCRATCH, 1));
        IllegalArgumentException bound = assertThrows(IllegalArgumentException.class, () -> bus.await(SCRATCH, 1, 1, Duration.ZERO));
        assertTrue(bound.getMessage(), bound.getMessage().contains("bound must be positive"));
        assertEquals("the connection survives errors", 0x484C4359, bus.read32(CHIP_ID));
    }

    @Test
    public void aPostedWriteErrorSurfacesAtTheNextFlushAndLaterPostsStillLand() {
        bus.post32(SCRATCH, 1);
        bus.post32(UNMAPPED, 2);
        bus.post32(SCRATCH, 3);
        assertEquals("posts are queued, not sent", 0, server.chip().read32(SCRATCH, "test"));
        BusException e = assertThrows(DecodeErrorException.class, bus::flush);
        assertEquals(UNMAPPED, e.address());
        assertEquals("post32", e.operation());
        assertEquals(3, bus.read32(SCRATCH));
        bus.flush();
    }

    @Test
    public void aPostedWriteErrorIsThrownByTheNextBlockingAccessToo() {
        bus.post64(UNMAPPED, 2);
        assertThrows(DecodeErrorException.class, () -> bus.read32(CHIP_ID));
        assertEquals(0x484C4359, bus.read32(CHIP_ID));
    }

    @Test
    public void batchedReadsComeBackInOrderAcrossRequestBoundaries() {
        bus.write32(SCRATCH, 77);
        assertArrayEquals(new int[] {0x484C4359, 0x101, 77}, bus.read32(new long[] {CHIP_ID, VERSION, SCRATCH}));
        long[] many = LongStream.range(0, 10_000).map(i -> i % 2 == 0 ? SCRATCH : VERSION).toArray();
        int[] values = bus.read32(many);
        assertEquals(10_000, values.length);
        assertEquals(77, values[9_998]);
        assertEquals(0x101, values[9_999]);
        bus.write64(CMD_B, -2L);
        assertArrayEquals("CAPABILITIES low, SCRATCH high", new long[] {-2L, 0x43FL | 77L << 32}, bus.read64(new long[] {CMD_B, SCRATCH - 4}));
        assertThrows(DecodeErrorException.class, () -> bus.read32(new long[] {SCRATCH, UNMAPPED}));
    }

    @Test
    public void awaitRunsInTheServerInDeviceTimeExactlyAsInProcess() {
        ChipFixture remote = new ChipFixture(server.chip(), bus);
        ChipFixture local = new ChipFixture();
        for (ChipFixture f : List.of(remote, local)) {
            f.blocksRunning();
            f.bus.write32(CORE_PLL_CTRL, 1);
        }
        WaitResult overSocket = remote.bus.await(CORE_PLL_STATUS, 1, 1, MS);
        WaitResult inProcess = local.bus.await(CORE_PLL_STATUS, 1, 1, MS);
        assertTrue(overSocket.met());
        assertTrue("the PLL takes device time to lock", overSocket.deviceNanos() > 1_000);
        assertEquals(inProcess, overSocket);
        assertEquals(local.bus.deviceTimeNanos(), remote.bus.deviceTimeNanos());
    }

    @Test
    public void anAwaitThatIsNeverMetReturnsAfterItsDeviceTimeBound() {
        long start = System.nanoTime();
        WaitResult r = bus.await(SCRATCH, 1, 1, Duration.ofSeconds(10));
        assertFalse(r.met());
        assertTrue(r.toString(), r.deviceNanos() >= 10_000_000_000L);
        assertTrue("ten device seconds take no wall-clock seconds", System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    public void dmaMovesBytesThroughTheSharedFileBothSidesMap() throws IOException {
        ChipFixture f = new ChipFixture(server.chip(), bus).ready();
        HostMemory memory = client.hostMemory(tmp.newFolder("shm").toPath());
        int length = 8192;
        HostBuffer in = memory.allocate(length);
        HostBuffer out = memory.allocate(length);
        byte[] pattern = new byte[length];
        for (int i = 0; i < length; i++) {
            pattern[i] = (byte) (i * 13 + 5);
        }
        in.contents().put(pattern);
        f.dmaDescriptor(0, 0, in.busAddress(), 0x1000, length | SRC_HOST);
        f.dmaDescriptor(0, 1, 0x1000, out.busAddress(), length | DST_HOST);
        bus.write32(channel(0) + 0x04, 2);
        met(bus.await(channel(0), 0xF, 2, MS));
        byte[] back = new byte[length];
        out.contents().get(back);
        assertArrayEquals(pattern, back);

        Path file = fileOf(out.busAddress());
        assertArrayEquals("the bytes are in the file itself", pattern, Files.readAllBytes(file));
        out.close();
        assertFalse(Files.exists(file));
        assertTrue(client.mappedBuffers().stream().noneMatch(b -> b.busAddress() == out.busAddress()));
        f.dmaDescriptor(0, 2, 0x1000, out.busAddress(), length | DST_HOST);
        bus.write32(channel(0) + 0x04, 3);
        assertEquals("a closed buffer is out of the chip's reach", 1, bus.read32(channel(0) + 0x10) & 0xFF);
        in.close();
    }

    @Test
    public void aDmaThatCompletesAfterItsHostLeftLandsInTheFileAndTheNextHostFindsIt() throws IOException {
        ChipFixture f = new ChipFixture(server.chip(), bus).ready();
        HostBuffer out = client.hostMemory(tmp.newFolder("shm").toPath()).allocate(4096);
        server.chip().deviceMemory().write(0x2000, java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        f.dmaDescriptor(3, 0, 0x2000, out.busAddress(), 4096 | DST_HOST);
        bus.post32(channel(3) + 0x04, 1);
        client.close(); // the host dies with the doorbell just posted and the copy in flight

        try (ChipClient next = ChipClient.connect(server.socket())) {
            ChipClient.MappedBuffer left = next.mappedBuffers().stream()
                    .filter(b -> b.busAddress() == out.busAddress()).findFirst().orElseThrow();
            met(next.bus().await(channel(3), 0xF, 1, MS));
            byte[] head = new byte[4];
            java.nio.ByteBuffer.wrap(Files.readAllBytes(left.file())).get(head);
            assertArrayEquals(new byte[] {1, 2, 3, 4}, head);
        }
    }

    @Test
    public void aSecondHostAfterTheFirstDisconnectsSeesTheSameChip() throws IOException {
        bus.write32(SCRATCH, 0x5EED);
        bus.write32(CORE_PLL_CTRL, 1);
        long time = bus.deviceTimeNanos();
        client.close();
        try (ChipClient second = ChipClient.connect(server.socket())) {
            RegisterBus next = second.bus();
            assertEquals(time, next.deviceTimeNanos());
            assertEquals(0x5EED, next.read32(SCRATCH));
            assertEquals(1, next.read32(CORE_PLL_CTRL) & 1);
        }
    }

    @Test
    public void aHostConnectingWhileAnotherIsAttachedIsToldSoAndTheFirstKeepsTheChip() {
        IOException e = assertThrows(IOException.class, () -> ChipClient.connect(server.socket()));
        assertTrue(e.getMessage(), e.getMessage().contains("is attached to another host"));
        assertEquals(0x484C4359, bus.read32(CHIP_ID));
    }

    @Test
    public void whenTheServerGoesAwayEveryCallIsDeviceGone() throws IOException {
        server.close();
        DeviceGoneException e = assertThrows(DeviceGoneException.class, () -> bus.read32(SCRATCH));
        assertEquals(SCRATCH, e.address());
        assertTrue(e.getMessage(), e.getMessage().contains(server.socket().toString()));
        assertThrows(DeviceGoneException.class, bus::flush);
    }

    @Test
    public void noServerIsOneErrorNamingTheSocket() {
        Path nowhere = tmp.getRoot().toPath().resolve("none.sock");
        IOException e = assertThrows(IOException.class, () -> ChipClient.connect(nowhere));
        assertTrue(e.getMessage(), e.getMessage().startsWith("no chip server at " + nowhere));
    }

    @Test
    public void aSecondServerOnALiveSocketIsRefused() {
        IOException e = assertThrows(IOException.class, () -> ChipServer.start(ChipFixture.reference(), server.socket()));
        assertTrue(e.getMessage(), e.getMessage().contains("already answers"));
    }

    private Path fileOf(long busAddress) {
        return client.mappedBuffers().stream().filter(b -> b.busAddress() == busAddress).findFirst().orElseThrow().file();
    }
}
