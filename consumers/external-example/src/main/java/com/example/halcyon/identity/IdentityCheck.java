package com.example.halcyon.identity;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.halcyon.hal.api.sysctrl.ChipIdentity;
import io.halcyon.hal.api.sysctrl.SystemControl;

/**
 * A team's own consumer of the Halcyon API: the shell command {@code example:identity} prints chip 0's
 * identity as its system-control contract reads it. Its reference is an ordinary DS reference, so the
 * host's configuration can retarget or pin it ({@code sysctrl.target}) without a rebuild.
 */
@Component(service = Object.class, property = {"osgi.command.scope=example", "osgi.command.function=identity"})
public class IdentityCheck {

    @Reference(target = "(halcyon.chip=0)")
    private SystemControl sysctrl;

    public String identity() {
        ChipIdentity id = sysctrl.identity();
        return "example consumer: " + id + " (generation " + id.generation() + ")";
    }
}
