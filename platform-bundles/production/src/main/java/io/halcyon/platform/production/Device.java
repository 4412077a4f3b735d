package io.halcyon.platform.production;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One device the platform reaches, opened: its register window mapped, its UIO interrupt when a UIO
 * driver has it, and the PCI function behind it (for "does it still answer", and to enable bus mastering).
 *
 * @param name as messages name it: the BDF, or {@code uioN (BDF)}
 * @param pci the PCI function, or null for a UIO device that is not a PCI function
 * @param interrupts null when there is no UIO device: waits poll
 */
record Device(String name, MappedRegion region, PciDevice pci, UioInterrupts interrupts) {

    /** Where the platform looks: sysfs (PCI functions, UIO devices) and /dev (UIO device files). */
    record Places(Path sysfs, Path dev) {
        static final Places SYSTEM = new Places(Path.of("/sys"), Path.of("/dev"));

        Path pciDevices() {
            return sysfs.resolve("bus/pci/devices");
        }

        Path uio(String name) {
            return sysfs.resolve("class/uio").resolve(name);
        }
    }

    /** Opens {@code spec}: a BDF ({@code 0000:00:04.0} or {@code 00:04.0}) or a UIO device ({@code uio0}). */
    static Device open(String spec, int bar, Places places) throws DeviceRefusedException {
        if (spec.matches("uio[0-9]+")) {
            return openUio(spec, bar, places);
        }
        if (!PciDevice.looksLikeBdf(spec)) {
            throw new DeviceRefusedException(spec, "neither a PCI address (domain:bus:device.function, e.g. 0000:00:04.0)"
                    + " nor a UIO device (uioN)");
        }
        PciDevice pci = PciDevice.of(places.pciDevices(), spec);
        if (!pci.exists()) {
            throw new DeviceRefusedException(pci.bdf(), "no such PCI device (" + pci.folder() + " does not exist)");
        }
        MappedRegion region = mapBar(pci, bar);
        return new Device(pci.bdf(), region, pci, pci.uio().map(uio -> openInterrupts(places.dev().resolve(uio), pci)).orElse(null));
    }

    private static Device openUio(String uio, int bar, Places places) throws DeviceRefusedException {
        Path folder = places.uio(uio);
        if (!Files.isDirectory(folder)) {
            throw new DeviceRefusedException(uio, "no such UIO device (" + folder + " does not exist)");
        }
        Path file = places.dev().resolve(uio);
        Optional<PciDevice> pci = pciBehind(folder);
        Path map = folder.resolve("maps/map" + bar);
        MappedRegion region;
        String name = uio + pci.map(p -> " (" + p.bdf() + ")").orElse("");
        if (Files.isDirectory(map)) {
            // A UIO driver that exports the registers: map N is at offset N pages of the device file.
            long size = Long.decode(read(map.resolve("size"), name));
            region = mapFile(name, file, (long) bar * pageSize(), size);
        } else if (pci.isPresent()) {
            region = mapBar(pci.get(), bar); // uio_pci_generic exports no maps: the BAR's sysfs file
        } else {
            throw new DeviceRefusedException(name, "has no map " + bar + " (" + map + ") and is not a PCI device");
        }
        return new Device(name, region, pci.orElse(null), openInterrupts(file, pci.orElse(null)));
    }

    private static Optional<PciDevice> pciBehind(Path uioFolder) {
        Path device = uioFolder.resolve("device");
        try {
            Path real = device.toRealPath();
            String bdf = real.getFileName().toString();
            return PciDevice.looksLikeBdf(bdf) ? Optional.of(new PciDevice(bdf, real)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The BAR's resourceN file, mapped whole; refused in one line when it is missing, empty or not ours to open. */
    private static MappedRegion mapBar(PciDevice pci, int bar) throws DeviceRefusedException {
        Path resource = pci.resource(bar);
        long size;
        try {
            size = Files.size(resource);
        } catch (IOException e) {
            throw new DeviceRefusedException(pci.bdf(), "has no memory BAR " + bar + " (" + resource + " does not exist)");
        }
        if (size == 0) {
            throw new DeviceRefusedException(pci.bdf(), "BAR " + bar + " is empty (" + resource + ")");
        }
        return mapFile(pci.bdf(), resource, 0, size);
    }

    private static MappedRegion mapFile(String name, Path file, long offset, long size) throws DeviceRefusedException {
        try {
            return MappedRegion.map(file, offset, size);
        } catch (IOException e) {
            String hint = e.getMessage().endsWith("Permission denied")
                    ? " (the platform needs read-write access to it: run as root, or give the user the file, e.g. by a udev rule)"
                    : "";
            throw new DeviceRefusedException(name, e.getMessage() + hint);
        }
    }

    private static UioInterrupts openInterrupts(Path file, PciDevice pci) {
        try {
            return UioInterrupts.open(file, pci);
        } catch (IOException e) {
            return null; // no interrupts: waits poll, as without UIO
        }
    }

    private static String read(Path file, String name) throws DeviceRefusedException {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new DeviceRefusedException(name, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static long pageSize() {
        return 4096; // x86-64, the one architecture the native library is built for
    }

    /** Whether the device still answers; a UIO device without a PCI function is taken to. */
    boolean answers() {
        return pci == null || pci.answers();
    }

    void close() {
        region.close();
        if (interrupts != null) {
            interrupts.close();
        }
    }
}
