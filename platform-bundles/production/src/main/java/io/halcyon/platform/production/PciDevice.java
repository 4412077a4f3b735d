package io.halcyon.platform.production;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A PCI function as Linux shows it in sysfs ({@code /sys/bus/pci/devices/<BDF>/}): its ids, its BARs as
 * {@code resourceN} files to map, its configuration space ({@code config}), and the UIO device bound to
 * it, if any. The sysfs folder is a parameter so that tests can give a folder laid out the same way.
 *
 * @param bdf domain:bus:device.function, e.g. {@code 0000:00:04.0}
 * @param folder the function's sysfs folder
 */
record PciDevice(String bdf, Path folder) {

    /** Where Linux lists PCI functions. */
    static final Path SYSFS = Path.of("/sys/bus/pci/devices");

    private static final Pattern BDF = Pattern.compile("(?:[0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");
    /** Command register bits: the function answers memory accesses; it may master the bus (DMA). */
    private static final int MEMORY_SPACE = 0x2;
    private static final int BUS_MASTER = 0x4;
    /** Command register bit: the function's INTx interrupt is disabled (uio_pci_generic sets it in its handler). */
    private static final int INTX_DISABLE = 0x400;
    private static final int COMMAND_OFFSET = 0x4;

    static boolean looksLikeBdf(String name) {
        return BDF.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** The function {@code bdf} names (domain 0000 when left out) under {@code sysfs}; it may not exist. */
    static PciDevice of(Path sysfs, String bdf) {
        String full = bdf.toLowerCase(Locale.ROOT);
        full = full.length() == 7 ? "0000:" + full : full;
        return new PciDevice(full, sysfs.resolve(full));
    }

    /** Every function under {@code sysfs} with {@code vendor:device} one of {@code ids} ("1234:11e8"), by BDF. */
    static List<PciDevice> withIds(Path sysfs, List<String> ids) throws IOException {
        List<PciDevice> found = new ArrayList<>();
        if (!Files.isDirectory(sysfs)) {
            return found;
        }
        try (Stream<Path> folders = Files.list(sysfs)) {
            for (Path folder : folders.sorted().toList()) {
                PciDevice d = new PciDevice(folder.getFileName().toString(), folder);
                if (ids.contains(d.ids())) {
                    found.add(d);
                }
            }
        }
        return found;
    }

    boolean exists() {
        return Files.isDirectory(folder);
    }

    /** {@code vendor:device} in hex, e.g. {@code 1234:11e8}; empty when sysfs does not say. */
    String ids() {
        return hex("vendor") + ":" + hex("device");
    }

    private String hex(String file) {
        try {
            return Files.readString(folder.resolve(file)).trim().replaceFirst("^0x", "").toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
    }

    Path resource(int bar) {
        return folder.resolve("resource" + bar);
    }

    /** The UIO device bound to this function ({@code uio0}), if a UIO driver such as uio_pci_generic has it. */
    Optional<String> uio() {
        try (Stream<Path> entries = Files.list(folder.resolve("uio"))) {
            return entries.map(p -> p.getFileName().toString()).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the function still answers: its sysfs folder is there and its configuration space does not
     * read all ones (what a removed or dead function returns). Reads configuration space only, never the BAR.
     */
    boolean answers() {
        try (FileChannel config = FileChannel.open(folder.resolve("config"), StandardOpenOption.READ)) {
            ByteBuffer vendor = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN);
            return config.read(vendor, 0) == 2 && vendor.getShort(0) != (short) 0xFFFF;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Lets the function answer memory accesses and master the bus (DMA), as a kernel driver's
     * pci_enable_device and pci_set_master would; firmware usually leaves bus mastering off.
     *
     * @throws IOException when the configuration space cannot be written (not root)
     */
    void enableMemoryAndBusMaster() throws IOException {
        changeCommand(MEMORY_SPACE | BUS_MASTER, 0);
    }

    /** Lets the function's INTx interrupt through again (clears INTx Disable). */
    void unmaskIntx() throws IOException {
        changeCommand(0, INTX_DISABLE);
    }

    /** Sets {@code set} and clears {@code clear} in the command register; writes only when that changes it. */
    private void changeCommand(int set, int clear) throws IOException {
        try (FileChannel config = FileChannel.open(folder.resolve("config"), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer command = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN);
            if (config.read(command, COMMAND_OFFSET) != 2) {
                throw new IOException("configuration space of " + bdf + " is too short");
            }
            short value = command.getShort(0);
            short wanted = (short) (value & ~clear | set);
            if (wanted != value) {
                command.putShort(0, wanted).rewind();
                config.write(command, COMMAND_OFFSET);
            }
        }
    }
}
