package io.halcyon.launcher.update.internal;

import java.util.Arrays;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Which services are drivers that consumers must reach through a stable service: those carrying
 * {@code halcyon.block}, registered by some other bundle than the manager. The block's
 * {@code HardwareBlock} description stays visible as it is: it is a description for tools (which
 * show the bundle and version that provide it), not a contract a workload calls, and it is
 * re-registered with each version.
 */
final class DriverServices {

    static final String HARDWARE_BLOCK = "io.halcyon.hal.api.regmap.HardwareBlock";
    /** Drivers, as a filter for the manager's own tracker. */
    static final String FILTER = "(&(" + ContractKey.BLOCK + "=*)(!(" + Constants.OBJECTCLASS + "=" + HARDWARE_BLOCK + ")))";

    /**
     * On a stable service kept for consumers pinned to a replaced version: their symbolic names. Only they
     * see it, so a consumer with a multiple reference, pinned to nothing, does not bind the held version
     * beside the new one.
     */
    static final String HELD_FOR = "halcyon.driver.heldFor";

    private final Bundle manager;

    DriverServices(Bundle manager) {
        this.manager = manager;
    }

    boolean isDriver(ServiceReference<?> ref) {
        if (ref.getProperty(ContractKey.BLOCK) == null) {
            return false;
        }
        Bundle owner = ref.getBundle();
        if (owner == null || owner.equals(manager)) {
            return false; // unregistered already, or one of our stable services
        }
        return Arrays.stream((String[]) ref.getProperty(Constants.OBJECTCLASS)).noneMatch(HARDWARE_BLOCK::equals);
    }

    /** Everyone but the manager sees stable services instead of drivers; a held stable service only its pinned consumers see. */
    boolean hiddenFrom(ServiceReference<?> ref, Bundle asker) {
        if (asker == null || asker.equals(manager)) {
            return false;
        }
        Object pinned = ref.getProperty(HELD_FOR);
        return pinned instanceof String[] names ? !Arrays.asList(names).contains(asker.getSymbolicName()) : isDriver(ref);
    }

    /** Whether {@code ref} is a stable service held for pinned consumers. */
    static boolean isHeld(ServiceReference<?> ref) {
        return ref.getProperty(HELD_FOR) != null;
    }
}
