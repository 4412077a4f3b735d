package io.halcyon.rdl.compiler.model;

import java.util.List;
import java.util.Map;

public final class SignalNode extends Node {

    public SignalNode(String instName, String path, List<Integer> arrayIndices, Map<String, Object> properties,
            Map<String, Object> userProperties) {
        super(instName, path, arrayIndices, properties, userProperties);
    }

    public int width() {
        return properties().get("signalwidth") instanceof Long l ? l.intValue() : 1;
    }

    public boolean activeLow() {
        return flag("activelow");
    }
}
