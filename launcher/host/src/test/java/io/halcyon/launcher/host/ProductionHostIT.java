package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code launcher/halcyon --platform production} on a machine without the devices it looks for (this one and
 * CI's): each refusal is one line naming what is missing, the platform publishes nothing, and the host says
 * so rather than hang; and, on a sysfs tree laid out like Linux's (regular files as BARs), several devices
 * of a known id as several chips. A real device is QemuHitlIT's (launcher/qemu).
 */
public class ProductionHostIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Ready as soon as the shell is, so the refusal is seen at once rather than after the ready timeout. */
    private HalcyonScript script() {
        return new HalcyonScript(tmp, Map.of("HALCYON_JAVA_OPTS", "-Dhalcyon.ready=(osgi.command.scope=hal)"));
    }

    private static List<String> platformLines(HostProcess.Result r) {
        return r.stderrLines().stream().filter(l -> l.contains("production platform")).toList();
    }

    @Test
    public void withoutADeviceOfAKnownIdTheHostSaysWhatItLookedFor() throws Exception {
        HostProcess.Result r = script().run("--platform", "production", "run", "hal:info");
        assertEquals(r.stderr(), 1, r.exitCode());
        assertEquals(r.stderr(), List.of("halcyon: production platform: no PCI device with id 1234:11e8 in"
                + " /sys/bus/pci/devices; name one with --device BDF|uioN"), platformLines(r));
    }

    @Test
    public void aNamedDeviceThatDoesNotExistIsRefusedInOneLine() throws Exception {
        HostProcess.Result r = script().run("--platform", "production", "--device", "ffff:ff:1f.7", "--device", "uio97",
                "run", "hal:info");
        assertEquals(r.stderr(), 1, r.exitCode());
        assertEquals(r.stderr(), List.of(
                "halcyon: production platform: device ffff:ff:1f.7: no such PCI device (/sys/bus/pci/devices/ffff:ff:1f.7"
                        + " does not exist); nothing is published for it",
                "halcyon: production platform: device uio97: no such UIO device (/sys/class/uio/uio97 does not exist);"
                        + " nothing is published for it"), platformLines(r));
    }

    @Test
    public void platformOptionsAreCheckedBeforeAnythingStarts() throws Exception {
        HostProcess.Result unknown = script().run("--platform", "mainframe", "run", "hal:info");
        assertEquals(2, unknown.exitCode());
        assertEquals(List.of("halcyon: unknown platform 'mainframe' (emulation, verification, production)"), unknown.stderrLines());
        HostProcess.Result deviceOnEmulation = script().run("--device", "00:04.0", "run", "hal:info");
        assertEquals(2, deviceOnEmulation.exitCode());
        assertEquals(List.of("halcyon: --device is for --platform production"), deviceOnEmulation.stderrLines());
    }

    /**
     * Every function with a known id is a chip, numbered in BDF order; one whose BAR is too small for the chip
     * map is refused in one line and the others are published; a function of another id is left alone.
     */
    @Test
    public void severalDevicesOfAKnownIdAreSeveralChips() throws Exception {
        Path sysfs = tmp.newFolder("sys").toPath();
        Path dev = tmp.newFolder("dev").toPath();
        function(sysfs, "0000:00:04.0", 0x1234, 0x11e8, 1 << 20);
        function(sysfs, "0000:00:05.0", 0x1234, 0x11e8, 1 << 20);
        function(sysfs, "0000:00:06.0", 0x1234, 0x11e8, 64);
        function(sysfs, "0000:00:07.0", 0x8086, 0x100e, 4096);
        // Ready once chip 1 is published (the assembly's readiness waits for chip 0 only).
        HalcyonScript script = script().with(Map.of("HALCYON_JAVA_OPTS", "-Dhalcyon.ready=(&(objectClass="
                + "io.halcyon.hal.api.platform.PlatformInfo)(halcyon.chip=1));(osgi.command.scope=hal)"
                + " -Dhalcyon.production.sysfs=" + sysfs + " -Dhalcyon.production.dev=" + dev));

        HostProcess.Result info = script.run("--platform", "production", "run", "hal:info");
        assertEquals(info.stderr(), 0, info.exitCode());
        assertTrue(info.stdout(), info.stdout().contains("PCI device 0000:00:04.0, " + sysfs.resolve("bus/pci/devices/0000:00:04.0/resource0")
                + " (1048576 bytes), waits poll (no UIO device), chip map qemu_edu"));
        assertEquals(info.stderr(), List.of("halcyon: production platform: device 0000:00:06.0: BAR 0 is 64 bytes, too small"
                + " for chip map qemu_edu, which needs 160; nothing is published for it"), platformLines(info));

        // Chip 1 is the second edu (the bus works: the benchmark runs on it); there is no chip 2.
        HostProcess.Result chips = script.run("--platform", "production", "run",
                "production:bench 1 edu.LIVENESS 100; production:bench 2 edu.LIVENESS 100");
        assertEquals(chips.stderr(), 1, chips.exitCode());
        assertTrue(chips.stdout(), chips.stdout().contains("{\"bench\": \"edu.LIVENESS\", \"count\": 100,"));
        assertTrue(chips.stderr(), chips.stderrLines().contains("halcyon: no production chip 2 (chips: [0, 1])"));
    }

    @Test
    public void theProductionHostServesTheWebConsoleWhenAskedFor() throws Exception {
        Path sysfs = tmp.newFolder("sys").toPath();
        Path dev = tmp.newFolder("dev").toPath();
        function(sysfs, "0000:00:04.0", 0x1234, 0x11e8, 1 << 20);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/halcyon/";
        HalcyonScript script = script().with(Map.of("HALCYON_CONSOLE", String.valueOf(port), "HALCYON_JAVA_OPTS",
                "-Dhalcyon.ready=(osgi.command.scope=hal) -Dhalcyon.production.sysfs=" + sysfs + " -Dhalcyon.production.dev=" + dev
                        + " -Dhalcyon.state=" + tmp.newFolder("state")));
        Path stderr = tmp.newFile("serve.err").toPath();
        Process host = script.start(stderr, "--platform", "production", "serve");
        try {
            String ready = HostProcess.awaitLine(host, l -> l.contains("web console at"), Duration.ofSeconds(90));
            assertTrue("the host says where its console is: " + ready + "; stderr: " + Files.readString(stderr),
                    ready != null && ready.contains(base));
            HttpResponse<String> chips = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(chips.body(), 200, chips.statusCode());
            assertTrue("the chips page shows the edu device on the production platform: " + chips.body(),
                    chips.body().contains("qemu_edu") && chips.body().contains("0000:00:04.0"));
        } finally {
            host.descendants().forEach(ProcessHandle::destroyForcibly);
            host.destroyForcibly();
        }
    }

    /** A PCI function as Linux shows it: ids, configuration space, and BAR 0 holding edu's identification. */
    private static void function(Path sysfs, String bdf, int vendor, int device, int barBytes) throws IOException {
        Path f = Files.createDirectories(sysfs.resolve("bus/pci/devices").resolve(bdf));
        Files.writeString(f.resolve("vendor"), String.format("0x%04x%n", vendor));
        Files.writeString(f.resolve("device"), String.format("0x%04x%n", device));
        Files.write(f.resolve("config"), ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) vendor).putShort((short) device).array());
        ByteBuffer bar = ByteBuffer.allocate(barBytes).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x0100_00ED);
        Files.write(f.resolve("resource0"), bar.array());
    }
}
