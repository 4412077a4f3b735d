package io.halcyon.rdl.compiler.expect;

import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import org.junit.Test;

import static org.junit.Assert.assertEquals;

/**
 * A generated 10,000-register description elaborates, individual instances and regfile arrays alike, to
 * the right addresses and paths. How long it takes is benchmarks/register-access's GenerationTiming (its
 * elaborate column), not a timed assertion here: that would measure the machine's load.
 */
public class LargeDescriptionTest {

    private static String generated(int regs) {
        StringBuilder sb = new StringBuilder("addrmap big {\n  reg r_t { field {} a[8] = 1; field {} b[8]; field { sw = r; hw = w; } c[16]; };\n");
        // Half as individual instances, half as arrays inside regfiles, to exercise both paths.
        for (int i = 0; i < regs / 2; i++) {
            sb.append("  r_t r").append(i).append(";\n");
        }
        sb.append("  regfile rf_t { r_t x[50]; };\n");
        sb.append("  rf_t blocks[").append(regs / 2 / 50).append("];\n");
        sb.append("  r0.a->reset = 2;\n};\n");
        return sb.toString();
    }

    @Test
    public void tenThousandRegistersElaborate() {
        String text = generated(10_000);
        ElaboratedModel m = new RdlCompiler().compileText(text, "big.rdl").elaborate(null);
        assertEquals(10_000, m.registers().size());
        assertEquals(4L * 4999, m.registers().get(4999).absoluteAddress());
        assertEquals("big.blocks[99].x[49]", m.registers().get(9999).path());
        assertEquals("dynamic assignment on one instance", 2L, m.registers().get(0).reset());
        assertEquals(1L, m.registers().get(1).reset());
    }
}
