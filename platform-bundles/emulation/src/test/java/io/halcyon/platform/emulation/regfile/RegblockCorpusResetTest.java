package io.halcyon.platform.emulation.regfile;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.FieldNode;
import io.halcyon.rdl.compiler.model.RegNode;

/**
 * Every root address map of every PeakRDL-regblock corpus file becomes a register file in which every
 * register reads its reset value. The expected value is computed here from the elaborated model, not
 * from the register file: constant resets of readable fields (an alias shows its primary's), mirrored
 * for msb0 fields. Registers whose read has a side effect (rclr/rset) are not read; the file is reset
 * before each register, because reading one register may count in another (a counter on ->swacc).
 * A file the compiler cannot elaborate fails, named.
 */
@RunWith(Parameterized.class)
public class RegblockCorpusResetTest {

    private final Path file;
    private final String top;

    public RegblockCorpusResetTest(String name, Path file, String top) {
        this.file = file;
        this.top = top;
    }

    @Parameters(name = "{0}")
    public static List<Object[]> files() {
        return Corpus.regblockCases();
    }

    @Test
    public void everyRegisterReadsItsResetValue() {
        ElaboratedModel model = Corpus.elaborateOrFail(file, top);
        RegisterFileModel m = Rdl.build(model);
        int checked = 0;
        for (RegNode r : model.registers()) {
            if (r.fields().stream().noneMatch(FieldNode::swReadable)
                    || r.fields().stream().anyMatch(f -> f.swReadable() && f.onread() != null && !f.onread().equals("ruser"))) {
                continue;
            }
            long mask = 0;
            long expected = 0;
            for (FieldNode f : r.fields()) {
                Long reset = resetOf(model, r, f);
                if (f.swReadable() && reset != null) {
                    long ones = f.width() == 64 ? -1L : (1L << f.width()) - 1;
                    long bus = r.msb0() ? Long.reverse(reset & ones) >>> (64 - f.width()) : reset & ones;
                    mask |= ones << f.lsb();
                    expected |= bus << f.lsb();
                }
            }
            m.reset();
            long offset = r.absoluteAddress() - model.top().absoluteAddress();
            assertEquals(r.path(), Long.toHexString(expected), Long.toHexString(read(m, offset, r.width()) & mask));
            checked++;
        }
        System.out.println(file.getFileName() + " " + top + ": " + checked + " of " + model.registers().size()
                + " registers read their reset value, " + model.memories().size() + " memories");
    }

    /** Reads a register as the 32-bit bus would, or narrower for a narrow register. */
    private static long read(RegisterFileModel m, long offset, int widthBits) {
        if (widthBits <= 32) {
            return m.read(offset, widthBits / 8);
        }
        return m.read(offset, 4) | m.read(offset + 4, 4) << 32;
    }

    private static Long resetOf(ElaboratedModel model, RegNode r, FieldNode f) {
        if (r.aliasOf() == null) {
            return f.reset();
        }
        RegNode primary = (RegNode) model.find(r.aliasOf());
        return primary.fields().stream().filter(p -> p.instName().equals(f.instName())).findFirst()
                .map(FieldNode::reset).orElse(null);
    }
}
