/**
 * A chip in another process, reached over a Unix domain socket with the chip-server wire protocol
 * ({@link io.halcyon.platform.chipmodel.remote.ChipProtocol}): the emulation's chip server and the
 * verification platform's Verilator simulator both serve it, and {@link io.halcyon.platform.chipmodel.remote.ChipClient}
 * is the one client both platforms use (its {@code RegisterBus}, and host memory as files both processes map).
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers {@code [1.0,1.1)}.
 */
@Export
@Version("1.0.0")
package io.halcyon.platform.chipmodel.remote;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
