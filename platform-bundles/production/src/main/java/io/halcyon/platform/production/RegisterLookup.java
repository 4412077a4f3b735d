package io.halcyon.platform.production;

import java.util.HashMap;
import java.util.Map;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.RegisterSpec;

/**
 * The registers of an identified chip by absolute address: what a bus error message names, and whether
 * the description says the register can read all ones ({@link RegisterSpec#canReadAllOnes()}).
 */
final class RegisterLookup {

    /** Before identification: no register is known. */
    static final RegisterLookup NONE = new RegisterLookup(Map.of());

    /** @param path the register's path in the chip ({@code edu.ID}) */
    record Entry(String path, boolean canReadAllOnes) {
    }

    private final Map<Long, Entry> byAddress;

    private RegisterLookup(Map<Long, Entry> byAddress) {
        this.byAddress = byAddress;
    }

    static RegisterLookup of(ChipModel map) {
        Map<Long, Entry> entries = new HashMap<>();
        for (BlockInstance b : map.blocks()) {
            for (RegisterSpec r : b.type().registers()) {
                entries.put(b.base() + r.offset(), new Entry(b.name() + "." + r.path(), r.canReadAllOnes()));
            }
        }
        return new RegisterLookup(Map.copyOf(entries));
    }

    /** The address of the register at {@code path} ({@code edu.LIVENESS}). */
    long address(String path) {
        return byAddress.entrySet().stream().filter(e -> e.getValue().path().equals(path)).mapToLong(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no register " + path));
    }

    /** The register starting at {@code address}, or null. */
    Entry at(long address) {
        return byAddress.get(address);
    }

    /** Bytes from 0 to the end of the map's last block: what the device's mapping must hold. */
    static long extent(ChipModel map) {
        return map.blocks().stream().mapToLong(b -> b.base() + b.size()).max().orElse(0);
    }
}
