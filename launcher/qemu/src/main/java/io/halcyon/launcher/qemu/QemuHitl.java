package io.halcyon.launcher.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code launcher/halcyon hitl qemu [--json]}: the production platform on a real PCI device, QEMU's edu, in a
 * Linux guest. Builds the guest image when missing ({@code guest/build-guest.sh}), writes the guest's script
 * ({@link GuestScript}), boots the guest ({@link QemuGuest}) while counting the device's accesses from
 * QEMU's trace ({@link DeviceTrace}), and prints per phase the HAL's and the device's reads and writes, the
 * register tests and the checks ({@link HitlReport}). Exit code 0 only when every count matches exactly and
 * every check passed; 1 otherwise; 2 for usage.
 *
 * <p>System properties: {@code halcyon.root} (the project folder), {@code halcyon.qemu.timeout} (seconds the
 * guest may run, default 900). Everything it writes goes to {@code launcher/qemu/target/} (guest/, run/).
 */
public final class QemuHitl {

    private QemuHitl() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) throws IOException, InterruptedException {
        boolean json = args.equals(List.of("qemu", "--json"));
        if (!json && !args.equals(List.of("qemu"))) {
            System.err.println("usage: halcyon hitl qemu [--json]");
            return 2;
        }
        Path root = Path.of(System.getProperty("halcyon.root", ".")).toAbsolutePath().normalize();
        Path target = root.resolve("launcher/qemu/target");
        Path javaHome = Path.of(System.getProperty("java.home"));
        if (!Files.isDirectory(root.resolve("launcher/host/target/export/hitl-qemu"))) {
            System.err.println("halcyon: no hitl-qemu assembly in " + root.resolve("launcher/host/target/export")
                    + ": build the host first (mvn package -pl launcher/host -am)");
            return 1;
        }
        Path guest = target.resolve("guest");
        if (!Files.isRegularFile(guest.resolve("initrd.img")) || !Files.isRegularFile(guest.resolve("vmlinuz"))) {
            Process build = new ProcessBuilder(root.resolve("launcher/qemu/guest/build-guest.sh").toString(), guest.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (build.waitFor() != 0) {
                System.err.println("halcyon: the guest image could not be built (launcher/qemu/guest/build-guest.sh)");
                return 1;
            }
        }
        Path run = target.resolve("run");
        Files.createDirectories(run);
        Path script = run.resolve("guest.sh");
        Files.writeString(script, GuestScript.text(root, javaHome));

        GuestOutput output = new GuestOutput();
        DeviceTrace trace = new DeviceTrace(GuestScript.MARKER_OFFSET);
        boolean echo = !json;
        long start = System.nanoTime();
        Consumer<String> console = line -> {
            output.accept(line);
            if (echo) {
                System.out.println("guest| " + line);
            }
        };
        long timeout = Long.getLong("halcyon.qemu.timeout", 900);
        int qemu = new QemuGuest(guest, run).run(script, timeout, console, trace::accept);
        // The benchmark once more on a guest QEMU does not trace: the device as fast as its model is.
        Path untraced = run.resolve("guest-untraced.sh");
        Files.writeString(untraced, GuestScript.untraced(root, javaHome));
        int qemuUntraced = new QemuGuest(guest, run).run(untraced, timeout, console, null);
        Files.write(run.resolve("guest-console.log"), output.lines());

        HitlReport report = HitlReport.of(output, trace);
        report.jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        report.guestSeconds = (System.nanoTime() - start) / 1e9;
        report.checks.add(new HitlReport.Check("QEMU exited 0", qemu == 0, "exit " + qemu));
        report.checks.add(new HitlReport.Check("QEMU exited 0 (untraced run)", qemuUntraced == 0, "exit " + qemuUntraced));
        System.out.println(json ? report.json() : report.text());
        return report.ok() ? 0 : 1;
    }
}
