/**
 * How a block contract says which of its operations are side-effect-free views of the hardware
 * ({@link io.halcyon.hal.api.view.View}) and how their answers move ({@link io.halcyon.hal.api.view.Stability}).
 * Contracts annotate their methods; health gates and tools read the annotations, so no list of method
 * names is kept anywhere else.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}. Nothing implements these types.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.view;
