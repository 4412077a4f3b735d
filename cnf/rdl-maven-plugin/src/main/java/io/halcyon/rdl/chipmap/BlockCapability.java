package io.halcyon.rdl.chipmap;

/**
 * How a block bundle says what it is: {@code Provide-Capability: halcyon.block;halcyon.block=<type>;
 * pid=<configuration PID>;rdl=<folder>}, the description's files under the folder (the generated
 * {@code <Block>Block} component declares it, see the generator's BlockComponentWriter).
 */
public final class BlockCapability {

    /** The namespace, and the attribute naming the block type. */
    public static final String NAMESPACE = "halcyon.block";
    /** Attribute: the factory configuration PID of the block's components. */
    public static final String PID = "pid";
    /** Attribute: the folder of the bundle holding the block's SystemRDL files. */
    public static final String DESCRIPTIONS = "rdl";
    /** Where block bundles carry their descriptions (block-bundles/pom.xml puts them there). */
    public static final String DESCRIPTION_FOLDER = "OSGI-INF/rdl";

    private BlockCapability() {
    }
}
