package io.halcyon.rdl.compiler;

import io.halcyon.rdl.compiler.model.AddressableNode;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.FieldNode;
import io.halcyon.rdl.compiler.model.Node;
import io.halcyon.rdl.compiler.model.RegNode;

import static org.junit.Assert.assertNotNull;

/** Small lookup helpers for tests. */
public final class Models {

    private Models() {
    }

    public static Node node(ElaboratedModel m, String path) {
        Node n = m.find(path);
        assertNotNull("no node at " + path, n);
        return n;
    }

    public static long addr(ElaboratedModel m, String path) {
        return ((AddressableNode) node(m, path)).absoluteAddress();
    }

    public static RegNode reg(ElaboratedModel m, String path) {
        return (RegNode) node(m, path);
    }

    public static FieldNode field(ElaboratedModel m, String path) {
        return (FieldNode) node(m, path);
    }

    public static ElaboratedModel text(String rdl) {
        return new RdlCompiler().compileText(rdl, "test.rdl").elaborate(null);
    }
}
