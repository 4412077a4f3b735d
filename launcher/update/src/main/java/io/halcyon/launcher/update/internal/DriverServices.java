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

    /** Everyone but the manager sees stable services instead of drivers. */
    boolean hiddenFrom(ServiceReference<?> ref, Bundle asker) {
        return asker != null && !asker.equals(manager) && isDriver(ref);
    }
}
