package io.halcyon.platform.chipmodel.runtime;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.runtime.DriverGenerations.Declaration;

/** A chip is served only when every block type has a driver declaring the chip's generation. */
public class DriverGenerationsTest {

    private static final ChipModel GEN1 = Chips.chip("gen1", 0x0, 0x10, 0x484C_4359, 1);
    private static final ChipModel GEN2 = Chips.chip("gen2", 0x0, 0x10, 0x484C_4359, 2);

    private static final Declaration IDENT_BOTH = new Declaration("ident 1.0.0", "ident", Set.of(1L, 2L));
    private static final Declaration FIFO_GEN1 = new Declaration("fifo 1.0.0", "fifo", Set.of(1L));
    private static final Declaration FIFO_GEN2 = new Declaration("fifo2 1.0.0", "fifo", Set.of(2L));

    @Test
    public void eachGenerationIsServedByItsOwnDriver() {
        assertEquals(List.of(), DriverGenerations.unserved(GEN1, List.of(IDENT_BOTH, FIFO_GEN1)));
        assertEquals(List.of(), DriverGenerations.unserved(GEN2, List.of(IDENT_BOTH, FIFO_GEN2)));
    }

    @Test
    public void aGenerationOneDriverDoesNotServeGenerationTwoAndTheReverse() {
        assertEquals(List.of("block fifo (type fifo): no installed driver serves generation 2 (fifo: fifo 1.0.0 serves [1])"),
                DriverGenerations.unserved(GEN2, List.of(IDENT_BOTH, FIFO_GEN1)));
        assertEquals(List.of("block fifo (type fifo): no installed driver serves generation 1 (fifo: fifo2 1.0.0 serves [2])"),
                DriverGenerations.unserved(GEN1, List.of(IDENT_BOTH, FIFO_GEN2)));
    }

    @Test
    public void everyUnservedBlockIsNamed() {
        assertEquals(List.of("block ident (type ident): no installed driver serves generation 2 (ident: no driver installed)",
                "block fifo (type fifo): no installed driver serves generation 2 (fifo: no driver installed)"),
                DriverGenerations.unserved(GEN2, List.of()));
    }

    @Test
    public void readsTheCapabilityAttributesBndWrites() {
        // bnd writes halcyon.generation:List<Long>; a single value may come as one Long.
        assertEquals(Set.of(1L, 2L), DriverGenerations.declaration("b", Map.of("halcyon.block", "x",
                "halcyon.generation", List.of(1L, 2L))).generations());
        assertEquals(Set.of(2L), DriverGenerations.declaration("b", Map.of("halcyon.block", "x",
                "halcyon.generation", 2L)).generations());
    }
}
