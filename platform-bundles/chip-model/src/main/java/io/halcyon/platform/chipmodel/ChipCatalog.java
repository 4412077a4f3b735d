package io.halcyon.platform.chipmodel;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The chip maps one bundle ships. Each bundle of chip maps has a generated implementation, registered
 * as a service (and listed for {@link java.util.ServiceLoader}, for processes without a framework such
 * as the emulation's chip server); platforms identify the chips they reach against every catalog they
 * see.
 */
@ConsumerType
public interface ChipCatalog {

    /** The chip maps, in the order of their description files. */
    List<ChipModel> chipMaps();
}
