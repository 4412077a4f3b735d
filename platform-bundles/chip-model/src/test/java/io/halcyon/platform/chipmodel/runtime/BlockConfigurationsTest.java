package io.halcyon.platform.chipmodel.runtime;

import static io.halcyon.platform.chipmodel.runtime.Chips.chip;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.FieldSpec;

public class BlockConfigurationsTest {

    private final FakeConfigurationAdmin cm = new FakeConfigurationAdmin();
    private final ChipModel gen1 = chip("gen1", 0x0, 0x1000, 0x484C_4359, 1);

    @Test
    public void oneMultiLocationFactoryConfigurationPerBlockInstance() throws Exception {
        try (BlockConfigurations published = BlockConfigurations.publish(cm.admin(), gen1, 2, "emulation")) {
            assertEquals(List.of("io.example.block.ident~chip2.ident", "io.example.block.fifo~chip2.fifo"), published.pids());
            FakeConfigurationAdmin.Stored fifo = cm.byPid.get("io.example.block.fifo~chip2.fifo");
            assertEquals("io.example.block.fifo", fifo.factoryPid);
            assertEquals("not bound to one bundle: a staged driver version receives it too", "?", fifo.location);
            assertEquals(Map.of("halcyon.chip", "2", "halcyon.block", "fifo", "halcyon.block.type", "fifo",
                    "base.address", 0x1000L, "bus.target", "(&(halcyon.chip=2)(halcyon.platform=emulation))",
                    "halcyon.platform", "emulation", "halcyon.chipmap", "gen1", "halcyon.generation", 1L), asMap(fifo));
            assertArrayEquals("hardware writes the FIFO's field: no constant reset to publish", new String[0],
                    (String[]) fifo.properties.get("halcyon.resets"));
        }
        assertEquals("deleted when the platform stops", Map.of(), cm.byPid);
    }

    @Test
    public void configurationsAnEarlierRunLeftForTheChipAreReplaced() throws Exception {
        ChipModel other = new ChipModel("other", "", List.of(gen1.requireBlock("fifo")), gen1.identity());
        BlockConfigurations.publish(cm.admin(), gen1, 0, "emulation"); // never closed: a host that died
        BlockConfigurations.publish(cm.admin(), gen1, 1, "emulation");
        try (BlockConfigurations now = BlockConfigurations.publish(cm.admin(), other, 0, "emulation")) {
            assertEquals(List.of("io.example.block.fifo~chip0.fifo", "io.example.block.ident~chip1.ident",
                    "io.example.block.fifo~chip1.fifo"), List.copyOf(cm.byPid.keySet()));
            assertEquals("other", cm.byPid.get("io.example.block.fifo~chip0.fifo").properties.get("halcyon.chipmap"));
        }
    }

    @Test
    public void theInstanceResetsOfConstantFieldsAreThoseOfTheChipMap() throws Exception {
        BlockType features = new BlockType("eng", "io.example.block.eng", "an engine", 8, List.of(
                Chips.register("FEATURES", 0, new FieldSpec("BF16", 0, 1, 1L, "r", "na", null, null, false, null, null, null, null),
                        new FieldSpec("STATUS", 1, 1, 0L, "r", "w", null, null, false, null, null, null, null)),
                Chips.register("CTRL", 4, new FieldSpec("GO", 0, 1, 0L, "rw", "r", null, null, false, null, null, null, null))),
                List.of());
        ChipModel chip = new ChipModel("gen2", "", List.of(new BlockInstance("eng", features, 0x2000)), gen1.identity());
        try (BlockConfigurations published = BlockConfigurations.publish(cm.admin(), chip, 0, "emulation")) {
            assertArrayEquals("only the field no one can change, with this chip's value", new String[] {"FEATURES.BF16=0x1"},
                    (String[]) cm.byPid.get("io.example.block.eng~chip0.eng").properties.get("halcyon.resets"));
        }
    }

    private static Map<String, Object> asMap(FakeConfigurationAdmin.Stored stored) {
        Map<String, Object> m = new TreeMap<>();
        for (String key : Collections.list(stored.properties.keys())) {
            if (!key.equals("halcyon.resets")) { // an array, compared on its own
                m.put(key, stored.properties.get(key));
            }
        }
        return m;
    }
}
