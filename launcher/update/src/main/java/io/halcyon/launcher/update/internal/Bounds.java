package io.halcyon.launcher.update.internal;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;

/**
 * How long each phase of an update may take before it counts as failed. Framework properties
 * {@code halcyon.update.<name>.ms} override the defaults.
 *
 * @param inFlightNanos for calls in flight to return once the block is quiesced
 * @param driverNanos for the new version's drivers to register
 * @param gateNanos for the health gate's register description to appear
 * @param callerNanos how long a caller waits on a quiesced block before its call fails; far longer
 *     than a switch may hold it (the drain's own bound included), so a caller only ever fails when
 *     the manager itself went wrong
 * @param refreshNanos for an API update's refresh to complete, and then for every contract to be
 *     served again by the restarted drivers
 */
record Bounds(long inFlightNanos, long driverNanos, long gateNanos, long callerNanos, long refreshNanos) {

    static Bounds from(BundleContext context) {
        return new Bounds(millis(context, "inflight", 2_000), millis(context, "driver", 5_000), millis(context, "gate", 5_000),
                millis(context, "caller", 60_000), millis(context, "refresh", 60_000));
    }

    private static long millis(BundleContext context, String name, long defaultMillis) {
        String configured = context.getProperty("halcyon.update." + name + ".ms");
        long ms = configured == null ? defaultMillis : Long.parseLong(configured.trim());
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
