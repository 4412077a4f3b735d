package io.halcyon.launcher.qemu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of the guest under QEMU (TCG: KVM is not usable here): the kernel and initramfs of
 * {@code build-guest.sh}, the host's root shared read-only over 9p, QEMU's edu device, and the trace of
 * every device access QEMU dispatches written to a FIFO that is read while the guest runs (the trace of a
 * run is hundreds of MB: never stored). QEMU is started under {@code setpriv --pdeathsig KILL}, so it
 * dies with this process whatever ends it, and it is killed if the guest has not powered off in time.
 */
final class QemuGuest {

    /** The edu device's id on QEMU's command line. */
    static final String EDU_ID = "edu0";

    private final Path guest;
    private final Path runFolder;

    /**
     * @param guest the folder with vmlinuz and initrd.img
     * @param runFolder where the FIFO lives (the build's run area)
     */
    QemuGuest(Path guest, Path runFolder) {
        this.guest = guest;
        this.runFolder = runFolder;
    }

    /**
     * Boots the guest with {@code script} (a host path) as what it runs; every serial console line goes to
     * {@code console}, every trace line to {@code trace} (null: QEMU traces nothing, and a device access
     * costs what the device model costs, not a trace line's formatting and writing as well). Returns QEMU's
     * exit code.
     *
     * @throws IOException when QEMU cannot start or the guest is still running after {@code timeoutSeconds}
     */
    int run(Path script, long timeoutSeconds, Consumer<String> console, Consumer<String> trace)
            throws IOException, InterruptedException {
        Files.createDirectories(runFolder);
        Path fifo = runFolder.resolve("qemu-trace.fifo");
        Files.deleteIfExists(fifo);
        if (trace != null) {
            int made = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
            if (made != 0) {
                throw new IOException("mkfifo " + fifo + " failed");
            }
        }
        List<String> command = new ArrayList<>(List.of("setpriv", "--pdeathsig", "KILL", "qemu-system-x86_64",
                // One host thread runs both vCPUs: with a thread each (MTTCG), the JVM's patching of compiled code
                // while the other vCPU runs it crashed the guest JVM (SIGSEGV at the entry of a compiled method).
                "-machine", "pc", "-accel", "tcg,thread=single", "-m", "2048", "-smp", "2", "-nographic", "-no-reboot", "-nic", "none",
                "-vga", "none", "-kernel", guest.resolve("vmlinuz").toString(), "-initrd", guest.resolve("initrd.img").toString(),
                "-append", "console=ttyS0 quiet panic=-1 halcyon.script=" + script,
                "-fsdev", "local,id=hostroot,path=/,security_model=none,readonly=on,multidevs=remap",
                "-device", "virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot",
                // The guest's RAM (2 GiB) is below 4 GiB: a 32-bit DMA mask reaches all of it.
                "-device", "edu,id=" + EDU_ID + ",dma_mask=0xffffffff"));
        if (trace != null) {
            // The trace goes to QEMU's log (its "log" trace backend), which -D sends to the FIFO.
            command.addAll(List.of("-D", fifo.toString(), "-trace", "enable=memory_region_ops_read", "-trace",
                    "enable=memory_region_ops_write"));
        }
        Process qemu = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread killer = new Thread(qemu::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(killer);
        Thread traceReader = trace == null ? null : reader("qemu-trace", () -> Files.newBufferedReader(fifo, StandardCharsets.UTF_8), trace);
        Thread consoleReader = reader("qemu-console",
                () -> new BufferedReader(new InputStreamReader(qemu.getInputStream(), StandardCharsets.UTF_8)), console);
        try {
            if (!qemu.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                qemu.destroyForcibly().waitFor();
                throw new IOException("the guest did not power off within " + timeoutSeconds + " s; QEMU was killed");
            }
            consoleReader.join(10_000);
            if (traceReader != null) {
                traceReader.join(10_000);
            }
            return qemu.exitValue();
        } finally {
            qemu.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(killer);
            Files.deleteIfExists(fifo);
        }
    }

    private interface Opener {
        BufferedReader open() throws IOException;
    }

    private static Thread reader(String name, Opener opener, Consumer<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = opener.open()) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                lines.accept("halcyon: " + name + ": " + e.getMessage());
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
