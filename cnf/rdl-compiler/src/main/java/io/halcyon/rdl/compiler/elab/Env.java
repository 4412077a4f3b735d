package io.halcyon.rdl.compiler.elab;

import io.halcyon.rdl.compiler.ast.ComponentDef;

import java.util.HashMap;
import java.util.Map;

/**
 * The parameter scope of one elaborated definition body. {@code parent} is the environment of the
 * lexically enclosing definition, so nested types see their ancestors' parameters; {@code node} is
 * the instance whose body this is, the starting point for instance references written there.
 */
final class Env {

    final ComponentDef def;
    final Env parent;
    final Map<String, Object> params = new HashMap<>();
    ENode node;

    Env(ComponentDef def, Env parent, ENode node) {
        this.def = def;
        this.parent = parent;
        this.node = node;
    }

    Object lookupParam(String name) {
        for (Env e = this; e != null; e = e.parent) {
            if (e.params.containsKey(name)) {
                return e.params.get(name);
            }
        }
        return null;
    }

    boolean hasParam(String name) {
        for (Env e = this; e != null; e = e.parent) {
            if (e.params.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /** The environment, in this lexical chain, of the given definition (null if not in the chain). */
    Env forDef(ComponentDef d) {
        for (Env e = this; e != null; e = e.parent) {
            if (e.def == d) {
                return e;
            }
        }
        return null;
    }
}
