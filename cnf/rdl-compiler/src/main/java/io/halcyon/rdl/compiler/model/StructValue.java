package io.halcyon.rdl.compiler.model;

import java.util.Map;

/** A struct-typed property value. */
public record StructValue(String type, Map<String, Object> members) { }
