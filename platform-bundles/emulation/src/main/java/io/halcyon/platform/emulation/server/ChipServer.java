package io.halcyon.platform.emulation.server;

import io.halcyon.platform.chipmodel.remote.ChipClient;
import io.halcyon.platform.chipmodel.remote.ChipProtocol;
import io.halcyon.platform.chipmodel.remote.WireChannel;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.emulation.EmulationBus;
import io.halcyon.platform.emulation.EmulationPlatform;
import io.halcyon.platform.emulation.model.EmulatedChip;

/**
 * An emulated chip as a process of its own, served over a Unix domain socket, so HAL hosts
 * can stop, crash and restart while the chip keeps its state (registers, HBM, model time, in-flight DMA
 * and tensor commands, host buffers). One host is attached at a time; the next one may attach as soon
 * as the previous connection is gone, and a host that connects while another is attached is told so.
 *
 * <pre>
 * java -cp platform-emulation.jar:platform-chip-model.jar:platform-chip-maps.jar:hal-api.jar \
 *     io.halcyon.platform.emulation.server.ChipServer SOCKET
 * </pre>
 *
 * <h2>Protocol</h2>
 * Little-endian binary messages over one stream socket; {@code u8/u16/u32/u64} are unsigned integers
 * of that width, {@code str} is a {@code u16} byte count followed by UTF-8.
 * <ul>
 * <li><b>Greeting</b>, server to host on connect: {@code u32 magic "HCHP", u16 version (1), u8 state
 * (0 attached, 1 busy: another host is attached, the server closes), u64 server pid}.</li>
 * <li><b>Requests</b>, host to server: {@code u8 opcode} then operands. Requests execute in the order
 * sent. Every request has exactly one reply except the posted writes, so a host pipelines posts (and
 * could pipeline anything) without waiting.
 * <table>
 * <caption>requests and their replies</caption>
 * <tr><th>op</th><th>request</th><th>operands</th><th>reply payload</th></tr>
 * <tr><td>01</td><td>read32</td><td>u64 address</td><td>u32 value</td></tr>
 * <tr><td>02</td><td>read64</td><td>u64 address</td><td>u64 value</td></tr>
 * <tr><td>03</td><td>write32</td><td>u64 address, u32 value</td><td>-</td></tr>
 * <tr><td>04</td><td>write64</td><td>u64 address, u64 value</td><td>-</td></tr>
 * <tr><td>05</td><td>post32</td><td>u64 address, u32 value</td><td>no reply</td></tr>
 * <tr><td>06</td><td>post64</td><td>u64 address, u64 value</td><td>no reply</td></tr>
 * <tr><td>07</td><td>flush</td><td>-</td><td>-</td></tr>
 * <tr><td>08</td><td>read32 batch</td><td>u32 n (at most 4096), n x u64 address</td><td>n x u32</td></tr>
 * <tr><td>09</td><td>read64 batch</td><td>u32 n (at most 4096), n x u64 address</td><td>n x u64</td></tr>
 * <tr><td>0A</td><td>await</td><td>u64 address, u32 mask, u32 expected, u64 bound ns</td><td>u8 met, u32 last value, u64 device ns waited</td></tr>
 * <tr><td>0B</td><td>device time</td><td>-</td><td>u64 model time ns</td></tr>
 * <tr><td>0C</td><td>map host buffer</td><td>u32 size (4 KiB multiple), str file</td><td>u64 bus address</td></tr>
 * <tr><td>0D</td><td>unmap host buffer</td><td>u64 bus address</td><td>u8 1 if it was mapped</td></tr>
 * <tr><td>0E</td><td>list host buffers</td><td>-</td><td>u32 n, n x (u64 bus address, u32 size, str file)</td></tr>
 * <tr><td>10</td><td>reset (simulator only)</td><td>u32 cycles</td><td>u64 cycle count after it</td></tr>
 * <tr><td>11</td><td>waveforms (simulator only)</td><td>str VCD file, empty to stop</td><td>-</td></tr>
 * <tr><td>12</td><td>simulator info (simulator only)</td><td>-</td><td>str</td></tr>
 * </table></li>
 * <li><b>Replies</b>: {@code u8 status}; 0 is success and the payload follows. Otherwise the status is
 * the error kind: 1 slave error, 2 decode error, 3 bus timeout, 4 device gone, each followed by
 * {@code u64 address, str operation} and raised on the host as the same {@code BusException}
 * subclass; 5 illegal argument, 6 illegal state, followed by {@code str message}.</li>
 * </ul>
 * The simulator-only requests are served by the verification platform's simulator (its harness speaks
 * this protocol in C++); this server answers them with an illegal-state error.
 * Posted writes execute when they arrive; the first error one causes is held and becomes the reply to
 * the next blocking request (a flush, an access, an await), as the bus SPI says. Await runs here: model
 * time jumps from hardware event to hardware event until the condition holds or the bound passes, so a
 * wait costs one round trip however long it is in device time. Model time moves only with requests,
 * which keeps it deterministic; an in-flight DMA or tensor command whose host died completes as soon as
 * the next host's accesses or waits carry model time past it. Host buffers are files both processes
 * map (see {@link ChipClient}); they stay mapped when their host goes away.
 */
public final class ChipServer implements AutoCloseable {

    private final EmulatedChip chip;
    private final Path socket;
    private final ServerSocketChannel listener;
    private final SharedFileMappings mappings;
    private final Duration handover;
    /** One permit: held by the attached host's session. */
    private final Semaphore attachment = new Semaphore(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile WireChannel attachedHost;

    private ChipServer(EmulatedChip chip, Path socket, ServerSocketChannel listener, Duration handover) {
        this.chip = chip;
        this.socket = socket;
        this.listener = listener;
        this.handover = handover;
        this.mappings = new SharedFileMappings(chip.hostMemory());
    }

    /** {@link #start(EmulatedChip, Path, Duration)} with two seconds of handover. */
    public static ChipServer start(EmulatedChip chip, Path socket) throws IOException {
        return start(chip, socket, Duration.ofSeconds(2));
    }

    /**
     * Serves {@code chip} at {@code socket}. A socket file left by a server that is gone is replaced;
     * one that a live server answers on is not.
     *
     * @param handover how long a host that connects while another is attached waits for that one to
     *     go (a host that just closed its connection, or died, is noticed a moment later) before it is
     *     told the chip is busy
     *
     * @throws IOException if the socket cannot be bound, or a chip server already answers there
     */
    public static ChipServer start(EmulatedChip chip, Path socket, Duration handover) throws IOException {
        Path path = socket.toAbsolutePath();
        if (Files.exists(path)) {
            if (answers(path)) {
                throw new IOException("a chip server already answers at " + path);
            }
            Files.delete(path);
        }
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(path));
        ChipServer server = new ChipServer(chip, path, listener, handover);
        Thread acceptor = new Thread(server::acceptHosts, "chip-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    public Path socket() {
        return socket;
    }

    public EmulatedChip chip() {
        return chip;
    }

    /** Whether a host is attached right now. */
    public boolean hostAttached() {
        return attachment.availablePermits() == 0;
    }

    /** Blocks until {@link #close()}. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    private void acceptHosts() {
        while (listener.isOpen()) {
            SocketChannel connection;
            try {
                connection = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                System.err.println("chip server: accept failed: " + e.getMessage());
                continue;
            }
            if (attach()) {
                Thread session = new Thread(() -> serve(connection), "chip-server-session");
                session.setDaemon(true);
                session.start();
            } else {
                refuse(connection);
            }
        }
    }

    private boolean attach() {
        try {
            return attachment.tryAcquire(handover.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void serve(SocketChannel connection) {
        try (WireChannel wire = new WireChannel(connection)) {
            attachedHost = wire;
            greet(wire, ChipProtocol.ATTACHED);
            log("host attached");
            new ChipSession(new EmulationBus(chip), mappings, wire).serve();
        } catch (EOFException e) {
            log("host detached");
        } catch (IOException e) {
            log("host dropped: " + e.getMessage());
        } finally {
            attachedHost = null;
            attachment.release();
        }
    }

    private void refuse(SocketChannel connection) {
        try (WireChannel wire = new WireChannel(connection)) {
            greet(wire, ChipProtocol.BUSY);
            wire.send();
        } catch (IOException e) {
            // the refused host went away first; nothing to tell it
        }
    }

    private static void greet(WireChannel wire, byte state) throws IOException {
        wire.reserve(15).putInt(ChipProtocol.MAGIC).putShort(ChipProtocol.VERSION).put(state)
                .putLong(ProcessHandle.current().pid());
    }

    private void log(String what) {
        System.err.printf("chip server %s: %s at model time %d ns%n", socket, what, deviceTime());
    }

    private long deviceTime() {
        synchronized (chip) {
            return chip.clock().now();
        }
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Stops serving: closes the socket and removes its file, drops the attached host (its calls fail as
     * device gone) and deletes the host buffers still mapped.
     */
    @Override
    public void close() throws IOException {
        try {
            listener.close();
            WireChannel host = attachedHost;
            if (host != null) {
                host.close();
            }
            Files.deleteIfExists(socket);
            mappings.releaseAll();
        } finally {
            closed.countDown();
        }
    }

    /**
     * {@code ChipServer SOCKET}: serves a chip at power-on until the process is stopped, of the chip map
     * named by the system property {@value EmulationPlatform#CHIPS}, else the environment variable
     * {@code HALCYON_CHIPS}, else {@value EmulationPlatform#DEFAULT_CHIPS}, among the chip maps on the class
     * path ({@link ClassPathChipMaps}). A server runs one chip.
     * {@code ChipServer --await SOCKET PID MILLIS}: exits 0 once the server PID accepts hosts at SOCKET,
     * 1 if it died or the time passed first (what {@code launcher/halcyon chip start} waits with).
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("--await")) {
            boolean up = ServerReadiness.await(Path.of(args[1]), Long.parseLong(args[2]), Duration.ofMillis(Long.parseLong(args[3])));
            System.exit(up ? 0 : 1);
        }
        if (args.length != 1) {
            System.err.println("usage: ChipServer SOCKET | ChipServer --await SOCKET PID MILLIS");
            System.exit(2);
        }
        long start = System.nanoTime();
        ChipServer server;
        try {
            ChipModel map = ClassPathChipMaps.named(System.getProperty(EmulationPlatform.CHIPS, System.getenv("HALCYON_CHIPS")));
            server = start(EmulatedChip.of(map), Path.of(args[0]));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("chip server: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("chip server: " + e.getMessage());
            }
        }));
        System.out.printf("chip server pid %d serving chip map %s at %s (up in %d ms)%n", ProcessHandle.current().pid(),
                server.chip().map().name(), server.socket(), (System.nanoTime() - start) / 1_000_000);
        server.awaitClose();
    }
}
