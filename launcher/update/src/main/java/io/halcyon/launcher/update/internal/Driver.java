package io.halcyon.launcher.update.internal;

import org.osgi.framework.ServiceReference;

/**
 * One driver service as the manager holds it.
 *
 * @param service the driver object, or null when its component failed to activate
 */
record Driver(ServiceReference<?> ref, ContractKey key, Object service) {

    long bundleId() {
        return ref.getBundle() == null ? -1 : ref.getBundle().getBundleId();
    }
}
