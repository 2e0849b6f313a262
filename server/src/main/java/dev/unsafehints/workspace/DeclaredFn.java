package dev.unsafehints.workspace;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.text.TextPosition;
import java.nio.file.Path;
import java.util.List;

/**
 * A function declaration somewhere in the workspace, as call resolution needs it.
 *
 * @param modulePath module path within its crate target (e.g. [memchr, x86, sse2])
 * @param owner      the type or trait of an impl/trait method (last path segment), or null
 * @param isUnsafe   declared unsafe (extern items count as unsafe unless declared `safe`)
 * @param safetyDoc  its "# Safety" section, or empty
 * @param targetFeatures features from #[target_feature(enable = "...")], empty when none
 * @param returnType the return type as written, tokens spaced as people write them (`*mut u8`); empty for none
 * @param parameterTypes each parameter's type text without spaces, `self` for a self parameter
 * @param safeBefore2024 unsafe, but callable without `unsafe` before edition 2024: the standard
 *                       library marks such fns (`env::set_var`) `#[rustc_deprecated_safe_2024]`
 * @param implType   the self type of the enclosing impl as written (`Mutex<R, T>`), null outside impls
 * @param generics   the type parameters in scope of the signature: the impl's or trait's, then the fn's own
 * @param cfg        the `cfg` conditions written on it and on what encloses it in its file (impl, inline
 *                   module, `cfg_if!` branch); the conditions of the file's module are the crate's to tell
 */
public record DeclaredFn(String name, List<String> modulePath, String owner, boolean isUnsafe, String safetyDoc,
                         List<String> targetFeatures, Path file, TextPosition position, String returnType,
                         List<String> parameterTypes, boolean safeBefore2024, String implType,
                         List<String> generics, List<String> cfg) {
    public DeclaredFn {
        generics = generics == null ? List.of() : generics; // entries cached before the type model
        cfg = cfg == null ? List.of() : cfg;
    }

    public DeclaredFn(String name, List<String> modulePath, String owner, boolean isUnsafe, String safetyDoc,
                      List<String> targetFeatures, Path file, TextPosition position, String returnType,
                      List<String> parameterTypes, boolean safeBefore2024) {
        this(name, modulePath, owner, isUnsafe, safetyDoc, targetFeatures, file, position, returnType, parameterTypes,
                safeBefore2024, null, List.of(), List.of());
    }

    public DeclaredFn(String name, List<String> modulePath, String owner, boolean isUnsafe, String safetyDoc,
                      List<String> targetFeatures, Path file, TextPosition position, String returnType,
                      List<String> parameterTypes) {
        this(name, modulePath, owner, isUnsafe, safetyDoc, targetFeatures, file, position, returnType, parameterTypes,
                false);
    }

    /** The same declaration, said to be in {@code path}. */
    public DeclaredFn inFile(Path path) {
        return new DeclaredFn(name, modulePath, owner, isUnsafe, safetyDoc, targetFeatures, path, position, returnType,
                parameterTypes, safeBefore2024, implType, generics, cfg);
    }

    /** The same declaration at {@code moved}. */
    public DeclaredFn at(TextPosition moved) {
        return new DeclaredFn(name, modulePath, owner, isUnsafe, safetyDoc, targetFeatures, file, moved, returnType,
                parameterTypes, safeBefore2024, implType, generics, cfg);
    }

    /** Whether a call needs `unsafe` in code of this edition. */
    public boolean isUnsafeIn(dev.unsafehints.grammar.Edition edition) {
        return isUnsafe && (!safeBefore2024 || edition == dev.unsafehints.grammar.Edition.E2024);
    }

    /** The type text of the parameter that argument {@code index} of a call binds ({@code method}: `recv.f(..)`), or null. */
    public String parameterType(int index, boolean method) {
        int at = method && !parameterTypes.isEmpty() && parameterTypes.get(0).equals("self") ? index + 1 : index;
        return at < parameterTypes.size() ? parameterTypes.get(at) : null;
    }

    /** The parameters' type texts of a fn's declaration (`self` for a self parameter). */
    public static List<String> parameterTypesOf(RustParser.Function_Context fn) {
        RustParser.FunctionParametersContext params = fn.functionParameters();
        if (params == null) {
            return List.of();
        }
        List<String> types = new java.util.ArrayList<>();
        if (params.selfParam() != null) {
            types.add("self");
        }
        java.util.Map<String, String> closures = closureBounds(fn);
        for (RustParser.FunctionParamContext p : params.functionParam()) {
            String written = p.type_() == null ? "" : p.type_().getText();
            // `f: F` with `F: FnOnce(*const T) -> R` means for a caller what `f: impl FnOnce(..)` does
            String closure = closures.get(written);
            types.add(closure == null || closure.isEmpty() ? written : closure);
        }
        return List.copyOf(types);
    }

    /**
     * The fn's type parameters bounded by one `Fn`, `FnMut` or `FnOnce` signature (in `<..>` or in its
     * `where` clause), each as the `impl` type a parameter of that type amounts to: `F` ->
     * `implFnOnce(*constT)->R` (the parser's text, as the other parameter types).
     */
    private static java.util.Map<String, String> closureBounds(RustParser.Function_Context fn) {
        java.util.Map<String, String> bounds = new java.util.HashMap<>();
        if (fn.genericParams() != null) {
            for (RustParser.GenericParamContext g : fn.genericParams().genericParam()) {
                if (g.identifier() != null && g.typeParamBounds() != null) {
                    closureBound(g.identifier().getText(), g.typeParamBounds(), bounds);
                }
            }
        }
        if (fn.whereClause() != null) {
            for (RustParser.WhereClauseItemContext w : fn.whereClause().whereClauseItem()) {
                if (w.type_() != null && w.typeParamBounds() != null) {
                    closureBound(w.type_().getText(), w.typeParamBounds(), bounds);
                }
            }
        }
        return bounds;
    }

    private static void closureBound(String parameter, RustParser.TypeParamBoundsContext bounds,
                                     java.util.Map<String, String> into) {
        for (RustParser.TypeParamBoundContext b : bounds.typeParamBound()) {
            // core's const fns bound their closures `[const] FnOnce(T) -> U` (`~const` before 1.89):
            // for a caller the closure's signature is the same
            String text = b.getText().replaceFirst("^(\\[const\\]|~const)", "");
            if (text.startsWith("Fn(") || text.startsWith("FnMut(") || text.startsWith("FnOnce(")) {
                into.merge(parameter, "impl" + text, (a, c) -> a.equals(c) ? a : "");
            }
        }
    }

    /**
     * A fn's return type as people write it, from its tokens (`*mut u8`, `(*mut T, usize)`; never
     * the tokens run together, `*mutu8`); empty for none.
     */
    public static String returnTypeOf(RustParser.Function_Context fn) {
        return fn.functionReturnType() == null || fn.functionReturnType().type_() == null ? ""
                : FnPointerTypes.sourceText(fn.functionReturnType().type_());
    }

    /** Whether the return type is a raw pointer (`*mut T`). */
    public boolean returnsRawPointer() {
        return returnType.startsWith("*const") || returnType.startsWith("*mut");
    }

    /** For a tuple return type, which elements are raw pointers; empty when not a tuple. */
    public List<Boolean> tupleElementsArePointers() {
        return tupleElementTypes().stream().map(e -> e.startsWith("*const") || e.startsWith("*mut")).toList();
    }

    /** For a tuple return type, its elements' type texts (e.g. `*mut T`, `usize`); empty when not a tuple. */
    public List<String> tupleElementTypes() {
        if (!returnType.startsWith("(") || !returnType.endsWith(")")) {
            return List.of();
        }
        List<String> result = new java.util.ArrayList<>();
        int depth = 0;
        int start = 1;
        String inner = returnType.substring(0, returnType.length() - 1);
        for (int i = 1; i <= inner.length(); i++) {
            char c = i < inner.length() ? inner.charAt(i) : ',';
            if (c == '(' || c == '<' || c == '[') {
                depth++;
            } else if (c == ')' || c == '>' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String element = inner.substring(start, i).strip();
                if (!element.isEmpty()) {
                    result.add(element);
                }
                start = i + 1;
            }
        }
        return result;
    }

    /**
     * Whether this is a trait impl's method as the index also files it under the trait's name
     * (`impl Tr for A { fn get(..) }` is `Tr::get` and `A::get`): the trait's copy of an impl, whose
     * signature is the impl's (`-> *const u8` where the trait says `-> Self::Out`). A lookup by the
     * trait's name must read the trait's own declaration, not one impl's.
     */
    public boolean copiedFromATraitImpl() {
        return owner != null && implType != null && !owner.equals(FileDeclarations.lastSegmentName(implType));
    }

    /**
     * Those of {@code fns} that a lookup by {@code owner} should read: without the impls' copies filed
     * under a trait's name when the trait's own declaration is among them.
     */
    public static java.util.List<DeclaredFn> ownDeclarations(java.util.List<DeclaredFn> fns) {
        boolean hasOwn = fns.stream().anyMatch(fn -> !fn.copiedFromATraitImpl());
        boolean hasCopies = fns.stream().anyMatch(DeclaredFn::copiedFromATraitImpl);
        return hasOwn && hasCopies ? fns.stream().filter(fn -> !fn.copiedFromATraitImpl()).toList() : fns;
    }

    public String displayPath() {
        StringBuilder sb = new StringBuilder();
        for (String m : modulePath) {
            sb.append(m).append("::");
        }
        if (owner != null) {
            sb.append(owner).append("::");
        }
        return sb.append(name).toString();
    }
}
