package io.halcyon.platform.production;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A sysfs tree laid out as Linux lays out a PCI function, in the build's scratch folder: {@code vendor},
 * {@code device}, {@code config} and a {@code resource0} file standing in for BAR 0. Mapping a regular file
 * goes through the same native calls as mapping a BAR; what it cannot show is the device's side of an
 * access (QEMU's trace does that, in the HITL run).
 */
final class FakeSysfs {

    static final String EDU = "0000:00:04.0";
    /** QEMU edu's identification register: version 1.0. */
    static final int EDU_ID = 0x0100_00ED;

    final Path root;

    FakeSysfs(String test) throws IOException {
        root = Path.of(System.getProperty("halcyon.test.scratch", "target/test-scratch")).resolve(test);
        if (Files.exists(root)) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(root.resolve("bus/pci/devices"));
        Files.createDirectories(root.resolve("dev"));
    }

    Device.Places places() {
        return new Device.Places(root, root.resolve("dev"));
    }

    Path function(String bdf) {
        return root.resolve("bus/pci/devices").resolve(bdf);
    }

    /** An edu function with a BAR 0 of {@code barBytes}: the identification register set, liveness reading all ones. */
    Path edu(String bdf, int barBytes) throws IOException {
        Path f = function(bdf);
        Files.createDirectories(f);
        Files.writeString(f.resolve("vendor"), "0x1234\n");
        Files.writeString(f.resolve("device"), "0x11e8\n");
        Files.write(f.resolve("config"), new byte[] {0x34, 0x12, (byte) 0xe8, 0x11, 0, 0, 0, 0});
        ByteBuffer bar = ByteBuffer.allocate(barBytes).order(ByteOrder.LITTLE_ENDIAN);
        bar.putInt(0, EDU_ID);
        if (barBytes >= 8) {
            bar.putInt(4, -1);
        }
        Files.write(f.resolve("resource0"), bar.array());
        return f;
    }

    /** What a surprise removal looks like from the host: the function's folder goes, and its BAR reads all ones. */
    void remove(String bdf) throws IOException {
        Path f = function(bdf);
        Path bar = f.resolve("resource0");
        try (FileChannel c = FileChannel.open(bar, StandardOpenOption.WRITE)) {
            byte[] ones = new byte[(int) c.size()];
            java.util.Arrays.fill(ones, (byte) 0xFF);
            c.write(ByteBuffer.wrap(ones), 0);
        }
        for (String file : new String[] {"vendor", "device", "config"}) {
            Files.delete(f.resolve(file));
        }
    }
}
