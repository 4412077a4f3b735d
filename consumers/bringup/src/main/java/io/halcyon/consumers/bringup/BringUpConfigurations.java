package io.halcyon.consumers.bringup;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;

/**
 * One {@link ChipBringUp} per chip the host has: for every chip a platform publishes (its
 * {@link PlatformInfo}), a factory configuration named {@code chip<N>} whose reference targets all
 * name that chip; it is deleted when the chip goes. The configurations are multi-location ({@code ?})
 * so that a new revision of this bundle receives them too.
 */
@Component(immediate = true)
public class BringUpConfigurations {

    private final ConfigurationAdmin admin;
    /** By chip instance; guarded by this. */
    private final Map<String, Configuration> published = new HashMap<>();

    @Activate
    public BringUpConfigurations(@Reference ConfigurationAdmin admin) {
        this.admin = admin;
    }

    @Reference(service = PlatformInfo.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addChip(Map<String, Object> properties) {
        String chip = String.valueOf(properties.get(ChipProperties.CHIP));
        if (published.containsKey(chip)) {
            return;
        }
        try {
            Configuration c = admin.getFactoryConfiguration(ChipBringUp.PID, "chip" + chip, "?");
            c.updateIfDifferent(properties(Integer.parseInt(chip)));
            published.put(chip, c);
        } catch (IOException | RuntimeException e) {
            System.err.println("halcyon: bring-up of chip " + chip + " not configured: " + e.getMessage());
        }
    }

    synchronized void removeChip(Map<String, Object> properties) {
        delete(String.valueOf(properties.get(ChipProperties.CHIP)));
    }

    /** What the chip's bring-up needs: its chip number and every reference's target on that chip. */
    static Dictionary<String, Object> properties(int chip) {
        String filter = ChipProperties.chipFilter(chip);
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(ChipProperties.CHIP, String.valueOf(chip));
        for (String reference : ChipBringUp.CHIP_REFERENCES) {
            p.put(reference + ".target", filter);
        }
        p.put(ChipBringUp.DMA_REGISTERS + ".target", "(&" + filter + "(" + HardwareBlock.BLOCK + "=dma))");
        return p;
    }

    @Deactivate
    synchronized void deactivate() {
        for (String chip : Map.copyOf(published).keySet()) {
            delete(chip);
        }
    }

    private void delete(String chip) {
        Configuration c = published.remove(chip);
        if (c == null) {
            return;
        }
        try {
            c.delete();
        } catch (IOException | IllegalStateException e) {
            System.err.println("halcyon: bring-up configuration of chip " + chip + " not deleted: " + e.getMessage());
        }
    }
}
