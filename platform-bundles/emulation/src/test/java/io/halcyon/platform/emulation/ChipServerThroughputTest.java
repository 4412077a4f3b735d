package io.halcyon.platform.emulation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.chipmodel.remote.ChipClient;
import io.halcyon.platform.emulation.server.ChipServer;

/**
 * Transactions per second over the chip server's socket, single thread: blocking round trips, posted
 * writes pipelined behind one flush, and batched reads. Prints the figures; asserts that pipelining is
 * what makes posts cheap.
 */
public class ChipServerThroughputTest {

    private static final long SCRATCH = 0x0C;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void postedWritesAndBatchesBeatBlockingRoundTrips() throws Exception {
        Path socket = tmp.getRoot().toPath().resolve("chip.sock");
        try (ChipServer server = ChipServer.start(ChipFixture.reference(), socket, Duration.ofMillis(200));
                ChipClient client = ChipClient.connect(socket)) {
            RegisterBus bus = client.bus();
            double blocking = 0;
            double posted = 0;
            double batched = 0;
            for (int round = 0; round < 3; round++) { // the last round is the one reported, after warm-up
                blocking = perSecond(20_000, n -> {
                    for (int i = 0; i < n; i++) {
                        bus.read32(SCRATCH);
                    }
                });
                posted = perSecond(1_000_000, n -> {
                    for (int i = 0; i < n; i++) {
                        bus.post32(SCRATCH, i);
                    }
                    bus.flush();
                });
                long[] addresses = new long[4096];
                java.util.Arrays.fill(addresses, SCRATCH);
                batched = perSecond(100 * addresses.length, n -> {
                    for (int i = 0; i < n / addresses.length; i++) {
                        bus.read32(addresses);
                    }
                });
            }
            assertEquals("the last posted write landed", 999_999, bus.read32(SCRATCH));
            System.out.printf("chip server, one thread: blocking read32 %,.0f/s, posted write32 %,.0f/s, batched read32 %,.0f/s%n",
                    blocking, posted, batched);
            assertTrue(String.format("posted %,.0f/s vs blocking %,.0f/s", posted, blocking), posted > 5 * blocking);
            assertTrue(String.format("batched %,.0f/s vs blocking %,.0f/s", batched, blocking), batched > 5 * blocking);
        }
    }

    private interface Work {
        void run(int n);
    }

    private static double perSecond(int n, Work work) {
        long start = System.nanoTime();
        work.run(n);
        return n * 1e9 / (System.nanoTime() - start);
    }
}
