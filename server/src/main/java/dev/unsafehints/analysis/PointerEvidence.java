package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.workspace.DeclaredFn;
import dev.unsafehints.workspace.FileDeclarations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Tells whether an expression is a raw pointer, and why: a local declared with a pointer type or
 * bound from a pointer expression, a cast to a pointer type, {@code &raw}/{@code addr_of!}, a std API
 * that returns pointers, pointer arithmetic on a pointer, a crate field declared with a pointer type,
 * {@code self} in an impl on a pointer type. Returns null when it cannot tell.
 */
final class PointerEvidence {
    private final FileModel model;
    private final Scopes scopes;
    private final CallResolver resolver;
    private final BooleanSupplier selfIsPointer;
    private final Supplier<List<String>> module;
    private final Supplier<String> selfType;
    private final LocalTypes types;

    PointerEvidence(FileModel model, Scopes scopes, CallResolver resolver, BooleanSupplier selfIsPointer,
                    Supplier<List<String>> module, Supplier<String> selfType) {
        this.model = model;
        this.scopes = scopes;
        this.resolver = resolver;
        this.selfIsPointer = selfIsPointer;
        this.module = module;
        this.selfType = selfType;
        this.types = new LocalTypes(scopes, selfType);
    }

    /** Why {@code e} is a raw pointer, or null when the analysis cannot tell. */
    String of(RustParser.ExpressionContext e) {
        if (e instanceof RustParser.ParenthesizedExprContext p) {
            return of(p.nested().expression());
        }
        RustParser.ExpressionContext tail = blockValue(e);
        if (tail != null) {
            return of(tail);
        }
        if (e instanceof RustParser.CastExprContext c && c.castType().STAR() != null) {
            return "it is cast to `" + model.textOf(c.castType()) + "`";
        }
        if (e instanceof RustParser.BorrowExprContext b && b.KW_RAW() != null) {
            return "`&raw` makes a raw pointer";
        }
        if (e instanceof RustParser.MacroInvocationExprContext m) {
            String name = lastSegment(m.macroInvocation().simplePath());
            return name.equals("addr_of") || name.equals("addr_of_mut") ? "`" + name + "!` makes a raw pointer" : null;
        }
        if (e instanceof RustParser.PathExprContext p) {
            String name = p.getText();
            if (name.equals("self")) {
                return selfIsPointer.getAsBoolean() ? "`self` is a raw pointer (the impl is on a pointer type)" : null;
            }
            Binding b = scopes.lookup(name);
            return b != null && b.rawPointer() ? b.evidence() : null;
        }
        if (e instanceof RustParser.MethodCallExprContext m) {
            String name = m.pathExprSegment().pathIdentSegment().getText();
            if (StdUnsafeApis.POINTER_RETURNING_METHODS.contains(name)) {
                return "`." + name + "()` returns a raw pointer";
            }
            if (StdUnsafeApis.POINTER_PRESERVING_METHODS.contains(name)) {
                String inner = of(m.expression());
                if (inner != null) {
                    return "`." + name + "()` of a raw pointer is a raw pointer; " + inner;
                }
            }
            DeclaredFn method = crateCallee(m);
            if (method != null && method.returnsRawPointer()) {
                return "`" + method.displayPath() + "` returns `" + method.returnType() + "`";
            }
            FileDeclarations.FieldKind receiver = typeKindOf(m.expression());
            if (receiver == FileDeclarations.FieldKind.UNSAFE_CELL && name.equals("get")) {
                return "`UnsafeCell::get` returns a raw pointer";
            }
            if (receiver == FileDeclarations.FieldKind.ATOMIC_PTR && (name.equals("load") || name.equals("swap"))) {
                return "`AtomicPtr::" + name + "` returns a raw pointer";
            }
            return null;
        }
        if (e instanceof RustParser.CallExprContext c && c.expression() instanceof RustParser.PathExprContext p) {
            List<String> path = ExpressionPaths.segments(p.pathInExpression(), model.edition());
            String key = ExpressionPaths.stdKey(path);
            if (key != null && StdUnsafeApis.POINTER_RETURNING_PATHS.contains(key)) {
                return "`" + key + "` returns a raw pointer";
            }
            if (path.size() == 1 && (key.equals("null") || key.equals("null_mut"))) {
                return "`" + key + "()` returns a raw pointer";
            }
            DeclaredFn fn = crateCallee(c);
            return fn != null && fn.returnsRawPointer() ? "`" + fn.displayPath() + "` returns `" + fn.returnType() + "`" : null;
        }
        if (e instanceof RustParser.FieldExprContext f) {
            return fieldKindOf(f) == FileDeclarations.FieldKind.RAW_POINTER
                    ? "field `" + f.getChild(2).getText() + "` is declared with a raw pointer type" : null;
        }
        if (e instanceof RustParser.DerefExprContext d && d.expression() instanceof RustParser.PathExprContext p) {
            Binding b = scopes.lookup(p.getText());
            if (b != null && b.typeText() != null) {
                String t = b.typeText().replaceAll("\\s+", " ").trim();
                if (t.matches("\\*\\s*(const|mut)\\s+\\*\\s*(const|mut).*")) {
                    return "`*" + p.getText() + "` is a raw pointer (`" + p.getText() + "` is `" + t + "`)";
                }
            }
        }
        return null;
    }

    /** The crate fn or method a call resolves to, when the resolution is unambiguous; else null. */
    DeclaredFn crateCallee(RustParser.ExpressionContext e) {
        if (e instanceof RustParser.MethodCallExprContext m) {
            String name = m.pathExprSegment().pathIdentSegment().getText();
            CallResolver.Callee c = resolver.resolveMethod(name);
            if (!c.known() || c.declaration() == null) {
                return null;
            }
            // by name alone what the call returns is known only where every method of that name agrees on
            // it: a trait's `fn get(&self) -> Self::Out` and its impls' `-> *const u8` and `-> &u8` do not
            String shape = pointerShape(c.declaration());
            for (DeclaredFn fn : resolver.crate().functionsNamed(name)) {
                if (fn.owner() != null && !shape.equals(pointerShape(fn))) {
                    return null;
                }
            }
            return c.declaration();
        }
        if (e instanceof RustParser.CallExprContext call && call.expression() instanceof RustParser.PathExprContext p) {
            List<String> path = ExpressionPaths.segments(p.pathInExpression(), model.edition());
            CallResolver.Callee c = resolver.resolve(path, module.get(), selfType.get());
            return c.known() ? c.declaration() : null;
        }
        return null;
    }

    /**
     * What the evidence reads of a fn's return type: a raw pointer and its mutability (`*const
     * Self::Output` and `*const str` alike), the pointers among a tuple's elements, else the text.
     */
    private static String pointerShape(DeclaredFn fn) {
        if (fn.returnType() == null) {
            return "";
        }
        String pointer = StdPointerConstness.ofType(fn.returnType());
        if (pointer != null) {
            return "*" + pointer;
        }
        List<String> elements = fn.tupleElementTypes();
        if (!elements.isEmpty()) {
            StringBuilder shape = new StringBuilder("(");
            for (String e : elements) {
                String p = StdPointerConstness.ofType(e);
                shape.append(p == null ? "_" : "*" + p).append(',');
            }
            return shape.append(')').toString();
        }
        return String.valueOf(fn.returnType());
    }

    /** "const" or "mut" when the pointer's mutability is known, else null. */
    String constness(RustParser.ExpressionContext e) {
        if (e instanceof RustParser.ParenthesizedExprContext p) {
            return constness(p.nested().expression());
        }
        RustParser.ExpressionContext tail = blockValue(e);
        if (tail != null) {
            return constness(tail);
        }
        if (e instanceof RustParser.CastExprContext c && c.castType().STAR() != null) {
            return c.castType().KW_MUT() != null ? "mut" : "const";
        }
        if (e instanceof RustParser.BorrowExprContext b && b.KW_RAW() != null) {
            return b.KW_MUT() != null ? "mut" : "const";
        }
        if (e instanceof RustParser.MacroInvocationExprContext m) {
            String name = lastSegment(m.macroInvocation().simplePath());
            return name.equals("addr_of_mut") ? "mut" : name.equals("addr_of") ? "const" : null;
        }
        if (e instanceof RustParser.MethodCallExprContext m) {
            return methodConstness(m);
        }
        if (e instanceof RustParser.CallExprContext c && c.expression() instanceof RustParser.PathExprContext p) {
            List<String> path = ExpressionPaths.segments(p.pathInExpression(), model.edition());
            String key = ExpressionPaths.stdKey(path);
            boolean bareNull = path.size() == 1 && (key.equals("null") || key.equals("null_mut")); // as in of()
            String std = key == null ? null : StdPointerConstness.ofPath(bareNull ? "ptr::" + key : key);
            if (std != null) {
                return std;
            }
            DeclaredFn fn = crateCallee(c);
            return fn == null ? null : StdPointerConstness.ofType(fn.returnType());
        }
        if (e instanceof RustParser.PathExprContext p) {
            Binding b = scopes.lookup(p.getText());
            return b != null && b.rawPointer() ? StdPointerConstness.ofType(b.typeText()) : null;
        }
        return null;
    }

    /**
     * The mutability of a method's pointer. `as_ptr` is the ambiguous one: slices, `Vec` and `str`
     * give `*const`, while `NonNull`, `Cell`, `RefCell` and `AtomicPtr` give `*mut`; so it needs a
     * receiver of known type, and an unknown receiver gives null rather than a guess.
     */
    private String methodConstness(RustParser.MethodCallExprContext m) {
        String name = m.pathExprSegment().pathIdentSegment().getText();
        FileDeclarations.FieldKind receiver = typeKindOf(m.expression());
        if (name.equals("as_ptr")) {
            if (receiver == FileDeclarations.FieldKind.NON_NULL || receiver == FileDeclarations.FieldKind.CELL
                    || receiver == FileDeclarations.FieldKind.ATOMIC_PTR) {
                return "mut";
            }
            if (receiver == FileDeclarations.FieldKind.CONST_AS_PTR) {
                return "const";
            }
            String owner = types.nameOf(m.expression());
            return owner == null ? null : crateMethodConstness(name, owner);
        }
        if (name.equals("as_mut_ptr")) {
            return "mut"; // every std `as_mut_ptr` returns `*mut`
        }
        if (receiver == FileDeclarations.FieldKind.UNSAFE_CELL && name.equals("get")
                || receiver == FileDeclarations.FieldKind.ATOMIC_PTR && (name.equals("load") || name.equals("swap"))) {
            return "mut";
        }
        if (StdUnsafeApis.POINTER_PRESERVING_METHODS.contains(name) && !name.startsWith("cast")) {
            return constness(m.expression());
        }
        boolean stdReceiver = receiver != null && receiver != FileDeclarations.FieldKind.OTHER;
        return stdReceiver ? null : crateMethodConstness(name, null);
    }

    /**
     * The mutability every crate method of this name (of {@code owner}, when given) returns, when
     * they all agree; else null.
     */
    private String crateMethodConstness(String name, String owner) {
        String agreed = null;
        for (DeclaredFn fn : resolver.crate().functionsNamed(name)) {
            if (fn.owner() == null || owner != null && !owner.equals(fn.owner())) {
                continue;
            }
            String c = StdPointerConstness.ofType(fn.returnType());
            if (c == null || agreed != null && !agreed.equals(c)) {
                return null;
            }
            agreed = c;
        }
        return agreed;
    }

    private static final java.util.Set<String> UNWRAPPING_METHODS = java.util.Set.of("unwrap", "expect", "unwrap_unchecked");

    /** Methods that return a slice or `str` by convention (`Vec::as_slice`, `str::as_bytes`, `CString::as_c_str`). */
    private static final java.util.Set<String> SLICE_RETURNING_METHODS = java.util.Set.of(
            "as_slice", "as_mut_slice", "as_bytes", "as_str", "to_bytes", "to_bytes_with_nul", "as_c_str");

    /**
     * What the declared type of {@code e} tells a method call on it (see {@link FileDeclarations.FieldKind}):
     * from a field's declaration, a local's declared or inferred type, or the shape of a literal; else null.
     */
    FileDeclarations.FieldKind typeKindOf(RustParser.ExpressionContext e) {
        if (e instanceof RustParser.ParenthesizedExprContext p) {
            return typeKindOf(p.nested().expression());
        }
        if (e instanceof RustParser.FieldExprContext) {
            return fieldKindOf(e);
        }
        if (e instanceof RustParser.PathExprContext p) {
            Binding b = p.getText().equals("self") ? null : scopes.lookup(p.getText());
            return b == null || b.typeText() == null ? null
                    : FileDeclarations.kindOfReferentText(LocalTypes.withoutReferences(b.typeText()));
        }
        if (e instanceof RustParser.LiteralExprContext lit) {
            String t = lit.getText();
            return t.startsWith("\"") || t.startsWith("b\"") || t.startsWith("r") || t.startsWith("br")
                    ? FileDeclarations.FieldKind.CONST_AS_PTR : null;
        }
        if (e instanceof RustParser.ArrayExprContext) {
            return FileDeclarations.FieldKind.CONST_AS_PTR;
        }
        if (e instanceof RustParser.MacroInvocationExprContext m) {
            return lastSegment(m.macroInvocation().simplePath()).equals("vec") ? FileDeclarations.FieldKind.CONST_AS_PTR : null;
        }
        if (e instanceof RustParser.IndexExprContext ix && isRange(ix.nested().expression())) {
            return FileDeclarations.FieldKind.CONST_AS_PTR; // `v[a..b]`: a subslice or substring
        }
        if (e instanceof RustParser.MethodCallExprContext m) {
            String name = m.pathExprSegment().pathIdentSegment().getText();
            return SLICE_RETURNING_METHODS.contains(name) && resolver.crate().functionsNamed(name).isEmpty()
                    ? FileDeclarations.FieldKind.CONST_AS_PTR : null;
        }
        return null;
    }

    private static boolean isRange(RustParser.ExpressionContext e) {
        return e instanceof RustParser.RangeExprContext || e instanceof RustParser.RangeFromExprContext
                || e instanceof RustParser.RangeToExprContext || e instanceof RustParser.RangeFullExprContext;
    }

    /** The declared type of a field access `base.field` (references left out), when the base's struct is known. */
    private String fieldTypeOf(RustParser.FieldExprContext f) {
        String struct = structOf(f.expression());
        if (struct == null) {
            return null;
        }
        String field = f.identifier().getText();
        java.util.Map<String, String> own = model.declarations().fieldTypes().get(struct);
        String type = own != null ? own.get(field) : resolver.crate().fieldType(struct, field);
        return type == null || type.startsWith("*") ? null : type; // a pointer's own evidence is `of`'s job
    }

    /** The declared kind of a field access `base.field`, from the base's struct when known. */
    FileDeclarations.FieldKind fieldKindOf(RustParser.ExpressionContext e) {
        if (!(e instanceof RustParser.FieldExprContext f)) {
            return null;
        }
        String field = f.getChild(2).getText();
        String struct = structOf(f.expression());
        // a struct this file declares is the one its code names (several modules may each have a
        // struct of that name; a clashing import would not compile)
        java.util.Map<String, FileDeclarations.FieldKind> own = struct == null ? null
                : model.declarations().fieldKinds().get(struct);
        return own != null ? own.get(field) : resolver.crate().fieldKind(struct, field);
    }

    /** The value of `unsafe { .. }` / `{ .. }`: its last statement when it has no semicolon. */
    static RustParser.ExpressionContext blockValue(RustParser.ExpressionContext e) {
        if (!(e instanceof RustParser.BlockLikeExprContext b)) {
            return null;
        }
        RustParser.BlockExpressionContext block = null;
        if (b.blockLikeExpression() instanceof RustParser.UnsafeBlockContext u) {
            block = u.blockExpression();
        } else if (b.blockLikeExpression() instanceof RustParser.PlainBlockContext pb) {
            block = pb.blockExpression();
        }
        return block == null ? null : valueOf(block);
    }

    /** The expression a block ends with (its value), or null when it ends with a statement. */
    static RustParser.ExpressionContext valueOf(RustParser.BlockExpressionContext block) {
        if (block.statement().isEmpty()) {
            return null;
        }
        RustParser.StatementContext last = block.statement(block.statement().size() - 1);
        return last instanceof RustParser.ExpressionStmtContext es && es.expressionStatement().SEMI() == null
                ? es.expressionStatement().expression() : null;
    }

    /** The struct name of `self`, `this: &Self`, or a local declared with a struct type; else null. */
    private String structOf(RustParser.ExpressionContext base) {
        if (base instanceof RustParser.ParenthesizedExprContext paren) {
            return structOf(paren.nested().expression());
        }
        if (base instanceof RustParser.DerefExprContext d && d.expression() instanceof RustParser.PathExprContext dp) {
            Binding b = scopes.lookup(dp.getText());
            if (b != null && b.typeText() != null && b.typeText().replace(" ", "").matches("\\*(const|mut).*")) {
                return FileDeclarations.lastSegmentName(b.typeText().replace(" ", ""));
            }
            return null;
        }
        return types.nameOf(base);
    }

    /** True when the expression certainly is not a raw pointer (a reference parameter, a literal). */
    boolean isKnownNotPointer(RustParser.ExpressionContext e) {
        if (e instanceof RustParser.PathExprContext p) {
            Binding b = scopes.lookup(p.getText());
            return b != null && b.typeText() != null && b.typeText().startsWith("&");
        }
        return e instanceof RustParser.BorrowExprContext b && b.KW_RAW() == null
                || e instanceof RustParser.LiteralExprContext;
    }

    /** The type text of a simple initializer: a cast's target or a struct literal's path. */
    String typeTextOf(RustParser.ExpressionContext e) {
        if (e instanceof RustParser.CastExprContext c) {
            return model.textOf(c.castType());
        }
        if (e instanceof RustParser.StructExprContext s) {
            return s.pathInExpression().getText();
        }
        if (e instanceof RustParser.CallExprContext c && c.expression() instanceof RustParser.PathExprContext p) {
            List<RustParser.PathExprSegmentContext> segs = p.pathInExpression().pathExprSegment();
            if (segs.size() >= 2 && segs.get(segs.size() - 2).getText().equals("ManuallyDrop")
                    && segs.get(segs.size() - 1).getText().equals("new") && c.callArguments() != null
                    && c.callArguments().nested().size() == 1) {
                // fields and methods of a `ManuallyDrop<T>` are T's (through Deref); its own
                // `*` is a safe deref, so a pointer inside stays unknown rather than a pointer
                String inner = types.of(c.callArguments().nested(0).expression());
                return inner == null || inner.startsWith("*") ? "ManuallyDrop" : inner;
            }
            String owner = segs.size() >= 2 ? segs.get(segs.size() - 2).pathIdentSegment().getText() : "";
            // a module's fn (`mem::replace(..)`, `convert::identity(p)`) builds no type of the module's
            // name: its signature says what it returns (ExpressionTypes)
            if (!owner.isEmpty() && !Character.isLowerCase(owner.charAt(0))) {
                String fn = segs.get(segs.size() - 1).pathIdentSegment().getText();
                // `Type::f(..)` is taken to build a `Type`; `NonNull::new` is the common exception
                // that matters (an Option, whose safe `as_ref` must not look like `NonNull::as_ref`)
                return owner.equals("NonNull") && fn.equals("new") ? "Option" : owner;
            }
        }
        if (e instanceof RustParser.MacroInvocationExprContext m
                && lastSegment(m.macroInvocation().simplePath()).equals("vec")) {
            return "Vec";
        }
        if (e instanceof RustParser.FieldExprContext && fieldKindOf(e) == FileDeclarations.FieldKind.NON_NULL) {
            return "NonNull"; // `let p = self.ptr;` copies the NonNull
        }
        if (e instanceof RustParser.FieldExprContext f && f.identifier() != null) {
            return fieldTypeOf(f); // `let inner = self.inner;` has the field's declared type
        }
        if (e instanceof RustParser.MethodCallExprContext m && m.pathExprSegment().getText().equals("clone")
                && m.callArguments() == null) {
            String cloned = types.of(m.expression()); // `Clone::clone(&T) -> T`
            if (cloned != null && !cloned.startsWith("*")) {
                return cloned;
            }
        }
        if (e instanceof RustParser.MethodCallExprContext m && UNWRAPPING_METHODS.contains(
                m.pathExprSegment().pathIdentSegment().getText()) && "Option".equals(typeTextOf(m.expression()))) {
            return "NonNull"; // `NonNull::new(p).unwrap()`: typeTextOf says "Option" only for `NonNull::new`
        }
        return null;
    }

    private static String lastSegment(RustParser.SimplePathContext path) {
        List<RustParser.SimplePathSegmentContext> segments = path.simplePathSegment();
        return segments.get(segments.size() - 1).getText();
    }

    static boolean isPointerType(RustParser.Type_Context type) {
        return FileDeclarations.isRawPointerType(type);
    }
}
