package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code launcher/halcyon --platform production} on a machine without the devices it looks for (this one and
 * CI's): each refusal is one line naming what is missing, the platform publishes nothing, and the host says
 * so rather than hang. A real device is QemuHitlIT's (launcher/qemu).
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
}
