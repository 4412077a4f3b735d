/**
 * Block contract of the system-control block: chip identity, capability bits, a scratch register
 * and the chip-wide soft reset.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers (the sysctrl block bundle) {@code [1.0,1.1)}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.sysctrl;
