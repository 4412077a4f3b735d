package io.halcyon.rdl.compiler.corpus;

import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.diag.Diagnostic;
import io.halcyon.rdl.compiler.diag.RdlException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Every file of rdl_err_src is rejected, for every root addrmap it defines (each is a separate
 * error case in the reference tests), with diagnostics that point at file:line:column.
 */
@RunWith(Parameterized.class)
public class ErrorCorpusTest {

    /** The message the reference compiler's tests expect for each case (test_errors.py and friends). */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("err_syntax.rdl -", "mismatched input '}'"),
            Map.entry("err_compile.rdl my_design", "Could not resolve hierarchical reference to 'badpath'"),
            Map.entry("err_validate.rdl reg_overlap",
                    "Instance 'r2' at offset +0x100:0x103 overlaps with 'r1' at offset +0x100:0x103"),
            Map.entry("err_validate.rdl reg_array_overlap",
                    "Instance array 'r_array' has address stride 0x1, but the element size is 0x4"),
            Map.entry("err_validate.rdl regfile_array_overlap",
                    "Instance array 'rf_array' has address stride 0x1, but the element size is 0x100"),
            Map.entry("err_allocators1.rdl -", "Unexpected address allocation operator for non-addressable instance"),
            Map.entry("err_allocators2.rdl -", "Unexpected address allocation operator for non-addressable instance"),
            Map.entry("err_allocators3.rdl -", "Unexpected address allocation operator for non-addressable instance"),
            Map.entry("err_mem_defs.rdl -", "Definitions of 'addrmap' components not allowed inside a mem definition"),
            Map.entry("err_incomplete_struct.rdl top",
                    "Incomplete struct literal 'struct_t'. The following members are undefined: b"),
            Map.entry("err_duplicate_udp.rdl -", "property 'bool_udp' is already defined"),
            Map.entry("err_bridge.rdl illegal_wrapper", "The 'bridge' property can only be applied to the root address map"),
            Map.entry("err_bridge.rdl not_enough_addrmaps",
                    "Addrmap 'not_enough_addrmaps' is a bridge and shall contain 2 or more sub-addrmaps"),
            Map.entry("err_bridge.rdl illegal_children", "is a bridge and can only contain addrmaps"),
            Map.entry("err_ref_in_parameter.rdl parameters1", "Parameter 'PARAM' contains a reference."),
            Map.entry("err_ref_in_parameter.rdl parameters2", "Parameter 'PARAM' contains a reference."),
            Map.entry("err_reset_signals.rdl field_resets", "Signal 'reset_b' is redundant."),
            Map.entry("err_reset_signals.rdl cpuif_resets", "Signal 'reset_y' is redundant."),
            Map.entry("err_singlepulse.rdl top", "Field 'bad1' marked as 'singlepulse' shall have width of 1"),
            Map.entry("err_we_wel.rdl top",
                    "Field 'bad1' sets property 'we', but the field's 'hw' property indicates is not writable by hardware"),
            Map.entry("prop_ref_err.rdl err_missing_reset",
                    "Assignment references the value of property 'reset', but its value was never set for instance 'a'"),
            Map.entry("prop_ref_err.rdl err_circular_ref", "Assignment creates a circular reference"),
            Map.entry("prop_ref_err.rdl err_self_reset", "Field 'a' cannot reference itself in reset property"),
            Map.entry("prop_ref_err.rdl err_no_inferred",
                    "Assignment references property 'we', but the signal it represents was never defined or enabled for instance 'a'"),
            Map.entry("prop_ref_err.rdl err_not_a_counter",
                    "Reference to property 'incr' is illegal because 'a' is not a counter"),
            Map.entry("prop_ref_err.rdl err_no_counter_threshold",
                    "Reference to property 'incrthreshold' is illegal because the target field does not define any thresholds"));

    @Parameterized.Parameters(name = "{0} top={1}")
    public static List<Object[]> cases() {
        List<Object[]> out = new ArrayList<>();
        for (Path f : Corpus.rdlFiles("systemrdl-compiler/rdl_err_src")) {
            String rel = Corpus.dir().relativize(f).toString();
            List<String> tops = new ArrayList<>();
            try {
                RdlCompiler c = new RdlCompiler().compile(f);
                for (String t : c.rootAddrmaps()) {
                    // err_bridge.rdl includes the valid bridge.rdl: only its own maps are error cases.
                    if (c.definitionOf(t).file().endsWith(f.getFileName().toString())) {
                        tops.add(t);
                    }
                }
            } catch (RdlException e) {
                tops = List.of();
            }
            if (tops.isEmpty()) {
                out.add(new Object[] {rel, "-"});
            }
            for (String t : tops) {
                out.add(new Object[] {rel, t});
            }
        }
        return out;
    }

    private final String file;
    private final String top;

    public ErrorCorpusTest(String file, String top) {
        this.file = file;
        this.top = top;
    }

    @Test
    public void isRejectedWithLocation() {
        try {
            new RdlCompiler().compile(Corpus.file(file)).elaborate(top.equals("-") ? null : top);
            fail(file + " (top " + top + ") should have been rejected");
        } catch (RdlException e) {
            assertFalse(e.diagnostics().isEmpty());
            for (Diagnostic d : e.diagnostics()) {
                assertTrue("diagnostic should name an .rdl file: " + d, d.location().file().endsWith(".rdl"));
                assertTrue("diagnostic should have a line: " + d, d.location().line() > 0);
                assertTrue("diagnostic should have a column: " + d, d.location().column() > 0);
                assertTrue(d.toString().matches("^.+\\.rdl:\\d+:\\d+: .+"));
            }
            String key = Path.of(file).getFileName() + " " + top;
            String expected = EXPECTED.get(key);
            assertNotNull("no expected message recorded for " + key, expected);
            assertTrue("expected '" + expected + "' among " + e.diagnostics(),
                    e.diagnostics().stream().anyMatch(d -> d.message().contains(expected)));
        }
    }
}
