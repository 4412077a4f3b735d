/**
 * Block contract of the clock-and-reset block: PLLs that lock some device time after being enabled, per-block resets and clock enables.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers (the block bundle) {@code [1.0,1.1)}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.clkrst;
