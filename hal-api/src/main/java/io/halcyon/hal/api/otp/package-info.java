/**
 * Block contract of the one-time-programmable fuses: what manufacturing test burnt into the chip
 * (serial number, SKU, the HBM repair information of each stack) and the lock that closes the fuse
 * array for the rest of the power cycle.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers (the block bundle) {@code [1.0,1.1)}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.otp;
