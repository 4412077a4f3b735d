package io.halcyon.platform.chipmodel.runtime;

import static io.halcyon.platform.chipmodel.runtime.Chips.chip;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;

import io.halcyon.hal.api.bus.SlaveErrorException;
import io.halcyon.platform.chipmodel.ChipModel;

public class KnownChipMapsTest {

    private final ChipModel gen1 = chip("gen1", 0x0, 0x1000, 0x484C_4359, 1);
    private final ChipModel moved = chip("moved", 0x2000, 0x3000, 0x484C_4359, 2);
    private final KnownChipMaps known = new KnownChipMaps(List.of(gen1, moved));

    @Test
    public void theMapWhoseIdentityReadsIsTheChip() throws Exception {
        ProbeBus bus = new ProbeBus().word(0x2000, 0x484C_4359).word(0x2004, 0x0200);
        assertSame(moved, known.identify(bus, 0));
        // Each identity word once; gen1's words decode nowhere on this chip, which only rules gen1 out.
        assertEquals(List.of(0x0L, 0x4L, 0x2000L, 0x2004L), bus.reads);
    }

    @Test
    public void aChipOfNoKnownMapIsRefusedInOneLineNamingWhatItRead() {
        ProbeBus bus = new ProbeBus().word(0x0, 0x1234_5678).word(0x4, 0x0101);
        UnidentifiedChipException e = assertThrows(UnidentifiedChipException.class, () -> known.identify(bus, 3));
        assertEquals("chip 3: identity ident.ID.ID=0x12345678 ident.VERSION.GENERATION=0x1 matches no chip map"
                + " (known: gen1, moved)", e.getMessage());
    }

    @Test
    public void aPathReadAtTwoPlacesIsNamedWithItsAddress() {
        ProbeBus bus = new ProbeBus().word(0x0, 7).word(0x4, 0).word(0x2000, 8).word(0x2004, 0);
        UnidentifiedChipException e = assertThrows(UnidentifiedChipException.class, () -> known.identify(bus, 0));
        assertEquals("chip 0: identity ident.ID.ID@0x0=0x7 ident.ID.ID@0x2000=0x8 ident.VERSION.GENERATION@0x4=0x0"
                + " ident.VERSION.GENERATION@0x2004=0x0 matches no chip map (known: gen1, moved)", e.getMessage());
    }

    @Test
    public void aChipWhereNothingAnswersIsRefusedSayingSo() {
        UnidentifiedChipException e = assertThrows(UnidentifiedChipException.class, () -> known.identify(new ProbeBus(), 0));
        assertEquals("chip 0: identity (no identity field answers) matches no chip map (known: gen1, moved)", e.getMessage());
    }

    @Test
    public void aBusFailureOtherThanADecodeErrorIsNotANonMatch() {
        ProbeBus bus = new ProbeBus() {
            @Override
            public int read32(long address) {
                throw new SlaveErrorException(address, "read32");
            }
        };
        assertThrows(SlaveErrorException.class, () -> known.identify(bus, 0));
    }

    @Test
    public void mapsThatReadAlikeCannotBeKnownTogether() {
        ChipModel twin = chip("twin", 0x0, 0x5000, 0x484C_4359, 1);
        ChipMapConflictException e = assertThrows(ChipMapConflictException.class, () -> new KnownChipMaps(List.of(gen1, twin)));
        assertEquals("chip maps gen1 and twin have the same identity (ident.ID.ID=0x484c4359"
                + " ident.VERSION.GENERATION=0x1): a chip of one reads as the other", e.getMessage());
        assertEquals(List.of("gen1", "twin"), List.of(e.first(), e.second()));
    }

    @Test
    public void anIdentityWordOnAnotherMapsReadSideEffectIsRefused() {
        // fifo sits at 0x2000 here, where "moved" keeps its ID: probing for "moved" would pop the FIFO.
        ChipModel popper = chip("popper", 0x0, 0x2000, 0x484C_4359, 3);
        ChipMapConflictException e = assertThrows(ChipMapConflictException.class, () -> new KnownChipMaps(List.of(popper, moved)));
        assertEquals("identifying a chip as moved reads ident.ID.ID at 0x2000, where a register of popper has read side effects",
                e.getMessage());
    }

    @Test
    public void aMapIsFoundByNameAndAMissingOneNamesTheKnown() {
        assertSame(gen1, known.named("gen1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> known.named("gen9"));
        assertEquals("no chip map gen9 (known: gen1, moved)", e.getMessage());
    }

    @Test
    public void sideEffectsAreTheDescriptions() {
        assertFalse(gen1.readHasSideEffects(0x0));
        assertEquals(true, gen1.readHasSideEffects(0x1000));
        assertFalse("nothing decodes there", gen1.readHasSideEffects(0x9000));
    }
}
