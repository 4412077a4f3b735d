/**
 * Block contract of the system-control block: chip identity, capability bits, a scratch register
 * and the chip-wide soft reset.
 *
 * <p>1.0.1: the contract declares its side-effect-free views ({@link io.halcyon.hal.api.view.View} on the
 * methods), which health gates compare between driver versions. Run-time annotations only: no signature
 * changed, so bundles built against 1.0.0 link unchanged (bnd's baseline reports the package CHANGED,
 * not MINOR); the micro bump says the contents differ.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers (the sysctrl block bundle) {@code [1.0,1.1)}.
 */
@org.osgi.annotation.versioning.Version("1.0.1")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.sysctrl;
