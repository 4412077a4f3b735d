package io.halcyon.rdl.compiler.ipxact;

import io.halcyon.rdl.compiler.diag.RdlException;

/** The IP-XACT schema versions the import reads, told apart by the root element's namespace. */
enum IpxactSchema {
    IEEE_1685_2009("http://www.spiritconsortium.org/XMLSchema/SPIRIT/1685-2009"),
    IEEE_1685_2014("http://www.accellera.org/XMLSchema/IPXACT/1685-2014");

    private final String namespace;

    IpxactSchema(String namespace) {
        this.namespace = namespace;
    }

    /** The schema of a document whose root is a component; anything else is an error at the root. */
    static IpxactSchema of(XmlElement root) {
        for (IpxactSchema s : values()) {
            if (s.namespace.equals(root.namespace())) {
                if (!root.name().equals("component")) {
                    throw new RdlException(root.location(), "an IP-XACT <" + root.name()
                            + "> describes no registers (expected a <component>)");
                }
                return s;
            }
        }
        throw new RdlException(root.location(), "unknown IP-XACT schema version: <" + root.name() + "> in namespace '"
                + root.namespace() + "' (supported: IEEE 1685-2014 " + IEEE_1685_2014.namespace + ", IEEE 1685-2009 "
                + IEEE_1685_2009.namespace + ")");
    }
}
