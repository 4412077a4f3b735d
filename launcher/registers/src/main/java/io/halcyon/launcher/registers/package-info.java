/**
 * The rules an operator surface applies to registers named by an operator: used by the {@code hal:}
 * shell commands and the web console, so both accept and refuse the same input with the same one-line
 * reasons. Pure functions over the register map and a {@link io.halcyon.hal.api.bus.RegisterBus}.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.launcher.registers;
