package io.halcyon.launcher.fleetserver;

import org.eclipse.hawkbit.autoconfigure.security.EnableHawkbitManagedSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableGlobalMethodSecurity;

/**
 * hawkBit's update server reduced to what the fleet needs: the DDI API for the host agents, the Management
 * API for the fleet command, the repository on an embedded H2 database. No UI, no DMF (AMQP). Its
 * settings are in application.properties; `launcher/halcyon fleet up` gives the port, the data folder and
 * the polling time on the command line.
 */
@SpringBootApplication
@EnableHawkbitManagedSecurityConfiguration
public class FleetServer {

    public static void main(String[] args) {
        // A local fleet's server never outlives the process that started it (launcher/halcyon fleet), even
        // when that one is killed: -Dhalcyon.fleet.parent=true makes it exit when its parent does.
        if (Boolean.getBoolean("halcyon.fleet.parent")) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        }
        SpringApplication.run(FleetServer.class, args);
    }

    /** hawkBit's management resources check their permissions with @PreAuthorize. */
    @Configuration
    @EnableGlobalMethodSecurity(prePostEnabled = true, securedEnabled = true, proxyTargetClass = true)
    public static class MethodSecurity {
    }
}
