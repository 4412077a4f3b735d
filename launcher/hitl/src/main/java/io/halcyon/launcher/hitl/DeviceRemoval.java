package io.halcyon.launcher.hitl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Takes QEMU's edu device out of the guest the way a hot unplug does: writing 0 to its slot's {@code power}
 * file makes Linux eject it through ACPI, and QEMU removes the device from the bus. What the HAL still has
 * mapped then decodes to nothing.
 */
record DeviceRemoval(String bdf, Path slotPower) {

    private static final Path DEVICES = Path.of("/sys/bus/pci/devices");
    private static final Path SLOTS = Path.of("/sys/bus/pci/slots");

    /** The edu function (1234:11e8) and its hotplug slot. */
    static DeviceRemoval ofEdu() throws IOException {
        String bdf;
        try (Stream<Path> devices = Files.list(DEVICES)) {
            bdf = devices.filter(d -> read(d.resolve("vendor")).equals("0x1234") && read(d.resolve("device")).equals("0x11e8"))
                    .map(d -> d.getFileName().toString()).findFirst()
                    .orElseThrow(() -> new IOException("no edu device (1234:11e8) in " + DEVICES));
        }
        try (Stream<Path> slots = Files.list(SLOTS)) {
            return slots.filter(s -> !read(s.resolve("address")).isEmpty() && bdf.startsWith(read(s.resolve("address"))))
                    .map(s -> new DeviceRemoval(bdf, s.resolve("power"))).findFirst()
                    .orElseThrow(() -> new IOException("no hotplug slot for " + bdf + " in " + SLOTS));
        }
    }

    void eject() throws IOException {
        Files.writeString(slotPower, "0");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
