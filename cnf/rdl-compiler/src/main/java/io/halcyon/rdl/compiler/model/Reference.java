package io.halcyon.rdl.compiler.model;

/**
 * A reference-typed property value: a component ({@code property} null) or a property of one
 * ({@code a->anded}). Paths are absolute ({@code top.r1.f}); components outside the top, such as
 * signals declared at the root, have a bare name.
 */
public record Reference(String path, String property) {

    @Override
    public String toString() {
        return property == null ? path : path + "->" + property;
    }
}
