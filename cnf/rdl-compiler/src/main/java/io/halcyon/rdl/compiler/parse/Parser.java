package io.halcyon.rdl.compiler.parse;

import io.halcyon.rdl.compiler.ast.CompKind;
import io.halcyon.rdl.compiler.ast.ComponentDef;
import io.halcyon.rdl.compiler.ast.EnumDef;
import io.halcyon.rdl.compiler.ast.Expr;
import io.halcyon.rdl.compiler.ast.ParamDecl;
import io.halcyon.rdl.compiler.ast.PropertyDef;
import io.halcyon.rdl.compiler.ast.Stmt;
import io.halcyon.rdl.compiler.ast.StructDef;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;
import io.halcyon.rdl.compiler.diag.UndefinedTypeException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for SystemRDL 2.0 component descriptions. It fills the given root scope:
 * named definitions go into their scope's maps, everything else into the scope's body. Type names
 * are resolved here, since SystemRDL requires a definition before its use.
 */
public final class Parser {

    private static final Set<String> INTR_MODIFIERS = Set.of("posedge", "negedge", "bothedge", "level", "nonsticky");

    private final List<Token> toks;
    private final ComponentDef root;
    private int p;
    /** {@code default} assignments of each open scope, innermost last. */
    private final Deque<Map<String, ComponentDef.DefaultEntry>> defaults = new ArrayDeque<>();

    public Parser(List<Token> toks, ComponentDef root) {
        this.toks = toks;
        this.root = root;
    }

    public void parseRoot() {
        // Root defaults persist across statements of this file only.
        defaults.push(new LinkedHashMap<>());
        while (peek().kind() != Token.Kind.EOF) {
            statement(root);
        }
        defaults.pop();
    }

    // ---------------------------------------------------------------- token helpers

    private Token peek() {
        return toks.get(p);
    }

    private Token peek(int ahead) {
        return toks.get(Math.min(p + ahead, toks.size() - 1));
    }

    private Token advance() {
        Token t = toks.get(p);
        if (t.kind() != Token.Kind.EOF) {
            p++;
        }
        return t;
    }

    private boolean accept(String s) {
        if (peek().is(s) && peek().kind() == Token.Kind.PUNCT) {
            p++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String s) {
        if (peek().kind() == Token.Kind.ID && peek().text().equals(s)) {
            p++;
            return true;
        }
        return false;
    }

    private Token expect(String s) {
        Token t = peek();
        if (t.kind() != Token.Kind.PUNCT || !t.text().equals(s)) {
            throw error(t, "mismatched input " + t.describe() + " (expected '" + s + "')");
        }
        return advance();
    }

    private String expectId(String what) {
        Token t = peek();
        if (t.kind() != Token.Kind.ID) {
            throw error(t, "mismatched input " + t.describe() + " (expected " + what + ")");
        }
        return advance().text();
    }

    private static RdlException error(Token t, String message) {
        return new RdlException(t.loc(), message);
    }

    private static RdlException error(SourceLocation loc, String message) {
        return new RdlException(loc, message);
    }

    // ---------------------------------------------------------------- statements

    private void statement(ComponentDef scope) {
        Token t = peek();
        if (accept(";")) {
            return;
        }
        if (t.kind() != Token.Kind.ID) {
            throw error(t, "mismatched input " + t.describe()
                    + " (expected a component definition, instance or property assignment)");
        }
        String w = t.text();
        switch (w) {
            case "property" -> {
                if (scope.kind() != CompKind.ROOT) {
                    throw error(t, "property definitions are only allowed in the root scope");
                }
                propertyDefinition();
                return;
            }
            case "enum" -> {
                enumDefinition(scope);
                return;
            }
            case "struct", "abstract" -> {
                structDefinition(scope);
                return;
            }
            case "constraint" -> {
                skipConstraint();
                return;
            }
            case "default" -> {
                advance();
                propAssign(scope, true);
                return;
            }
            case "external", "internal" -> {
                advance();
                Boolean ext = w.equals("external");
                if (CompKind.fromKeyword(peek().text()) != null && peek().kind() == Token.Kind.ID
                        && (peek(1).is("{") || peek(2).is("{") || peek(2).is("#"))) {
                    componentDefinition(scope, ext);
                } else {
                    explicitInstance(scope, ext, t.loc());
                }
                return;
            }
            case "alias" -> {
                explicitInstance(scope, null, t.loc());
                return;
            }
            default -> { }
        }
        if (CompKind.fromKeyword(w) != null) {
            componentDefinition(scope, null);
            return;
        }
        Token next = peek(1);
        if (next.is("->") || next.is(".") || next.is("[")) {
            dynamicAssign(scope);
        } else if (next.is("=") || next.is(";")) {
            propAssign(scope, false);
        } else if (INTR_MODIFIERS.contains(w) && next.kind() == Token.Kind.ID && (peek(2).is(";") || peek(2).is("="))) {
            propAssign(scope, false);
        } else if (next.kind() == Token.Kind.ID || next.is("#")) {
            explicitInstance(scope, null, t.loc());
        } else {
            throw error(next, "mismatched input " + next.describe() + " after '" + w
                    + "' (expected '=', ';', '->' or an instance name)");
        }
    }

    private void propAssign(ComponentDef scope, boolean isDefault) {
        SourceLocation loc = peek().loc();
        String modifier = null;
        if (INTR_MODIFIERS.contains(peek().text()) && peek(1).kind() == Token.Kind.ID) {
            modifier = advance().text();
        }
        String prop = expectId("a property name");
        Expr value = null;
        if (accept("=")) {
            value = expression();
        }
        expect(";");
        Stmt.PropAssign a = new Stmt.PropAssign(loc, prop, value, modifier, isDefault);
        if (isDefault) {
            Map<String, ComponentDef.DefaultEntry> cur = defaults.peek();
            if (cur.containsKey(prop) && cur.get(prop).scope() == scope) {
                // 5.1.3: a default may be given once per scope.
                throw error(loc, "default value for property '" + prop + "' is already set in this scope");
            }
            cur.put(prop, new ComponentDef.DefaultEntry(a, scope));
        } else {
            scope.body().add(a);
        }
    }

    private void dynamicAssign(ComponentDef scope) {
        Token start = peek();
        Expr.Ref target = reference();
        if (target.property() == null) {
            throw error(peek(), "mismatched input " + peek().describe() + " (expected '->' and a property name)");
        }
        Expr value = null;
        if (accept("=")) {
            value = expression();
        }
        expect(";");
        scope.body().add(new Stmt.DynamicAssign(start.loc(), target, target.property(), value, null));
    }

    private List<ComponentDef.DefaultEntry> snapshotDefaults() {
        Map<String, ComponentDef.DefaultEntry> merged = new LinkedHashMap<>();
        // Outer scopes first, so inner defaults replace them.
        List<Map<String, ComponentDef.DefaultEntry>> frames = new ArrayList<>(defaults);
        for (int i = frames.size() - 1; i >= 0; i--) {
            merged.putAll(frames.get(i));
        }
        return new ArrayList<>(merged.values());
    }

    private void componentDefinition(ComponentDef scope, Boolean externalPrefix) {
        Token kw = advance();
        CompKind kind = CompKind.fromKeyword(kw.text());
        String name = null;
        if (peek().kind() == Token.Kind.ID) {
            name = advance().text();
        }
        checkDefinitionAllowed(scope, kind, kw.loc());
        ComponentDef def = new ComponentDef(kind, name, kw.loc(), scope);
        if (accept("#")) {
            paramDeclarations(def);
        }
        expect("{");
        def.setDefaults(snapshotDefaults());
        defaults.push(new LinkedHashMap<>());
        while (!peek().is("}")) {
            if (peek().kind() == Token.Kind.EOF) {
                throw error(peek(), "mismatched input " + peek().describe() + " (expected '}')");
            }
            statement(def);
        }
        defaults.pop();
        expect("}");
        if (name != null) {
            if (scope.types().containsKey(name)) {
                throw error(kw.loc(), "multiple declarations of type '" + name + "' in the same scope");
            }
            scope.types().put(name, def);
        }
        Boolean ext = externalPrefix;
        if (peek().is("external") || peek().is("internal")) {
            if (ext != null) {
                throw error(peek(), "'" + peek().text() + "' given twice");
            }
            ext = advance().text().equals("external");
        }
        List<Stmt.ParamAssign> params = List.of();
        if (accept("#")) {
            params = paramAssignments();
        }
        if (accept(";")) {
            if (name == null) {
                throw error(kw.loc(), "anonymous " + kind.keyword() + " definition must be instantiated (expected an instance name)");
            }
            if (ext != null || !params.isEmpty()) {
                throw error(kw.loc(), "expected an instance name after the definition of '" + name + "'");
            }
            return;
        }
        List<Stmt.InstanceDecl> insts = instanceList(kind);
        expect(";");
        scope.body().add(new Stmt.Instantiate(kw.loc(), name, def, params, ext, null, insts));
    }

    private static void checkDefinitionAllowed(ComponentDef scope, CompKind kind, SourceLocation loc) {
        if (scope.kind() == CompKind.MEM && kind != CompKind.REG) {
            throw error(loc, "Definitions of '" + kind.keyword() + "' components not allowed inside a mem definition");
        }
        if (scope.kind() == CompKind.FIELD && kind != CompKind.SIGNAL) {
            throw error(loc, "Definitions of '" + kind.keyword() + "' components not allowed inside a field definition");
        }
        if (scope.kind() == CompKind.SIGNAL) {
            throw error(loc, "Definitions of '" + kind.keyword() + "' components not allowed inside a signal definition");
        }
        if (scope.kind() == CompKind.REG && kind != CompKind.FIELD && kind != CompKind.SIGNAL) {
            throw error(loc, "Definitions of '" + kind.keyword() + "' components not allowed inside a reg definition");
        }
        if (scope.kind() == CompKind.REGFILE && kind == CompKind.ADDRMAP) {
            throw error(loc, "Definitions of 'addrmap' components not allowed inside a regfile definition");
        }
    }

    private void explicitInstance(ComponentDef scope, Boolean ext, SourceLocation loc) {
        String aliasPrimary = null;
        if (acceptKeyword("alias")) {
            aliasPrimary = expectId("the name of the primary register");
        }
        Token typeTok = peek();
        String typeName = expectId("a component type name");
        ComponentDef def = scope.lookupType(typeName);
        if (def == null) {
            Token instance = peek();
            throw new UndefinedTypeException(typeTok.loc(), typeName,
                    instance.kind() == Token.Kind.ID ? instance.text() : null);
        }
        if (aliasPrimary != null && def.kind() != CompKind.REG) {
            throw error(typeTok, "only registers can be aliases, but '" + typeName + "' is a " + def.kind().keyword());
        }
        List<Stmt.ParamAssign> params = List.of();
        if (accept("#")) {
            params = paramAssignments();
        }
        List<Stmt.InstanceDecl> insts = instanceList(def.kind());
        expect(";");
        scope.body().add(new Stmt.Instantiate(loc, typeName, def, params, ext, aliasPrimary, insts));
    }

    private List<Stmt.InstanceDecl> instanceList(CompKind kind) {
        List<Stmt.InstanceDecl> list = new ArrayList<>();
        do {
            Token nameTok = peek();
            String name = expectId("an instance name");
            List<Stmt.ArrayDim> dims = new ArrayList<>();
            while (peek().is("[")) {
                Token open = advance();
                Expr a = expression();
                Expr b = null;
                if (accept(":")) {
                    b = expression();
                }
                expect("]");
                dims.add(new Stmt.ArrayDim(open.loc(), a, b));
            }
            Expr reset = null;
            Expr at = null;
            Expr stride = null;
            Expr align = null;
            if (accept("=")) {
                reset = expression();
            }
            if (peek().is("@")) {
                checkAddressable(kind, peek());
                advance();
                at = expression();
            }
            if (peek().is("+=")) {
                checkAddressable(kind, peek());
                advance();
                stride = expression();
            }
            if (peek().is("%=")) {
                checkAddressable(kind, peek());
                advance();
                align = expression();
            }
            list.add(new Stmt.InstanceDecl(nameTok.loc(), name, dims, reset, at, stride, align));
        } while (accept(","));
        return list;
    }

    private static void checkAddressable(CompKind kind, Token op) {
        if (!kind.addressable()) {
            throw error(op, "Unexpected address allocation operator for non-addressable instance ('" + op.text()
                    + "' on a " + kind.keyword() + ")");
        }
    }

    private void paramDeclarations(ComponentDef def) {
        expect("(");
        do {
            Token start = peek();
            List<String> words = new ArrayList<>();
            while (peek().kind() == Token.Kind.ID) {
                words.add(advance().text());
            }
            if (words.size() < 2) {
                throw error(peek(), "mismatched input " + peek().describe() + " (expected a parameter type and name)");
            }
            String name = words.remove(words.size() - 1);
            boolean array = false;
            if (accept("[")) {
                expect("]");
                array = true;
            }
            Expr dflt = null;
            if (accept("=")) {
                dflt = expression();
            }
            def.params().add(new ParamDecl(start.loc(), String.join(" ", words), array, name, dflt));
        } while (accept(","));
        expect(")");
    }

    private List<Stmt.ParamAssign> paramAssignments() {
        expect("(");
        List<Stmt.ParamAssign> list = new ArrayList<>();
        do {
            Token dot = expect(".");
            String name = expectId("a parameter name");
            expect("(");
            Expr v = expression();
            expect(")");
            list.add(new Stmt.ParamAssign(dot.loc(), name, v));
        } while (accept(","));
        expect(")");
        return list;
    }

    private void propertyDefinition() {
        Token kw = advance();
        String name = expectId("a property name");
        expect("{");
        String type = null;
        boolean array = false;
        Set<String> comps = new LinkedHashSet<>();
        Expr dflt = null;
        while (!accept("}")) {
            Token attr = peek();
            String a = expectId("'type', 'component', 'default' or 'constraint'");
            expect("=");
            switch (a) {
                case "type" -> {
                    type = expectId("a property type");
                    if (type.equals("longint") && acceptKeyword("unsigned")) {
                        type = "longint";
                    }
                    if (accept("[")) {
                        expect("]");
                        array = true;
                    }
                }
                case "component" -> {
                    do {
                        comps.add(expectId("a component type"));
                    } while (accept("|"));
                }
                case "default" -> dflt = expression();
                case "constraint" -> expectId("componentwidth");
                default -> throw error(attr, "unknown attribute '" + a + "' in property definition (expected type, component, default or constraint)");
            }
            expect(";");
        }
        expect(";");
        if (type == null) {
            throw error(kw, "property '" + name + "' has no type (expected 'type = ...;')");
        }
        if (comps.isEmpty()) {
            throw error(kw, "property '" + name + "' has no component (expected 'component = ...;')");
        }
        if (root.properties().containsKey(name)) {
            throw error(kw, "property '" + name + "' is already defined");
        }
        root.properties().put(name, new PropertyDef(kw.loc(), name, type, array, comps, dflt));
    }

    private void enumDefinition(ComponentDef scope) {
        Token kw = advance();
        String name = expectId("an enum name");
        expect("{");
        List<EnumDef.Member> members = new ArrayList<>();
        while (!accept("}")) {
            Token mt = peek();
            String mname = expectId("an enum member name");
            Expr value = null;
            if (accept("=")) {
                value = expression();
            }
            List<Stmt.PropAssign> props = new ArrayList<>();
            if (accept("{")) {
                while (!accept("}")) {
                    SourceLocation loc = peek().loc();
                    String prop = expectId("'name' or 'desc'");
                    expect("=");
                    Expr v = expression();
                    expect(";");
                    props.add(new Stmt.PropAssign(loc, prop, v, null, false));
                }
            }
            expect(";");
            members.add(new EnumDef.Member(mt.loc(), mname, value, props));
        }
        expect(";");
        if (scope.enums().containsKey(name)) {
            throw error(kw, "multiple declarations of enum '" + name + "' in the same scope");
        }
        scope.enums().put(name, new EnumDef(kw.loc(), name, members));
    }

    private void structDefinition(ComponentDef scope) {
        Token start = peek();
        boolean isAbstract = acceptKeyword("abstract");
        if (!acceptKeyword("struct")) {
            throw error(peek(), "mismatched input " + peek().describe() + " (expected 'struct')");
        }
        String name = expectId("a struct name");
        String base = null;
        if (accept(":")) {
            base = expectId("a base struct name");
        }
        expect("{");
        List<StructDef.Member> members = new ArrayList<>();
        while (!accept("}")) {
            Token mt = peek();
            String type = expectId("a member type");
            if (type.equals("longint")) {
                acceptKeyword("unsigned");
            }
            String mname = expectId("a member name");
            boolean array = false;
            if (accept("[")) {
                expect("]");
                array = true;
            }
            expect(";");
            members.add(new StructDef.Member(mt.loc(), type, mname, array));
        }
        expect(";");
        if (scope.structs().containsKey(name)) {
            throw error(start, "multiple declarations of struct '" + name + "' in the same scope");
        }
        scope.structs().put(name, new StructDef(start.loc(), name, base, isAbstract, members));
    }

    private void skipConstraint() {
        advance();
        int depth = 0;
        while (true) {
            Token t = advance();
            if (t.kind() == Token.Kind.EOF) {
                throw error(t, "unterminated constraint (expected '}')");
            }
            if (t.is("{")) {
                depth++;
            } else if (t.is("}")) {
                depth--;
                if (depth == 0) {
                    break;
                }
            }
        }
        while (!accept(";")) {
            if (peek().kind() == Token.Kind.EOF) {
                throw error(peek(), "mismatched input end of input (expected ';')");
            }
            advance();
        }
    }

    // ---------------------------------------------------------------- expressions

    private static final String[][] BINARY_LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^", "~^", "^~"}, {"&"}, {"==", "!="}, {"<", "<=", ">", ">="}, {"<<", ">>"},
        {"+", "-"}, {"*", "/", "%"}, {"**"},
    };

    public Expr expression() {
        Expr cond = binary(0);
        if (peek().is("?")) {
            Token q = advance();
            Expr a = expression();
            expect(":");
            Expr b = expression();
            return new Expr.Ternary(q.loc(), cond, a, b);
        }
        return cond;
    }

    private Expr binary(int level) {
        if (level == BINARY_LEVELS.length) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (true) {
            Token t = peek();
            if (t.kind() != Token.Kind.PUNCT || !contains(BINARY_LEVELS[level], t.text())) {
                return left;
            }
            advance();
            Expr right = binary(level + 1);
            left = new Expr.Binary(t.loc(), t.text(), left, right);
        }
    }

    private static boolean contains(String[] ops, String s) {
        for (String o : ops) {
            if (o.equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> UNARY = Set.of("!", "~", "+", "-", "&", "|", "^", "~&", "~|", "~^", "^~");

    private Expr unary() {
        Token t = peek();
        if (t.kind() == Token.Kind.PUNCT && UNARY.contains(t.text())) {
            advance();
            return new Expr.Unary(t.loc(), t.text(), unary());
        }
        return primary();
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                advance();
                return new Expr.Num(t.loc(), t.value(), t.width());
            }
            case STRING -> {
                advance();
                return new Expr.Str(t.loc(), t.text());
            }
            case ID -> {
                return identifierExpr();
            }
            case PUNCT -> {
                if (t.is("(")) {
                    advance();
                    Expr inner = expression();
                    expect(")");
                    if (peek().is("'") && peek(1).is("(")) {
                        advance();
                        advance();
                        Expr v = expression();
                        expect(")");
                        return new Expr.Cast(t.loc(), null, inner, v);
                    }
                    return inner;
                }
                if (t.is("{")) {
                    return concatenation();
                }
                if (t.is("'") && peek(1).is("{")) {
                    advance();
                    advance();
                    List<Expr> items = new ArrayList<>();
                    if (!peek().is("}")) {
                        do {
                            items.add(expression());
                        } while (accept(","));
                    }
                    expect("}");
                    return new Expr.ArrayLit(t.loc(), items);
                }
                throw error(t, "mismatched input " + t.describe() + " (expected an expression)");
            }
            default -> throw error(t, "mismatched input " + t.describe() + " (expected an expression)");
        }
    }

    private Expr concatenation() {
        Token open = expect("{");
        Expr first = expression();
        if (peek().is("{")) {
            advance();
            List<Expr> items = new ArrayList<>();
            do {
                items.add(expression());
            } while (accept(","));
            expect("}");
            expect("}");
            return new Expr.Replicate(open.loc(), first, items);
        }
        List<Expr> items = new ArrayList<>();
        items.add(first);
        while (accept(",")) {
            items.add(expression());
        }
        expect("}");
        return new Expr.Concat(open.loc(), items);
    }

    private Expr identifierExpr() {
        Token t = peek();
        String w = t.text();
        if (w.equals("true") || w.equals("false")) {
            advance();
            return new Expr.Bool(t.loc(), w.equals("true"));
        }
        if (peek(1).is("::")) {
            advance();
            advance();
            String member = expectId("an enum member name");
            return new Expr.EnumMember(t.loc(), w, member);
        }
        if (peek(1).is("'") && peek(2).is("{")) {
            advance();
            advance();
            advance();
            List<Expr.StructMemberInit> members = new ArrayList<>();
            if (!peek().is("}")) {
                do {
                    Token mt = peek();
                    String m = expectId("a struct member name");
                    expect(":");
                    members.add(new Expr.StructMemberInit(mt.loc(), m, expression()));
                } while (accept(","));
            }
            expect("}");
            return new Expr.StructLit(t.loc(), w, members);
        }
        if (peek(1).is("'") && peek(2).is("(")) {
            advance();
            advance();
            advance();
            Expr v = expression();
            expect(")");
            return new Expr.Cast(t.loc(), w, null, v);
        }
        return reference();
    }

    private Expr.Ref reference() {
        Token start = peek();
        List<Expr.Segment> path = new ArrayList<>();
        do {
            Token st = peek();
            String name = expectId("an instance name");
            List<Expr> idx = new ArrayList<>();
            while (peek().is("[")) {
                advance();
                idx.add(expression());
                expect("]");
            }
            path.add(new Expr.Segment(st.loc(), name, idx));
        } while (accept("."));
        String prop = null;
        if (accept("->")) {
            prop = expectId("a property name");
        }
        return new Expr.Ref(start.loc(), path, prop);
    }
}
