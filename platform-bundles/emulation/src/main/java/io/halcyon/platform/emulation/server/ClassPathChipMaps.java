package io.halcyon.platform.emulation.server;

import java.util.List;
import java.util.ServiceLoader;

import io.halcyon.platform.chipmodel.ChipCatalog;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.runtime.KnownChipMaps;
import io.halcyon.platform.emulation.EmulationPlatform;

/**
 * The chip maps a process without a framework knows (the chip server, tests): those of the
 * {@link ChipCatalog}s on its class path, which each chip maps bundle lists for {@link ServiceLoader}.
 */
public final class ClassPathChipMaps {

    private ClassPathChipMaps() {
    }

    /** Every chip map on the class path. */
    public static KnownChipMaps known() {
        List<ChipCatalog> catalogs = ServiceLoader.load(ChipCatalog.class, ClassPathChipMaps.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        return KnownChipMaps.of(catalogs);
    }

    /**
     * The one chip map {@code name} names; unset or blank means {@value EmulationPlatform#DEFAULT_CHIPS}.
     *
     * @throws IllegalArgumentException naming the known maps when there is none of that name, or when
     *     {@code name} is a list (a chip server runs one chip)
     */
    public static ChipModel named(String name) {
        String n = name == null || name.isBlank() ? EmulationPlatform.DEFAULT_CHIPS : name.trim();
        if (n.contains(",")) {
            throw new IllegalArgumentException("a chip server runs one chip; HALCYON_CHIPS names several (" + n + ")");
        }
        return known().named(n);
    }
}
