package io.halcyon.hal.api.platform;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Describes the platform one chip instance is reached through. A platform bundle registers one per
 * chip instance with the service property {@code halcyon.chip}.
 */
@ProviderType
public interface PlatformInfo {

    /** Which environment this is. */
    PlatformKind kind();

    /** The chip instance, matching the {@code halcyon.chip} property of its bus. */
    int chipInstance();

    /** A one-line human description, e.g. "behavioural emulation, in-process model". */
    String description();

    /** The platform bundle's implementation version, e.g. "1.0.0". */
    String version();

    /** What this platform supports. */
    Set<PlatformCapability> capabilities();
}
