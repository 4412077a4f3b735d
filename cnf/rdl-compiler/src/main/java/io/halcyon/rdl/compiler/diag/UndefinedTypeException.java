package io.halcyon.rdl.compiler.diag;

/**
 * An instantiation names a component type that no definition in scope has. Tools that supply the
 * definitions themselves (a chip map's build takes block types from the block bundles it depends on)
 * tell their users which definition is missing and where it would come from.
 */
public final class UndefinedTypeException extends RdlException {

    private static final long serialVersionUID = 1L;

    private final String typeName;
    private final String instanceName;

    public UndefinedTypeException(SourceLocation location, String typeName, String instanceName) {
        super(location, "type '" + typeName + "' is not defined (expected a component type name)");
        this.typeName = typeName;
        this.instanceName = instanceName;
    }

    public SourceLocation location() {
        return diagnostics().get(0).location();
    }

    /** The type the source names. */
    public String typeName() {
        return typeName;
    }

    /** The instance being declared with it; null when the source does not get that far. */
    public String instanceName() {
        return instanceName;
    }
}
