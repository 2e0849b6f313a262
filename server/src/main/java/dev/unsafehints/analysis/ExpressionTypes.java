package dev.unsafehints.analysis;

import dev.unsafehints.analysis.types.Ty;
import dev.unsafehints.analysis.types.TypeParser;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.workspace.DeclaredFn;
import dev.unsafehints.workspace.TypeShapes;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The types of expressions inside a function body, as far as the declarations tell them: locals and
 * parameters as declared or as their initializer's type, `self`, fields through chains (the struct's
 * generic arguments substituted), tuple fields, indexing, `*`, `&`, casts, `?`, block values, and
 * the return types of the functions and methods that calls resolve to (the impl's generics bound
 * from the receiver's type). An expression it cannot follow is {@link Ty#UNKNOWN}; the analysis
 * then stays as it was without the model.
 */
final class ExpressionTypes {
    private static final int MAX_DEPTH = 48; // long method chains: `a.b().c().d()..`
    private static final int MAX_DEREFS = 8; // `Deref` chains, cyclic ones included
    private static final int MAX_ALIASES = 8; // `type A = B; type B = A;` stops here
    private static final java.util.Set<String> INTEGERS = java.util.Set.of("u8", "u16", "u32", "u64", "u128", "usize",
            "i8", "i16", "i32", "i64", "i128", "isize");

    private final Scopes scopes;
    private final CallResolver resolver;
    private final Supplier<Ty> selfValue;
    private final Supplier<Ty> selfType;
    private final Supplier<List<String>> module;
    private final Supplier<GenericBounds> bounds;
    private final FileModel file;
    private ThreadLocalKeys threadLocals; // read from the file's tokens when a name first needs it
    private Map<String, TypeShapes.Struct> bodyStructs; // read from the file's tree when a fn body may declare one
    private Map<String, Integer> structsWritten; // how often the file's tokens write `struct NAME`
    private final Map<Binding, Ty> bindingTypes = new IdentityHashMap<>();
    private final Map<RustParser.ExpressionContext, Ty> memo = new IdentityHashMap<>();
    /** Above 0 while an expression is read with names bound only for that reading (a `match` arm's): nothing is memoized. */
    private int speculative;
    private final Map<String, TypeShapes.Struct> structs = new HashMap<>();
    private int depth;

    /**
     * @param selfValue the type of `self` in the current fn (`&Self` for `&self`), unknown outside methods
     * @param selfType  the enclosing impl's self type, unknown outside impls
     * @param bounds    the trait bounds of the generic parameters in scope
     * @param file      the file (its `thread_local!` keys, and the structs of its fn bodies and their impls)
     */
    ExpressionTypes(Scopes scopes, CallResolver resolver, Supplier<Ty> selfValue, Supplier<Ty> selfType,
                    Supplier<List<String>> module, Supplier<GenericBounds> bounds,
                    FileModel file) {
        this.file = file;
        this.scopes = scopes;
        this.resolver = resolver;
        this.selfValue = selfValue;
        this.selfType = selfType;
        this.module = module;
        this.bounds = bounds;
    }

    /** The type of {@code e}, or unknown. */
    Ty of(RustParser.ExpressionContext e) {
        if (e == null || depth > MAX_DEPTH) {
            return Ty.UNKNOWN;
        }
        Ty known = speculative > 0 ? null : memo.get(e);
        if (known != null) {
            return known;
        }
        depth++;
        try {
            Ty t = unalias(compute(e)); // `p: NodePtr<T>` is a `*mut Node<T>` to every question asked of it
            if (speculative == 0) {
                memo.put(e, t);
            }
            return t;
        } catch (RuntimeException tooDeep) {
            return Ty.UNKNOWN; // a StackOverflowError is no RuntimeException: DeepStack guards the walk
        } finally {
            depth--;
        }
    }

    /** The type of a local binding: as declared, else as its initializer's (see {@link Binding#typeText()}). */
    Ty ofBinding(Binding b) {
        if (b == null || b.typeText() == null) {
            return Ty.UNKNOWN;
        }
        return bindingTypes.computeIfAbsent(b,
                x -> withSelf(withParameterAssocs(x.typeText(), TypeParser.parse(x.typeText()))));
    }

    private Ty compute(RustParser.ExpressionContext e) {
        if (e instanceof RustParser.ParenthesizedExprContext p) {
            return of(p.nested().expression());
        }
        RustParser.ExpressionContext tail = PointerEvidence.blockValue(e);
        if (tail != null) {
            return of(tail);
        }
        if (e instanceof RustParser.BlockLikeExprContext b && b.blockLikeExpression() instanceof RustParser.MatchExprContext m) {
            return matchValue(m);
        }
        if (e instanceof RustParser.BlockLikeExprContext b && b.blockLikeExpression() instanceof RustParser.IfExprContext i) {
            return firstKnown(branches(i.ifExpression(), new ArrayList<>()));
        }
        if (e instanceof RustParser.PathExprContext p) {
            return path(p);
        }
        if (e instanceof RustParser.FieldExprContext f) {
            return field(of(f.expression()), f.getChild(2).getText());
        }
        if (e instanceof RustParser.TupleIndexPairExprContext t) {
            String[] parts = t.FLOAT_LITERAL().getText().split("\\.");
            Ty base = of(t.expression());
            for (String part : parts) {
                base = field(base, part);
            }
            return base;
        }
        if (e instanceof RustParser.DerefExprContext d) {
            return derefOnce(of(d.expression()));
        }
        if (e instanceof RustParser.BorrowExprContext b) {
            Ty inner = of(b.expression());
            boolean mutable = b.KW_MUT() != null;
            if (b.KW_RAW() != null) {
                return new Ty.Ptr(mutable, inner);
            }
            Ty ref = new Ty.Ref(mutable, inner);
            return b.getStart().getText().equals("&&") ? new Ty.Ref(false, ref) : ref;
        }
        if (e instanceof RustParser.CastExprContext c) {
            String target = spaced(c.castType());
            return withSelf(withParameterAssocs(target, TypeParser.parse(target)));
        }
        if (e instanceof RustParser.TryExprContext t) {
            Ty inner = peelReferences(of(t.expression()));
            return inner.is("Option") || inner.is("Result") ? ((Ty.Named) inner).arg(0) : Ty.UNKNOWN;
        }
        if (e instanceof RustParser.IndexExprContext ix) {
            return index(of(ix.expression()), ix.nested().expression());
        }
        if (e instanceof RustParser.MethodCallExprContext m) {
            return methodResult(m);
        }
        if (e instanceof RustParser.CallExprContext c) {
            return callResult(c);
        }
        if (e instanceof RustParser.StructExprContext s && s.pathInExpression() != null) {
            return withSelf(TypeParser.parse(s.pathInExpression().getText().replaceAll("::<.*", "")));
        }
        if (e instanceof RustParser.TupleExprContext t) {
            List<Ty> elements = new ArrayList<>();
            for (RustParser.NestedContext n : t.nested()) {
                elements.add(of(n.expression()));
            }
            return new Ty.Tuple(elements);
        }
        if (e instanceof RustParser.AdditiveExprContext || e instanceof RustParser.MultiplicativeExprContext
                || e instanceof RustParser.ShiftExprContext || e instanceof RustParser.BitAndExprContext
                || e instanceof RustParser.BitOrExprContext || e instanceof RustParser.BitXorExprContext) {
            // std's integer operators keep their left operand's type (`a + 1`, `x << 2`)
            Ty left = of((RustParser.ExpressionContext) e.getChild(0));
            return left instanceof Ty.Named n && INTEGERS.contains(n.name()) && n.path().size() == 1 ? left : Ty.UNKNOWN;
        }
        if (e instanceof RustParser.MacroInvocationExprContext m) {
            List<RustParser.SimplePathSegmentContext> s = m.macroInvocation().simplePath().simplePathSegment();
            String name = s.get(s.size() - 1).getText();
            return name.equals("addr_of") ? new Ty.Ptr(false, Ty.UNKNOWN)
                    : name.equals("addr_of_mut") ? new Ty.Ptr(true, Ty.UNKNOWN) : Ty.UNKNOWN;
        }
        return Ty.UNKNOWN;
    }

    /**
     * The type of the first branch whose type is known: rustc makes every branch of a `match` or an
     * `if` one type, and a branch that diverges (`return`, `panic!()`) or that the model cannot read
     * says nothing about it.
     */
    private Ty firstKnown(List<RustParser.ExpressionContext> branches) {
        for (RustParser.ExpressionContext branch : branches) {
            Ty t = of(branch);
            if (t.isKnown()) {
                return t;
            }
        }
        return Ty.UNKNOWN;
    }

    /**
     * A `match`'s value: its first arm whose type is known, each arm's body read with the names its
     * pattern binds in scope (a name the arm binds is not the outer local of that name); a name bound
     * as `Some(x)`, `Ok(x)`, `Err(x)` or `x` gets its type from the scrutinee's, any other is unknown.
     */
    private Ty matchValue(RustParser.MatchExprContext m) {
        Ty scrutinee = null;
        for (RustParser.MatchArmContext arm : m.matchArm()) {
            List<String> names = new ArrayList<>();
            boundNames(arm.pattern(), names, 0);
            if (names.isEmpty()) {
                Ty t = of(arm.matchArmBody().expression());
                if (t.isKnown()) {
                    return t;
                }
                continue;
            }
            if (scrutinee == null) {
                scrutinee = of(m.scrutinee().expression());
            }
            Ty bound = names.size() == 1 ? simpleBinding(arm.pattern(), scrutinee) : Ty.UNKNOWN;
            scopes.push();
            speculative++;
            try {
                for (String name : names) {
                    scopes.bind(bound.isKnown() ? new Binding(name, bound instanceof Ty.Ptr, bound.display(), null, null)
                            : Binding.unknown(name, null));
                }
                Ty t = of(arm.matchArmBody().expression());
                if (t.isKnown()) {
                    return t;
                }
            } finally {
                speculative--;
                scopes.pop();
            }
        }
        return Ty.UNKNOWN;
    }

    /** The type of the one name `Some(x)`, `Ok(x)`, `Err(x)` or `x` binds against {@code scrutinee}; else unknown. */
    private static Ty simpleBinding(RustParser.PatternContext pattern, Ty scrutinee) {
        if (pattern.patternNoTopAlt().size() != 1
                || !(pattern.patternNoTopAlt(0) instanceof RustParser.SimplePatternContext sp)) {
            return Ty.UNKNOWN;
        }
        if (sp.patternWithoutRange() instanceof RustParser.IdentifierPatContext id && id.patternNoTopAlt() == null
                && id.KW_REF() == null) {
            return scrutinee;
        }
        if (!(sp.patternWithoutRange() instanceof RustParser.TupleStructPatContext ts) || ts.pattern().size() != 1
                || !(scrutinee instanceof Ty.Named n) || !ts.pattern(0).getText().matches("\\w+")) {
            return Ty.UNKNOWN; // a reference scrutinee binds by reference: left to the walk's patterns
        }
        String variant = ts.pathInExpression().getText();
        if (n.is("Option") && (variant.equals("Some") || variant.endsWith("::Some"))
                || n.is("Result") && (variant.equals("Ok") || variant.endsWith("::Ok"))) {
            return n.arg(0);
        }
        return n.is("Result") && (variant.equals("Err") || variant.endsWith("::Err")) ? n.arg(1) : Ty.UNKNOWN;
    }

    /** The names a pattern binds (identifier patterns and shorthand struct fields), bounded in depth. */
    private static void boundNames(org.antlr.v4.runtime.ParserRuleContext node, List<String> into, int depth) {
        if (depth > 64) {
            into.add("_"); // too deep to tell: the arm stays unknown (no local is named `_`)
            return;
        }
        if (node instanceof RustParser.IdentifierPatContext id
                && !Character.isUpperCase(id.identifier().getText().charAt(0))) { // `None`, `MAX`: no binding
            into.add(id.identifier().getText());
        } else if (node instanceof RustParser.StructPatternFieldContext f && f.pattern() == null && f.identifier() != null) {
            into.add(f.identifier().getText());
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            if (node.getChild(i) instanceof org.antlr.v4.runtime.ParserRuleContext c) {
                boundNames(c, into, depth + 1);
            }
        }
    }

    /** The value expressions of an `if`'s blocks (none for an `if` without `else`: its value is `()`). */
    private static List<RustParser.ExpressionContext> branches(RustParser.IfExpressionContext i,
                                                               List<RustParser.ExpressionContext> into) {
        if (i.KW_ELSE() == null) {
            return into;
        }
        for (RustParser.BlockExpressionContext block : i.blockExpression()) {
            RustParser.ExpressionContext value = PointerEvidence.valueOf(block);
            if (value != null) {
                into.add(value);
            }
        }
        if (i.ifExpression() != null) {
            branches(i.ifExpression(), into);
        }
        return into;
    }

    /** A type's text with its tokens spaced as written, so that `*const u8` does not read `*constu8`. */
    static String spaced(org.antlr.v4.runtime.ParserRuleContext node) {
        StringBuilder sb = new StringBuilder();
        collect(node, sb);
        return sb.toString().trim();
    }

    private static void collect(org.antlr.v4.runtime.tree.ParseTree node, StringBuilder sb) {
        if (node instanceof org.antlr.v4.runtime.tree.TerminalNode t) {
            sb.append(t.getText()).append(' ');
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            collect(node.getChild(i), sb);
        }
    }

    private Ty path(RustParser.PathExprContext p) {
        List<RustParser.PathExprSegmentContext> segments = p.pathInExpression().pathExprSegment();
        if (segments.size() != 1) {
            return Ty.UNKNOWN; // a constant or static by path: not modelled
        }
        String name = segments.get(0).getText();
        if (name.equals("self")) {
            return selfValue.get();
        }
        Binding b = scopes.lookup(name);
        if (b != null) {
            return ofBinding(b);
        }
        Ty key = threadLocals().key(name); // `thread_local!(static NAME: T = ..)` in this file
        if (key.isKnown()) {
            return key;
        }
        String declared = resolver.crate().staticType(name); // a static or constant of the crate
        return declared == null ? Ty.UNKNOWN : TypeParser.parse(declared);
    }

    /**
     * The struct of that name declared inside a fn body of this file, or null. The tree is walked only
     * when the file's tokens write `struct name` more often than its module-level declarations account for.
     */
    private TypeShapes.Struct bodyStruct(String name, boolean declaredInModule) {
        if (structsWritten == null) {
            structsWritten = BodyStructs.written(file.parsed().lexedCode());
        }
        int written = structsWritten.getOrDefault(name, 0);
        if (written == 0 || declaredInModule && written == 1) {
            return null; // no `struct name` but the module's own
        }
        if (bodyStructs == null) {
            bodyStructs = BodyStructs.of(file.parsed().tree());
        }
        return bodyStructs.get(name);
    }

    /**
     * The methods named {@code name} of the impls inside fn bodies of this file for a struct {@code owner}
     * that a fn body declares (the index reads no bodies). The tree is walked once, and only for a
     * name the file writes `struct name` for.
     */
    List<DeclaredFn> bodyMethods(String owner, String name) {
        if (structsWritten == null) {
            structsWritten = BodyStructs.written(file.parsed().lexedCode());
        }
        if (structsWritten.getOrDefault(owner, 0) == 0) {
            return List.of();
        }
        if (bodyImpls == null) {
            bodyImpls = BodyStructs.methods(file);
        }
        return bodyImpls.getOrDefault(owner, List.of()).stream().filter(f -> f.name().equals(name)).toList();
    }

    private Map<String, List<DeclaredFn>> bodyImpls;

    private ThreadLocalKeys threadLocals() {
        if (threadLocals == null) {
            threadLocals = ThreadLocalKeys.of(file.parsed().lexedCode());
        }
        return threadLocals;
    }

    /**
     * `T::Name` for a generic parameter `T`: the type a bound of `T` fixes (`T: Tr<Name = X>`); else,
     * when the one trait among `T`'s bounds and their supertraits that bounds its associated type
     * `Name` (`trait Tr { type Name: Pokes; }`), some type implementing those traits; else unknown.
     */
    private Ty parameterAssoc(String parameter, String name) {
        String fixed = bounds.get().assoc(parameter, name);
        if (fixed != null) {
            return withSelf(TypeParser.parse(fixed));
        }
        List<String> required = null;
        for (CallResolver.TraitIn t : resolver.traitsWithSupertraits(bounds.get().of(parameter))) {
            List<String> b = t.crate().assocBounds(t.trait(), name);
            if (!b.isEmpty()) {
                if (required != null && !required.equals(b)) {
                    return Ty.UNKNOWN; // two traits (or two of one name) say different things of `T::Name`
                }
                required = b;
            }
        }
        if (required == null) {
            return Ty.UNKNOWN;
        }
        return new Ty.Opaque(required.stream().map(t -> new Ty.Named(List.of(t), List.of())).toList());
    }

    /** `<T as Trait>::Name`, written where a type goes. */
    private static final java.util.regex.Pattern QUALIFIED_ASSOC =
            java.util.regex.Pattern.compile("<\\s*(\\w+)\\s+as\\s+[^<>]+(?:<[^<>]*>)?\\s*>\\s*::\\s*(\\w+)");

    /**
     * A declared type that projects an associated type out of a generic parameter in scope (`T::Output`,
     * `<T as Source>::Output`): what the parameter's bounds fix it to. Other types are returned as they are.
     */
    private Ty withParameterAssocs(String text, Ty parsed) {
        java.util.regex.Matcher q = QUALIFIED_ASSOC.matcher(text.trim());
        if (q.matches() && bounds.get().isParameter(q.group(1))) {
            return parameterAssoc(q.group(1), q.group(2));
        }
        java.util.regex.Matcher c = CONCRETE_ASSOC.matcher(text.trim());
        if (c.matches()) {
            return traitImplAssoc(c.group(1), dev.unsafehints.workspace.FileDeclarations.lastSegmentName(c.group(2)), c.group(3));
        }
        if (parsed instanceof Ty.Named n && n.path().size() == 2 && n.args().isEmpty()
                && bounds.get().isParameter(n.path().get(0))) {
            return parameterAssoc(n.path().get(0), n.path().get(1));
        }
        return parsed;
    }

    /** `<Type as Trait>::Name` with a type that is no generic parameter: group 1 the type, 2 the trait's path, 3 the name. */
    private static final java.util.regex.Pattern CONCRETE_ASSOC =
            java.util.regex.Pattern.compile("<\\s*((?:\\w+\\s*::\\s*)*\\w+)\\s+as\\s+((?:\\w+\\s*::\\s*)*\\w+)\\s*>\\s*::\\s*(\\w+)");

    /**
     * `<Type as Trait>::Name` written for a type of the crate or its dependencies: what the impls of
     * that trait for that type say the associated type is; unknown where they disagree or none does,
     * and for a generic parameter or `Self` (their bounds say, see {@link #parameterAssoc}).
     */
    private Ty traitImplAssoc(String typeText, String trait, String name) {
        Ty owner = TypeParser.parse(typeText);
        if (!(owner instanceof Ty.Named n) || !n.args().isEmpty() || n.name().equals("Self")
                || bounds.get().isParameter(n.name())) {
            return Ty.UNKNOWN;
        }
        Ty found = null;
        for (WorkspaceIndex.CrateDeclarations c : cratesDeclaring(n.name())) {
            for (TypeShapes.Assoc a : c.assocTypes(n.name())) {
                if (!a.name().equals(name) || !a.trait().equals(trait)) {
                    continue;
                }
                Ty t = assocValue(a, n);
                if (!t.isKnown() || found != null && !found.equals(t)) {
                    return Ty.UNKNOWN;
                }
                found = t;
            }
        }
        return found == null ? Ty.UNKNOWN : found;
    }

    /** `Self` written in a type means the impl's self type. */
    private Ty withSelf(Ty t) {
        Ty self = selfType.get();
        return self.isKnown() ? t.substitute(Map.of("Self", self)) : t;
    }

    // ------------------------------------------------------------------ fields and indexing

    /** The type of field {@code name} of a value of type {@code base} (through references and `Deref`). */
    Ty field(Ty base, String name) {
        Ty t = base;
        for (int i = 0; i < MAX_DEREFS && t.isKnown(); i++) {
            t = unalias(peelReferences(t));
            if (t instanceof Ty.Tuple tuple && !name.isEmpty() && Character.isDigit(name.charAt(0))) {
                int at = Integer.parseInt(name.length() > 4 ? "99999" : name);
                return at < tuple.elements().size() ? tuple.elements().get(at) : Ty.UNKNOWN;
            }
            if (t instanceof Ty.Named n) {
                TypeShapes.Struct s = struct(n.name());
                if (s != null && s.fields().containsKey(name)) {
                    return fieldType(n, s, name);
                }
            }
            t = derefStep(t);
        }
        return Ty.UNKNOWN;
    }

    private static Ty fieldType(Ty.Named owner, TypeShapes.Struct s, String field) {
        Map<String, Ty> bindings = new HashMap<>();
        for (int i = 0; i < s.generics().size(); i++) {
            bindings.put(s.generics().get(i), owner.arg(i));
        }
        bindings.put("Self", owner);
        return TypeParser.parse(s.fields().get(field)).substitute(bindings);
    }

    /** Whether an index is written as a range (`a..b`, `..`, `a..`): it takes a subslice, any other an element. */
    static boolean isRange(RustParser.ExpressionContext index) {
        return index instanceof RustParser.RangeExprContext || index instanceof RustParser.RangeFromExprContext
                || index instanceof RustParser.RangeToExprContext || index instanceof RustParser.RangeFullExprContext;
    }

    private Ty index(Ty base, RustParser.ExpressionContext index) {
        boolean range = isRange(index);
        Ty t = unalias(peelReferences(base));
        Ty element = t instanceof Ty.Slice s ? s.element()
                : t.is("Vec") || t.is("VecDeque") || t.is("Box") && ((Ty.Named) t).arg(0) instanceof Ty.Slice
                ? elementOf((Ty.Named) t) : Ty.UNKNOWN;
        if (!element.isKnown()) {
            return Ty.UNKNOWN;
        }
        return range ? new Ty.Slice(element, false) : element;
    }

    private static Ty elementOf(Ty.Named n) {
        Ty arg = n.arg(0);
        return arg instanceof Ty.Slice s ? s.element() : arg;
    }

    /**
     * The type of the items a `for` loop takes from {@code e}: an iterator's items, an array's or
     * `Vec`'s elements, a slice reference's element references, an `Option`'s content; else unknown.
     */
    Ty elementOf(RustParser.ExpressionContext e) {
        return iterators().intoIterItem(of(e));
    }

    private IteratorTypes iterators;

    IteratorTypes iterators() {
        if (iterators == null) {
            iterators = new IteratorTypes(this);
        }
        return iterators;
    }

    // ------------------------------------------------------------------ dereferencing

    /** `*e`: a reference's referent, a pointer's pointee, a `Box`/`Rc`/`Arc`'s content, a `Deref` target. */
    Ty derefOnce(Ty t) {
        t = unalias(t);
        if (t instanceof Ty.Ref r) {
            return r.referent();
        }
        if (t instanceof Ty.Ptr p) {
            return p.pointee();
        }
        return derefStep(t);
    }

    /** One step of auto-deref through a smart pointer or a crate's `Deref` impl; unknown when there is none. */
    private Ty derefStep(Ty t) {
        if (!(t instanceof Ty.Named n)) {
            return Ty.UNKNOWN;
        }
        switch (n.name()) {
            case "Box", "Rc", "Arc", "ManuallyDrop", "MutexGuard", "RwLockReadGuard", "RwLockWriteGuard", "Ref",
                 "RefMut", "Pin" -> {
                return n.name().equals("Pin") ? derefOnce(n.arg(0)) : n.arg(0);
            }
            case "Vec" -> {
                return new Ty.Slice(n.arg(0), false);
            }
            case "String" -> {
                return new Ty.Named(List.of("str"), List.of());
            }
            default -> {
                return crateDeref(n);
            }
        }
    }

    private Ty crateDeref(Ty.Named n) {
        Ty found = null;
        for (WorkspaceIndex.CrateDeclarations c : resolver.crateAndDependencies()) {
            for (TypeShapes.Deref d : c.derefs(n.name())) {
                Map<String, Ty> bindings = bind(TypeParser.parse(d.selfType()), n, d.generics());
                Ty target = unbound(TypeParser.parse(d.target()).substitute(bindings), d.generics(), bindings);
                if (found != null && !found.equals(target)) {
                    return Ty.UNKNOWN; // two impls, two targets: cannot tell which
                }
                found = target;
            }
            if (found != null) {
                return found;
            }
        }
        return Ty.UNKNOWN;
    }

    static Ty peelReferences(Ty t) {
        while (t instanceof Ty.Ref r) {
            t = r.referent();
        }
        return t;
    }

    // ------------------------------------------------------------------ calls

    private Ty callResult(RustParser.CallExprContext c) {
        if (!(c.expression() instanceof RustParser.PathExprContext p)) {
            Ty callee = peelReferences(of(c.expression()));
            return callee instanceof Ty.FnPtr f ? f.result() : Ty.UNKNOWN;
        }
        List<String> path = ExpressionPaths.segments(p.pathInExpression(), resolver.edition());
        if (path.size() == 1 && c.callArguments() != null && c.callArguments().nested().size() == 1
                && scopes.lookup(path.get(0)) == null) {
            // the prelude's variants wrap their one argument (a crate may declare its own `Some`)
            Ty inner = switch (path.get(0)) {
                case "Some", "Ok", "Err" -> of(c.callArguments().nested(0).expression());
                default -> null;
            };
            if (inner != null && resolver.crate().functionsNamed(path.get(0)).isEmpty()) {
                return switch (path.get(0)) {
                    case "Some" -> new Ty.Named(List.of("Option"), List.of(inner));
                    case "Ok" -> new Ty.Named(List.of("Result"), List.of(inner, Ty.UNKNOWN));
                    default -> new Ty.Named(List.of("Result"), List.of(Ty.UNKNOWN, inner));
                };
            }
        }
        if (path.size() == 1) {
            Binding local = scopes.lookup(path.get(0));
            if (local != null) {
                if (local.function() != null) {
                    return signatureResult(local.function(), null, arguments(c.callArguments()), false);
                }
                Ty callee = peelReferences(ofBinding(local));
                return callee instanceof Ty.FnPtr f ? f.result() : Ty.UNKNOWN;
            }
        }
        CallResolver.Callee callee = resolver.resolve(path, module.get(), selfType.get().name());
        if (!callee.known() || callee.declaration() == null) {
            return Ty.UNKNOWN;
        }
        DeclaredFn fn = callee.declaration();
        if (path.size() >= 2 && fn.implType() == null && fn.owner() != null && fn.owner().equals(path.get(path.size() - 2))
                && c.callArguments() != null && !fn.parameterTypes().isEmpty() && fn.parameterTypes().get(0).equals("self")) {
            return traitPathResult(fn, arguments(c.callArguments()));
        }
        Ty owner = path.size() >= 2 && fn.implType() != null ? ownerOf(path) : null;
        return signatureResult(fn, owner, arguments(c.callArguments()), false);
    }

    /**
     * `Tr::get(x, ..)` that resolved to the trait's own method: the impl of `Tr` for the type of `x`
     * says what it returns (as `<X as Tr>::get(x)` would). The receiver's type is `x`'s without its
     * references; where the trait is also implemented for a reference or pointer to that type, `Self`
     * could be either, and where the impls found disagree, the result stays unknown.
     */
    private Ty traitPathResult(DeclaredFn trait, List<RustParser.ExpressionContext> args) {
        if (!(unalias(peelReferences(of(args.get(0)))) instanceof Ty.Named self) || bounds.get().isParameter(self.name())) {
            return signatureResult(trait, null, args, false);
        }
        Ty result = null;
        for (WorkspaceIndex.CrateDeclarations c : resolver.crateAndDependencies()) {
            for (DeclaredFn fn : c.functionsNamed(trait.name())) {
                if (!fn.copiedFromATraitImpl() || !trait.owner().equals(fn.owner())) {
                    continue;
                }
                Ty implType = TypeParser.parse(fn.implType());
                Ty under = implType instanceof Ty.Ref r ? r.referent() : implType instanceof Ty.Ptr p ? p.pointee() : null;
                if (under != null && peelReferences(under) instanceof Ty.Named n && n.name().equals(self.name())) {
                    return Ty.UNKNOWN; // `impl Tr for &X` beside `impl Tr for X`: which one depends on `self`'s form
                }
                if (!(implType instanceof Ty.Named n) || !n.name().equals(self.name())) {
                    continue;
                }
                Ty r = signatureResult(fn, self, args, false);
                if (!r.isKnown() || result != null && !result.equals(r)) {
                    return Ty.UNKNOWN;
                }
                result = r;
            }
        }
        return result == null ? Ty.UNKNOWN : result;
    }

    private static List<RustParser.ExpressionContext> arguments(RustParser.CallArgumentsContext arguments) {
        List<RustParser.ExpressionContext> args = new ArrayList<>();
        if (arguments != null) {
            arguments.nested().forEach(n -> args.add(n.expression()));
        }
        return args;
    }

    /** `Type::f(..)`: the type the path names (`Self` the impl's), for `Self` in the result. */
    private Ty ownerOf(List<String> path) {
        String owner = path.get(path.size() - 2);
        return owner.equals("Self") ? selfType.get() : new Ty.Named(List.of(owner), List.of());
    }

    private Ty methodResult(RustParser.MethodCallExprContext m) {
        String name = m.pathExprSegment().pathIdentSegment().getText();
        Ty receiver = of(m.expression());
        if (!receiver.isKnown()) {
            return Ty.UNKNOWN;
        }
        Ty builtIn = StdMethodTypes.result(peelReferences(receiver), name);
        if (builtIn != null) {
            return builtIn;
        }
        List<RustParser.ExpressionContext> args = arguments(m.callArguments());
        if (ThreadLocalKeys.isKey(peelReferences(receiver)) && args.size() == 1
                && args.get(0) instanceof RustParser.ClosureExprContext closure) {
            Ty.Named key = (Ty.Named) peelReferences(receiver);
            Ty result = ThreadLocalKeys.result(name, closureValue(closure.closureExpression(),
                    ThreadLocalKeys.closureParameters(key, name, 0, 1)));
            if (result != null) {
                return result; // std's `LocalKey` methods, whose `F: FnOnce(&T) -> R` the index does not bind
            }
        }
        boolean opaque = unalias(peelReferences(receiver)) instanceof Ty.Opaque;
        Ty adapted = opaque ? iterators().methodResult(receiver, name, args) : null;
        if (adapted != null) {
            return adapted; // core's `Iterator` methods return `Map<Self, F>`, `Option<Self::Item>`: not readable
        }
        MethodLookup.Found found = methods().find(receiver, name);
        if (found == null || found.declarations().isEmpty()) {
            Ty known = iterators().methodResult(receiver, name, args);
            return known == null ? Ty.UNKNOWN : known;
        }
        Ty result = null;
        boolean disagree = false;
        for (DeclaredFn fn : found.declarations()) {
            Ty r = signatureResult(fn, found.selfType(), args, true);
            disagree |= result != null && !result.equals(r);
            result = result == null ? r : result;
            if (disagree && !samePointerKind(result, r)) {
                return Ty.UNKNOWN;
            }
        }
        // the impls a type has for several instances of one trait (`SliceIndex<str>` and `SliceIndex<[T]>`
        // of a `Range`) may all return raw pointers of one mutability: the call returns a raw pointer
        return disagree ? new Ty.Ptr(((Ty.Ptr) result).mutable(), Ty.UNKNOWN) : result;
    }

    private static boolean samePointerKind(Ty a, Ty b) {
        return a instanceof Ty.Ptr p && b instanceof Ty.Ptr q && p.mutable() == q.mutable();
    }

    private MethodLookup methods;

    MethodLookup methods() {
        if (methods == null) {
            methods = new MethodLookup(resolver, this, bounds);
        }
        return methods;
    }

    /**
     * A fn's return type, `Self` and the impl's generics bound from {@code self} (the type the method
     * was found on, or null); parameters it cannot bind are unknown.
     */
    Ty signatureResult(DeclaredFn fn, Ty self) {
        return signatureResult(fn, self, List.of(), false);
    }

    /**
     * A fn's return type with `Self` and the impl's generics bound from {@code self}, and the
     * generics that only the call's arguments fix bound from them ({@code method}: `recv.f(args)`):
     * `identity(p)` is `p`'s type, `cell.with(|p| p)` with `with<R>(&self, f: impl FnOnce(*const T) -> R)`
     * is what the closure returns. Parameters nothing binds are unknown.
     */
    private Ty signatureResult(DeclaredFn fn, Ty self, List<RustParser.ExpressionContext> args, boolean method) {
        if (fn.returnType().isEmpty()) {
            return new Ty.Tuple(List.of());
        }
        Ty declared = TypeParser.parse(fn.returnType());
        Map<String, Ty> bindings = new HashMap<>();
        if (self != null && self.isKnown()) {
            if (fn.implType() != null) {
                bindings.putAll(bind(TypeParser.parse(fn.implType()), self, fn.generics()));
            }
            bindings.put("Self", self);
        }
        if (!args.isEmpty() && mentionsUnbound(declared, fn.generics(), bindings, 0)) {
            bindArguments(fn, args, method, bindings);
        }
        return unbound(projected(declared, bindings, 0).substitute(bindings), fn.generics(), bindings);
    }

    /** Whether {@code t} names a generic parameter that {@code bindings} does not fix (only then are arguments read). */
    private static boolean mentionsUnbound(Ty t, List<String> generics, Map<String, Ty> bindings, int depth) {
        if (depth > 16) {
            return false;
        }
        if (t instanceof Ty.Named n) {
            return n.path().size() == 1 && n.args().isEmpty() && generics.contains(n.name())
                    && !bindings.containsKey(n.name())
                    || n.args().stream().anyMatch(a -> mentionsUnbound(a, generics, bindings, depth + 1));
        }
        if (t instanceof Ty.Ref r) {
            return mentionsUnbound(r.referent(), generics, bindings, depth + 1);
        }
        if (t instanceof Ty.Ptr p) {
            return mentionsUnbound(p.pointee(), generics, bindings, depth + 1);
        }
        if (t instanceof Ty.Slice sl) {
            return mentionsUnbound(sl.element(), generics, bindings, depth + 1);
        }
        return t instanceof Ty.Tuple tu
                && tu.elements().stream().anyMatch(e -> mentionsUnbound(e, generics, bindings, depth + 1));
    }

    /**
     * Adds to {@code bindings} the generic parameters that the arguments' types fix, as rustc infers
     * them: a parameter written `T`, `&T`, `*const T`, `Option<T>` against the argument's type, and
     * the result `R` of a closure passed for `impl FnOnce(A) -> R` (or `F` with `F: FnOnce(A) -> R`)
     * from the closure's body with its parameters typed `A`. A parameter two arguments bind
     * differently (a coercion the model does not see) stays unknown; what {@code self} fixed is kept.
     */
    private void bindArguments(DeclaredFn fn, List<RustParser.ExpressionContext> args, boolean method,
                               Map<String, Ty> bindings) {
        Map<String, Ty> fromArguments = new HashMap<>();
        java.util.Set<String> conflicting = new java.util.HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String written = fn.parameterType(i, method);
            if (written == null) {
                break;
            }
            Ty parameter = TypeParser.parseCompact(written);
            Map<String, Ty> found = new HashMap<>();
            if (args.get(i) instanceof RustParser.ClosureExprContext closure) {
                bindClosureResult(parameter, closure.closureExpression(), fn.generics(), bindings, found);
            } else if (!(parameter instanceof Ty.Opaque)) {
                unify(parameter, of(args.get(i)), fn.generics(), found, 0);
            }
            found.forEach((name, t) -> {
                Ty before = fromArguments.putIfAbsent(name, t);
                if (before != null && !before.equals(t)) {
                    conflicting.add(name);
                }
            });
        }
        conflicting.forEach(fromArguments::remove);
        fromArguments.forEach(bindings::putIfAbsent);
    }

    /** `R` of `impl FnOnce(A) -> R` from what {@code closure} returns given parameters of type `A`. */
    private void bindClosureResult(Ty parameter, RustParser.ClosureExpressionContext closure, List<String> generics,
                                   Map<String, Ty> bindings, Map<String, Ty> into) {
        if (!(parameter instanceof Ty.Opaque o) || o.bounds().size() != 1 || o.bounds().get(0).args().size() != 1
                || !(o.bounds().get(0).args().get(0) instanceof Ty.FnPtr signature)
                || !o.bounds().get(0).name().startsWith("Fn")) {
            return;
        }
        for (int i = 0; i < closure.getChildCount(); i++) {
            if (closure.getChild(i).getText().equals("async")) {
                return; // an async closure returns a future of its body's value
            }
        }
        List<Ty> params = new ArrayList<>();
        for (Ty p : signature.parameters()) {
            params.add(unbound(projected(p, bindings, 0).substitute(bindings), generics, bindings));
        }
        Ty value = closureValue(closure, params);
        unify(signature.result(), value, generics, into, 0);
    }

    /** The generic parameters of {@code pattern} (an impl's self type) that {@code actual} fixes. */
    static Map<String, Ty> bind(Ty pattern, Ty actual, List<String> generics) {
        Map<String, Ty> bindings = new HashMap<>();
        unify(pattern, peelReferences(actual), generics, bindings, 0);
        return bindings;
    }

    private static void unify(Ty pattern, Ty actual, List<String> generics, Map<String, Ty> out, int depth) {
        if (depth > 16 || !actual.isKnown()) {
            return;
        }
        if (pattern instanceof Ty.Named p && p.path().size() == 1 && p.args().isEmpty() && generics.contains(p.name())) {
            out.putIfAbsent(p.name(), actual);
        } else if (pattern instanceof Ty.Named p && actual instanceof Ty.Named a && p.name().equals(a.name())) {
            for (int i = 0; i < Math.min(p.args().size(), a.args().size()); i++) {
                unify(p.args().get(i), a.args().get(i), generics, out, depth + 1);
            }
        } else if (pattern instanceof Ty.Ref p && actual instanceof Ty.Ref a) {
            unify(p.referent(), a.referent(), generics, out, depth + 1);
        } else if (pattern instanceof Ty.Ptr p && actual instanceof Ty.Ptr a) {
            unify(p.pointee(), a.pointee(), generics, out, depth + 1);
        } else if (pattern instanceof Ty.Slice p && actual instanceof Ty.Slice a) {
            unify(p.element(), a.element(), generics, out, depth + 1);
        }
    }

    /**
     * {@code t} with each `Self::Name` (or `P::Name` of a bound parameter `P`) replaced by what the
     * impls of the type bound to it say that associated type is; unknown where they disagree or say
     * nothing.
     */
    private Ty projected(Ty t, Map<String, Ty> bindings, int depth) {
        if (depth > 16 || bindings.isEmpty()) {
            return t;
        }
        if (t instanceof Ty.Named n && n.path().size() == 2 && n.args().isEmpty()
                && peelReferences(bindings.getOrDefault(n.path().get(0), Ty.UNKNOWN)) instanceof Ty.Named owner) {
            return assocType(owner, n.path().get(1));
        }
        if (t instanceof Ty.Named n && !n.args().isEmpty()) {
            return new Ty.Named(n.path(), n.args().stream().map(a -> projected(a, bindings, depth + 1)).toList());
        }
        if (t instanceof Ty.Ref r) {
            return new Ty.Ref(r.mutable(), projected(r.referent(), bindings, depth + 1));
        }
        if (t instanceof Ty.Ptr p) {
            return new Ty.Ptr(p.mutable(), projected(p.pointee(), bindings, depth + 1));
        }
        if (t instanceof Ty.Tuple tu) {
            return new Ty.Tuple(tu.elements().stream().map(e -> projected(e, bindings, depth + 1)).toList());
        }
        return t;
    }

    /** Associated type {@code name} as the trait impls for {@code owner} define it; unknown when they disagree. */
    Ty assocType(Ty.Named owner, String name) {
        if (owner.path().size() == 1 && owner.args().isEmpty() && bounds.get().isParameter(owner.name())) {
            return parameterAssoc(owner.name(), name); // a generic parameter: only its bounds say
        }
        List<TypeShapes.Assoc> own = ownFileAssocs(owner.name(), name);
        if (!own.isEmpty()) {
            return agreedAssoc(own, owner);
        }
        List<TypeShapes.Assoc> all = new ArrayList<>();
        for (WorkspaceIndex.CrateDeclarations c : cratesDeclaring(owner.name())) {
            c.assocTypes(owner.name()).stream().filter(a -> a.name().equals(name)).forEach(all::add);
        }
        return agreedAssoc(all, owner);
    }

    /**
     * When this file declares a struct named {@code owner}, its own impls' associated type {@code name}
     * for it: the type the file's code names is the file's (as for its fields, {@link #struct}), and
     * a same-named struct of another module (rkyv's three `RawIter`s) has other impls.
     */
    private List<TypeShapes.Assoc> ownFileAssocs(String owner, String name) {
        dev.unsafehints.workspace.FileDeclarations own = resolver.file();
        if (own == null || !own.typeShapes().structs().containsKey(owner)) {
            return List.of();
        }
        return own.typeShapes().assocs().getOrDefault(owner, List.of()).stream().filter(a -> a.name().equals(name)).toList();
    }

    /** What these impls say the associated type is for {@code owner}; unknown when one cannot tell or they disagree. */
    private Ty agreedAssoc(List<TypeShapes.Assoc> impls, Ty.Named owner) {
        Ty found = null;
        for (TypeShapes.Assoc a : impls) {
            Ty t = assocValue(a, owner);
            if (!t.isKnown() || found != null && !found.equals(t)) {
                return Ty.UNKNOWN;
            }
            found = t;
        }
        return found == null ? Ty.UNKNOWN : found;
    }

    /** What one impl's associated type is for {@code owner}, the impl's generics bound from it. */
    Ty assocValue(TypeShapes.Assoc a, Ty.Named owner) {
        Ty pattern = TypeParser.parse(a.selfType());
        if (!(pattern instanceof Ty.Named p) || !p.name().equals(owner.name())) {
            return Ty.UNKNOWN; // `impl Trait for &Foo`: another type than `Foo`
        }
        Map<String, Ty> bindings = bind(pattern, owner, a.generics());
        bindings.put("Self", owner);
        return unbound(TypeParser.parse(a.type()).substitute(bindings), a.generics(), bindings);
    }

    /** The crates whose declarations may say something of a type of that name: the crate's and its dependencies'. */
    List<WorkspaceIndex.CrateDeclarations> cratesDeclaring(String typeName) {
        return resolver.crateAndDependencies();
    }

    /**
     * {@code t} with a type alias of the crate written as its head replaced by what it stands for
     * (`RawBucket` is `Bucket<usize>`, `Ptr<T>` is `*mut Node<T>`), its generics bound from the
     * written arguments; unchanged when the name is no alias, a struct has it too, or cfg variants
     * of the alias disagree.
     */
    Ty unalias(Ty t) {
        for (int i = 0; i < MAX_ALIASES && t instanceof Ty.Named n && n.path().size() == 1; i++) {
            if (INTEGERS.contains(n.name()) || struct(n.name()) != null) {
                return t;
            }
            List<TypeShapes.Alias> aliases = resolver.crate().aliases(n.name());
            if (aliases.isEmpty() || aliases.stream().distinct().count() != 1) {
                return t;
            }
            TypeShapes.Alias alias = aliases.get(0);
            if (alias.generics().size() != n.args().size()) {
                return t; // defaulted parameters are not modelled
            }
            Map<String, Ty> bindings = new HashMap<>();
            for (int g = 0; g < alias.generics().size(); g++) {
                bindings.put(alias.generics().get(g), n.args().get(g));
            }
            Ty target = TypeParser.parse(alias.type()).substitute(bindings);
            if (!target.isKnown() || target.equals(t)) {
                return t;
            }
            t = target;
        }
        return t;
    }

    /**
     * The value of a closure's body with its parameters (plain names) bound to {@code params}, as
     * when an adapter calls it; unknown when a parameter is a pattern or the body cannot be read.
     */
    Ty closureValue(RustParser.ClosureExpressionContext c, List<Ty> params) {
        int written = c.closureParams() == null ? 0 : c.closureParams().closureParam().size();
        if (c.expression() == null || written != params.size()) {
            return Ty.UNKNOWN;
        }
        List<Binding> bound = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            RustParser.ClosureParamContext p = c.closureParams().closureParam(i);
            String name = p.type_() == null ? plainName(p.patternNoTopAlt()) : null;
            if (name == null || !params.get(i).isKnown()) {
                return Ty.UNKNOWN;
            }
            bound.add(new Binding(name, params.get(i) instanceof Ty.Ptr, params.get(i).display(), null, null));
        }
        scopes.push();
        try {
            bound.forEach(scopes::bind);
            return of(c.expression());
        } finally {
            scopes.pop();
        }
    }

    private static String plainName(RustParser.PatternNoTopAltContext p) {
        return p instanceof RustParser.SimplePatternContext sp
                && sp.patternWithoutRange() instanceof RustParser.IdentifierPatContext id && id.patternNoTopAlt() == null
                && id.KW_REF() == null ? id.identifier().getText() : null;
    }

    /** {@code t} with the generic parameters left unbound made unknown, and associated types (`Self::Item`) too. */
    private static Ty unbound(Ty t, List<String> generics, Map<String, Ty> bindings) {
        Map<String, Ty> unknown = new HashMap<>();
        for (String g : generics) {
            if (!bindings.containsKey(g)) {
                unknown.put(g, Ty.UNKNOWN);
            }
        }
        Ty result = unknown.isEmpty() ? t : t.substitute(unknown);
        return withoutProjections(result, generics, 0);
    }

    /** {@code t} with every associated type left (`Option<Self::Item>`, `&T::Target`) made unknown, however deep. */
    private static Ty withoutProjections(Ty t, List<String> generics, int depth) {
        if (depth > 16 || projectsAssociatedType(t) || t instanceof Ty.Named n && n.path().size() == 2
                && generics.contains(n.path().get(0))) {
            return Ty.UNKNOWN;
        }
        if (t instanceof Ty.Named n && !n.args().isEmpty()) {
            return new Ty.Named(n.path(), n.args().stream().map(a -> withoutProjections(a, generics, depth + 1)).toList());
        }
        if (t instanceof Ty.Ref r) {
            return new Ty.Ref(r.mutable(), withoutProjections(r.referent(), generics, depth + 1));
        }
        if (t instanceof Ty.Ptr p) {
            return new Ty.Ptr(p.mutable(), withoutProjections(p.pointee(), generics, depth + 1));
        }
        if (t instanceof Ty.Tuple tu) {
            return new Ty.Tuple(tu.elements().stream().map(e -> withoutProjections(e, generics, depth + 1)).toList());
        }
        if (t instanceof Ty.Slice sl) {
            return new Ty.Slice(withoutProjections(sl.element(), generics, depth + 1), sl.array());
        }
        return t;
    }

    private static boolean projectsAssociatedType(Ty t) {
        return t instanceof Ty.Named n && n.path().size() > 1 && (n.path().get(0).equals("Self")
                || n.path().size() == 2 && n.path().get(0).length() <= 2 && Character.isUpperCase(n.path().get(0).charAt(0)));
    }

    // ------------------------------------------------------------------ closures

    /**
     * The parameter types a closure gets from the signature of the fn or method it is passed to,
     * when that parameter is written `impl FnOnce(A, B) -> R` (or `Fn`, `FnMut`, `&dyn Fn(..)`):
     * `self.head.with(|p| ..)` with `fn with<R>(&self, f: impl FnOnce(*const T) -> R)`. Empty when unknown.
     */
    List<Ty> closureParameters(RustParser.ClosureExpressionContext c) {
        org.antlr.v4.runtime.ParserRuleContext holder = c.getParent(); // closureExpr
        if (holder == null || !(holder.getParent() instanceof RustParser.NestedContext nested)
                || !(nested.getParent() instanceof RustParser.CallArgumentsContext arguments)) {
            return List.of();
        }
        int index = arguments.nested().indexOf(nested);
        List<DeclaredFn> callees = new ArrayList<>();
        Ty self = null;
        boolean method = arguments.getParent() instanceof RustParser.MethodCallExprContext;
        if (arguments.getParent() instanceof RustParser.MethodCallExprContext m) {
            Ty receiver = of(m.expression());
            String name = m.pathExprSegment().pathIdentSegment().getText();
            if (ThreadLocalKeys.isKey(peelReferences(receiver))) {
                List<Ty> key = ThreadLocalKeys.closureParameters((Ty.Named) peelReferences(receiver), name, index,
                        arguments.nested().size());
                if (!key.isEmpty()) {
                    return key;
                }
            }
            MethodLookup.Found found = unalias(peelReferences(receiver)) instanceof Ty.Opaque ? null
                    : methods().find(receiver, name);
            if (found == null) {
                return adapterParameters(receiver, name, index, arguments.nested().size());
            }
            callees.addAll(found.declarations());
            self = found.selfType();
            List<Ty> declared = agreedClosureSignature(callees, index, true, self);
            // core's `Option::map` takes a generic `F: FnOnce(T) -> U`, which the index does not keep
            boolean optionLike = self != null && (self.is("Option") || self.is("Result"));
            return declared.isEmpty() && optionLike ? adapterParameters(receiver, name, index, arguments.nested().size())
                    : declared;
        } else if (arguments.getParent() instanceof RustParser.CallExprContext call
                && call.expression() instanceof RustParser.PathExprContext p) {
            List<String> path = ExpressionPaths.segments(p.pathInExpression(), resolver.edition());
            CallResolver.Callee callee = resolver.resolve(path, module.get(), selfType.get().name());
            if (!callee.known() || callee.declaration() == null) {
                return List.of();
            }
            callees.add(callee.declaration());
        }
        return agreedClosureSignature(callees, index, method, self);
    }

    private List<Ty> agreedClosureSignature(List<DeclaredFn> callees, int index, boolean method, Ty self) {
        List<Ty> agreed = null;
        for (DeclaredFn fn : callees) {
            List<Ty> params = closureSignature(fn, index, method, self);
            if (agreed != null && !agreed.equals(params)) {
                return List.of();
            }
            agreed = params;
        }
        return agreed == null ? List.of() : agreed;
    }

    /**
     * The parameters a std iterator, `Option` or `Result` adapter gives its closure (`it.map(|p| ..)`),
     * or a slice method (`v.sort_by(|a, b| ..)`: the index does not read slices' own methods).
     */
    private List<Ty> adapterParameters(Ty receiver, String name, int index, int arguments) {
        Ty t = unalias(peelReferences(receiver));
        Ty item = iterators().iteratorItem(t);
        if (item.isKnown()) {
            return IteratorTypes.adapterClosure(item, name, index, arguments);
        }
        List<Ty> option = t instanceof Ty.Named n ? IteratorTypes.optionClosure(n, name, index, arguments) : List.of();
        if (!option.isEmpty()) {
            return option;
        }
        Ty element = iterators().sequenceElement(receiver);
        return element.isKnown() ? IteratorTypes.sliceClosure(element, name, index, arguments) : List.of();
    }

    private List<Ty> closureSignature(DeclaredFn fn, int index, boolean method, Ty self) {
        String written = fn.parameterType(index, method);
        Ty declared = peelReferences(TypeParser.parseCompact(written));
        if (!(declared instanceof Ty.Opaque o) || o.bounds().size() != 1 || o.bounds().get(0).args().size() != 1
                || !(o.bounds().get(0).args().get(0) instanceof Ty.FnPtr signature)
                || !o.bounds().get(0).name().startsWith("Fn")) {
            return List.of();
        }
        Map<String, Ty> bindings = new HashMap<>();
        if (self != null && self.isKnown() && fn.implType() != null) {
            bindings.putAll(bind(TypeParser.parse(fn.implType()), self, fn.generics()));
            bindings.put("Self", self);
        }
        List<Ty> params = new ArrayList<>();
        for (Ty p : signature.parameters()) {
            // `F: FnOnce(*mut Self::Value) -> R` in a trait impl for `UnsafeCell<T>` with `type Value = T`
            params.add(unbound(projected(p, bindings, 0).substitute(bindings), fn.generics(), bindings));
        }
        return params;
    }

    // ------------------------------------------------------------------ declarations

    /**
     * The struct of that name: the one this file declares (a module's own item hides same-named ones
     * elsewhere: parking_lot_core has a `ThreadData` in two modules; one declared inside a fn body
     * counts too, and where it and the module's disagree only their common fields are known), else the crate's, else a
     * dependency's when they agree; null when unknown.
     */
    TypeShapes.Struct struct(String name) {
        if (structs.containsKey(name)) {
            return structs.get(name);
        }
        TypeShapes.Struct found = resolver.file() == null ? null : resolver.file().typeShapes().structs().get(name);
        TypeShapes.Struct inBody = bodyStruct(name, found != null); // `struct Guard<T> { .. }` inside a fn
        if (inBody != null) {
            found = found == null ? inBody : TypeShapes.agreeing(found, inBody);
        }
        if (found == null) {
            found = resolver.crate().structShape(name);
        }
        if (found == null) {
            for (WorkspaceIndex.CrateDeclarations c : resolver.crateAndDependencies()) {
                TypeShapes.Struct s = c.structShape(name);
                if (s != null) {
                    if (found != null && !found.equals(s)) {
                        found = null; // structs of one name in two crates: which one is meant is not known
                        break;
                    }
                    found = s;
                }
            }
        }
        structs.put(name, found);
        return found;
    }
}
