package io.halcyon.platform.chipmodel.runtime;

import java.util.List;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.IdentityWord;
import io.halcyon.platform.chipmodel.RegisterSpec;

/** Small chip maps for the tests: an identity block (ID at 0x0, VERSION at 0x4) and a FIFO block whose read pops. */
final class Chips {

    static final BlockType IDENTITY = new BlockType("ident", "io.example.block.ident", "identity", 8, List.of(
            register("ID", 0, field("ID", 0, 32, "r", null)),
            register("VERSION", 4, field("REVISION", 0, 8, "r", null), field("GENERATION", 8, 8, "r", null))), List.of());

    static final BlockType FIFO = new BlockType("fifo", "io.example.block.fifo", "a FIFO", 4, List.of(
            register("POP", 0, field("DATA", 0, 32, "r", "rclr"))), List.of());

    private Chips() {
    }

    /** A chip with the identity block at {@code identityBase} and the FIFO at {@code fifoBase}. */
    static ChipModel chip(String name, long identityBase, long fifoBase, long id, long generation) {
        return new ChipModel(name, "test chip", List.of(new BlockInstance("ident", IDENTITY, identityBase),
                new BlockInstance("fifo", FIFO, fifoBase)), List.of(
                new IdentityWord("ident.ID.ID", identityBase, 0, 32, id),
                new IdentityWord("ident.VERSION.GENERATION", identityBase + 4, 8, 8, generation)), generation);
    }

    static RegisterSpec register(String path, long offset, FieldSpec... fields) {
        return new RegisterSpec(path, offset, 32, 32, false, null, false, List.of(fields));
    }

    static FieldSpec field(String name, int lsb, int width, String sw, String onRead) {
        return new FieldSpec(name, lsb, width, 0L, sw, "w", onRead, null, false, null, null, null, null);
    }
}
