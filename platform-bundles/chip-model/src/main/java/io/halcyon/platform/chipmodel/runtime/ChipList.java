package io.halcyon.platform.chipmodel.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Which platform each chip of a host is on: the framework property {@value #CHIPS}, a comma-separated
 * list in chip order of {@code platform:chipmap} ({@code verification:reference_gen1,emulation:reference_gen1}
 * is chip 0 on RTL and chip 1 emulated). An entry without a platform is emulated. Each platform takes its
 * own entries and publishes them under their chip numbers, so several platforms share one host.
 */
public final class ChipList {

    /** Framework property: the host's chips, {@code platform:chipmap} each, in chip order. */
    public static final String CHIPS = "halcyon.chips";

    /** One chip of the host. */
    public record Entry(int chip, String platform, String chipMap) {
    }

    private ChipList() {
    }

    /** The entries of {@code value} that {@code platform} serves, with their chip numbers; none for a null or blank value. */
    public static List<Entry> forPlatform(String value, String platform) {
        List<Entry> mine = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return mine;
        }
        String[] items = value.split(",");
        int chip = 0;
        for (String item : items) {
            String s = item.trim();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            String p = colon < 0 ? "emulation" : s.substring(0, colon).trim();
            String map = colon < 0 ? s : s.substring(colon + 1).trim();
            if (p.equals(platform)) {
                mine.add(new Entry(chip, p, map));
            }
            chip++;
        }
        return mine;
    }
}
