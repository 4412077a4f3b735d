package io.halcyon.rdl.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.halcyon.rdl.generator.RdlGeneration;

/**
 * The register contract of a block and the check of a bundle version against its baseline, on real
 * descriptions elaborated by the compiler: each kind of breaking change (a field removed, narrowed, its
 * access changed, a register moved) needs the next major version, an addition the next minor one; the
 * check fails without the bump and passes with it.
 */
public class RegisterContractTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String BLOCK = """
            addrmap blk {
                default regwidth = 32;
                reg {
                    field { sw = rw; hw = r; } EN[0:0] = 0;
                    field { sw = rw; hw = r; } DIV[7:4] = 0;
                    field { sw = r; hw = w; } BUSY[8:8] = 0;
                } CTRL @ 0x0;
                reg {
                    field { sw = r; hw = w; } COUNT[15:0] = 0;
                } STATUS @ 0x4;
            };
            """;

    private RegisterContract base;

    @Before
    public void baseline() {
        base = contract(BLOCK, "1.0.0");
    }

    @Test
    public void theTextFormRoundTrips() {
        assertEquals(base, RegisterContract.parse(base.text()));
        assertTrue(base.text(), base.text().contains("\nCTRL.DIV [7:4] sw=rw hw=r\n"));
        assertTrue(base.text(), base.text().contains("\nSTATUS 0x4 32\n"));
    }

    @Test
    public void anUnchangedDescriptionNeedsNoBump() {
        ContractCheck check = ContractCheck.of(base, contract(BLOCK, ""), "1.0.0-SNAPSHOT");
        assertEquals(List.of(), check.changes());
        assertTrue(check.problem(), check.follows());
    }

    @Test
    public void aRemovedFieldIsMajor() {
        assertMajor(BLOCK.replace("field { sw = rw; hw = r; } EN[0:0] = 0;", ""), "MAJOR field CTRL.EN removed");
    }

    @Test
    public void aNarrowedFieldIsMajor() {
        assertMajor(BLOCK.replace("DIV[7:4]", "DIV[5:4]"), "MAJOR field CTRL.DIV narrowed or moved from [7:4] to [5:4]");
    }

    @Test
    public void aChangedAccessIsMajor() {
        assertMajor(BLOCK.replace("field { sw = rw; hw = r; } EN", "field { sw = r; hw = r; } EN"),
                "MAJOR field CTRL.EN access changed from sw=rw hw=r to sw=r hw=r");
    }

    @Test
    public void aMovedRegisterIsMajor() {
        assertMajor(BLOCK.replace("STATUS @ 0x4", "STATUS @ 0x8"), "MAJOR register STATUS moved from 0x4 to 0x8");
    }

    @Test
    public void aNewFieldOrRegisterIsMinor() {
        String added = BLOCK.replace("} STATUS @ 0x4;", "    field { sw = r; hw = w; } LEVEL[19:16] = 0;\n    } STATUS @ 0x4;\n"
                + "    reg { field { sw = rw; hw = r; } V[7:0] = 0; } SCRATCH @ 0xC;");
        RegisterContract now = contract(added, "");
        ContractCheck without = ContractCheck.of(base, now, "1.0.0-SNAPSHOT");
        assertEquals(List.of("MINOR field STATUS.LEVEL added", "MINOR register SCRATCH added"),
                without.changes().stream().map(Object::toString).toList());
        assertEquals("1.1.0", without.suggested());
        assertFalse("without the minor bump the build fails", without.follows());
        assertEquals("version 1.0.0-SNAPSHOT does not follow the register contract's compatible changes since 1.0.0: it needs at least 1.1.0",
                without.problem());
        assertTrue("with it, it passes", ContractCheck.of(base, now, "1.1.0-SNAPSHOT").follows());
        assertTrue("a major bump is more than enough", ContractCheck.of(base, now, "2.0.0").follows());
    }

    private void assertMajor(String changed, String expected) {
        RegisterContract now = contract(changed, "");
        ContractCheck without = ContractCheck.of(base, now, "1.1.0-SNAPSHOT");
        assertEquals(expected, without.changes().get(0).toString());
        assertEquals("2.0.0", without.suggested());
        assertFalse("a minor bump is not enough for a breaking change", without.follows());
        assertTrue(without.problem(), without.problem().endsWith("breaking changes since 1.0.0: it needs at least 2.0.0"));
        assertTrue("with the major bump it passes", ContractCheck.of(base, now, "2.0.0-SNAPSHOT").follows());
        assertTrue(without.lines("blk").contains("blk register contract: " + expected));
    }

    private RegisterContract contract(String rdl, String version) {
        try {
            Path dir = tmp.newFolder().toPath();
            Files.writeString(dir.resolve("blk.rdl"), rdl);
            return RegisterContract.of(RdlGeneration.elaborate(dir), version);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
