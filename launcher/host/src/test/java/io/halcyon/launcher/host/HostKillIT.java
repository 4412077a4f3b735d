package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Issue 6, proof 3: the HAL host is killed with SIGKILL mid-workload while the chip runs in a process of
 * its own. The next host attaches, reads the chip's state without resetting or retraining anything,
 * finds the dead host's DMA and tensor commands still in flight, and they complete with the results
 * computed here: in HBM, and in the dead host's own buffer.
 *
 * <p>The workload is {@code hal:inflight} (launcher/shell, {@code InFlightWork}): sixteen 256 x 256 x 256
 * MATMULs by the cyclic shift matrix, and eight DMA descriptors moving 1 MiB from a host buffer to HBM
 * and back to a second host buffer in reversed 256 KiB pieces. Model time moves only with bus traffic,
 * so the work the dead host left waits for the next host's accesses and waits to carry time past it.
 */
public class HostKillIT {

    private static final int SIZE = 256;
    private static final int SHIFTS = 16;
    private static final int DMA_BYTES = 1 << 20;
    private static final int PIECES = 4;
    private static final List<String> STEPS = List.of("identify-chip", "clocks-and-resets", "pll-lock", "pcie-link",
            "hbm-training", "dma-and-interrupts", "tensor-engine");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** What {@code hal:inflight} and {@code hal:drain} print of the hardware: tensor counters and DMA ring. */
    private record WorkState(long ticket, long completed, int queued, int head, int tail) {
        private static final Pattern LINE = Pattern.compile(
                "tensor ticket (\\d+), (\\d+) completed, (\\d+) queued; dma channel 1 head (\\d+) tail (\\d+)");

        static WorkState in(String output, String prefix) {
            String line = output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in\n" + output));
            Matcher m = LINE.matcher(line);
            assertTrue(line, m.find());
            return new WorkState(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
        }

        boolean inFlight() {
            return completed < ticket && head != tail;
        }
    }

    @Test
    public void aHostKilledMidWorkloadLeavesTheWorkToTheNextHostWhichSeesItComplete() throws Exception {
        Path socket = tmp.getRoot().toPath().resolve("chip.sock");
        // Host buffers in a folder of this test, so the dead host's buffer can be looked at directly.
        Path hostMemory = tmp.newFolder("hostmem").toPath();
        HalcyonScript halcyon = new HalcyonScript(tmp, Map.of("HALCYON_JAVA_OPTS", "-Dhalcyon.chip.hostmem=" + hostMemory));
        try (ChipServerProcess chip = ChipServerProcess.start(halcyon, socket)) {
            HalcyonScript attached = halcyon.with(chip.attach());
            attached.command("hal:bringup");
            String resetCount = ChipServerIT.resetCount(attached.command("hal:read sysctrl RESET_STATUS").stdout());

            WorkState left = leaveWorkInFlightAndDie(attached);
            assertTrue("in flight when the host was killed: " + left, left.inFlight());

            HostProcess.Result next = attached.command("hal:bringup");
            for (String step : STEPS) {
                assertTrue(step + " left as it was in\n" + next.stdout(), next.stdout().matches("(?s).*\\n" + step + "\\s+already\\s.*"));
            }
            assertTrue(next.stdout(), next.stdout().contains("the chip was already up: nothing was reset or retrained"));
            assertTrue(next.stdout(), next.stdout().matches("(?s).*\\ntensor-engine\\s+already .* busy, \\d+ queued \\(left to finish\\).*"));

            HostProcess.Result drain = attached.command("hal:drain " + left.ticket());
            WorkState found = WorkState.in(drain.stdout(), "on attach: ");
            assertTrue("still in flight for the host after the one killed: " + found, found.inFlight());
            WorkState done = WorkState.in(drain.stdout(), "drained: ");
            assertEquals(drain.stdout(), left.ticket(), done.completed());
            assertEquals(drain.stdout(), 0, done.queued());
            assertEquals("DMA ring drained: " + done, left.tail(), done.head());
            assertEquals(left.tail(), done.tail());
            assertTrue(drain.stdout(), drain.stdout().contains("\ntensor result crc-32 " + crc32(shiftedMatrix()) + "\n"));
            assertTrue(drain.stdout(), drain.stdout().contains("\ndma result crc-32 " + crc32(sourceBytes()) + "\n"));

            assertEquals("no reset since the first bring-up", resetCount,
                    ChipServerIT.resetCount(attached.command("hal:read sysctrl RESET_STATUS").stdout()));
            assertEquals("the dead host's return buffer holds the pieces in reverse", 1, filesHolding(hostMemory, returnedBytes()));
            assertTrue("the chip outlived the kill", chip.process().isAlive());
        }
    }

    /**
     * Starts a host running {@code hal:inflight}, waits until it prints the work it left in flight, and
     * kills it with SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown, no
     * detach, its host buffers never closed.
     */
    private WorkState leaveWorkInFlightAndDie(HalcyonScript attached) throws Exception {
        Path stderr = tmp.newFile("killed-host.err").toPath();
        Process host = attached.start(stderr, "run", "hal:inflight --hold 120");
        try {
            String line = HostProcess.awaitLine(host, l -> l.startsWith("in flight: "), Duration.ofSeconds(60));
            assertNotNull("the host ended before its work was in flight: " + Files.readString(stderr), line);
            host.destroyForcibly();
            assertTrue("the killed host is gone", host.waitFor(30, TimeUnit.SECONDS));
            assertEquals("ended by signal 9", 128 + 9, host.exitValue());
            return WorkState.in(line, "in flight: ");
        } finally {
            host.destroyForcibly();
        }
    }

    /** X[i][k] = 256 i + k shifted by one column sixteen times: Y[i][j] = X[i][j - 16 mod 256], fp32. */
    private static byte[] shiftedMatrix() {
        ByteBuffer y = ByteBuffer.allocate(SIZE * SIZE * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                y.putFloat(i * SIZE + Math.floorMod(j - SHIFTS, SIZE));
            }
        }
        return y.array();
    }

    /** The DMA source: 32-bit word w holds w * 0x9E3779B1. */
    private static byte[] sourceBytes() {
        ByteBuffer s = ByteBuffer.allocate(DMA_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int w = 0; w < DMA_BYTES / Integer.BYTES; w++) {
            s.putInt(w * 0x9E37_79B1);
        }
        return s.array();
    }

    /** The source with its four 256 KiB pieces in reverse order. */
    private static byte[] returnedBytes() {
        byte[] source = sourceBytes();
        byte[] returned = new byte[DMA_BYTES];
        int piece = DMA_BYTES / PIECES;
        for (int p = 0; p < PIECES; p++) {
            System.arraycopy(source, p * piece, returned, (PIECES - 1 - p) * piece, piece);
        }
        return returned;
    }

    private static long filesHolding(Path folder, byte[] expected) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                try {
                    return Arrays.equals(Files.readAllBytes(f), expected);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).count();
        }
    }

    private static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return String.format("%08x", crc.getValue());
    }
}
