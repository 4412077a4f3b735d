/**
 * Platform information: which kind of platform a host is attached to, which chip instance, and what
 * the platform can do. Published by platform bundles next to each chip's
 * {@link io.halcyon.hal.api.bus.RegisterBus}, with the same {@code halcyon.chip} service property.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers {@code [1.0,1.1)}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.platform;
