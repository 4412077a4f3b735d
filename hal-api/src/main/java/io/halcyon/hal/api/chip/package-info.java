/**
 * Where a service sits: the property names that tie a service to a chip instance and a block
 * instance, typed once for every bundle. Platforms publish, per chip and per block instance of the
 * chip's map, a block configuration with these properties; block drivers receive it through
 * Configuration Admin and their services carry it, so consumers select a chip's services by filter.
 *
 * <p>1.1.0: the chip's generation ({@link io.halcyon.hal.api.chip.ChipProperties#GENERATION}) and the
 * annotation with which drivers declare the generations they serve ({@link io.halcyon.hal.api.chip.ServesGenerations}).
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers {@code [1.0,1.1)}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.chip;
