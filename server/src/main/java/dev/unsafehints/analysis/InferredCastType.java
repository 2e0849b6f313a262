package dev.unsafehints.analysis;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.RustParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The type an `e as _` cast gets from where its value goes. At a coercion site `_` unifies with
 * the expected type, so the cast's type is that type: the enclosing fn's declared return type for
 * its tail expression (also through `unsafe { .. }` / `{ .. }` blocks that are the tail) or for a
 * `return`, a `let`'s declared type for its initializer, and a pointer parameter of a catalogued
 * std function for an argument. Other sites give null.
 */
final class InferredCastType {
    private InferredCastType() {
    }

    /**
     * A raw pointer type expected at a coercion site: its mutability, and its pointee's text, or
     * null for a std function's sized type parameter (`ptr::read<T>(src: *const T)`).
     */
    record ExpectedPointer(String constness, String pointee) {
    }

    /**
     * Pointer parameters of std functions whose pointee is a sized type parameter, by argument
     * position ("const", "mut", or null for a parameter that is not a pointer). `Box::from_raw`,
     * `NonNull::new` and `drop_in_place` are left out: their `T` may be unsized.
     */
    private static final Map<String, List<String>> STD_POINTER_PARAMETERS = Map.ofEntries(
            Map.entry("ptr::read", List.of("const")), Map.entry("ptr::read_unaligned", List.of("const")),
            Map.entry("ptr::read_volatile", List.of("const")), Map.entry("ptr::write", List.of("mut")),
            Map.entry("ptr::write_unaligned", List.of("mut")), Map.entry("ptr::write_volatile", List.of("mut")),
            Map.entry("ptr::write_bytes", List.of("mut")), Map.entry("ptr::replace", List.of("mut")),
            Map.entry("ptr::copy", List.of("const", "mut")), Map.entry("ptr::copy_nonoverlapping", List.of("const", "mut")),
            Map.entry("ptr::swap", List.of("mut", "mut")), Map.entry("ptr::swap_nonoverlapping", List.of("mut", "mut")),
            Map.entry("slice::from_raw_parts", List.of("const")), Map.entry("slice::from_raw_parts_mut", List.of("mut")),
            Map.entry("AtomicPtr::new", List.of("mut")), Map.entry("CStr::from_ptr", List.of("const")));

    /** The raw pointer type a `.. as _` cast takes, or null when it is not known to be one. */
    static ExpectedPointer expectedPointer(RustParser.CastExprContext cast, Edition edition) {
        return at(cast, STD_POINTER_PARAMETERS, edition);
    }

    /**
     * Pointer parameters that a reference coerces to: the table's, and `drop_in_place`'s (whose `T`
     * may be unsized, which does not matter to a borrow).
     */
    private static final Map<String, List<String>> STD_COERCION_PARAMETERS;

    static {
        Map<String, List<String>> all = new java.util.HashMap<>(STD_POINTER_PARAMETERS);
        all.put("ptr::drop_in_place", List.of("mut"));
        STD_COERCION_PARAMETERS = Map.copyOf(all);
    }

    /**
     * The raw pointer type expected where {@code e} stands (a typed `let`, a `return` or tail of a
     * fn returning a pointer, a pointer parameter of a catalogued std function), or null: there a
     * reference coerces to a raw pointer.
     */
    static ExpectedPointer coercionTarget(RustParser.ExpressionContext e, Edition edition) {
        return at(e, STD_COERCION_PARAMETERS, edition);
    }

    private static ExpectedPointer at(RustParser.ExpressionContext cast, Map<String, List<String>> parametersOf,
                                     Edition edition) {
        ExpectedPointer argument = stdArgument(cast, parametersOf, edition);
        if (argument != null) {
            return argument;
        }
        RustParser.Type_Context type = expected(cast);
        if (type == null || type.typeNoBounds() == null) {
            return null;
        }
        RustParser.TypeNoBoundsContext t = type.typeNoBounds();
        while (t instanceof RustParser.ParenthesizedTypeContext p && p.type_().typeNoBounds() != null) {
            t = p.type_().typeNoBounds();
        }
        return t instanceof RustParser.RawPointerTypeContext raw
                ? new ExpectedPointer(raw.KW_MUT() != null ? "mut" : "const", raw.typeNoBounds().getText()) : null;
    }

    /** `ptr::read(p as _)`: the argument's parameter type, for the functions of the table. */
    private static ExpectedPointer stdArgument(RustParser.ExpressionContext cast,
                                               Map<String, List<String>> parametersOf, Edition edition) {
        ParserRuleContext node = UnsafeFactsBuilder.widenOverParentheses(cast);
        if (!(node.getParent() instanceof RustParser.NestedContext arg)
                || !(arg.getParent() instanceof RustParser.CallArgumentsContext args)
                || !(args.getParent() instanceof RustParser.CallExprContext call)
                || !(call.expression() instanceof RustParser.PathExprContext callee)) {
            return null;
        }
        List<String> path = ExpressionPaths.segments(callee.pathInExpression(), edition);
        // `ptr::read`, or a full std path like `std::sync::atomic::AtomicPtr::new` or `::core::ptr::read`
        String key = ExpressionPaths.stdKey(path);
        boolean stdPath = key != null && (path.size() == 2 || path.size() > 2
                && (StdUnsafeApis.isStdCrate(path.get(0)) || path.get(0).equals(ExpressionPaths.CRATE_MARKER)));
        List<String> parameters = !stdPath ? null
                : parametersOf.get(String.join("::", path.subList(path.size() - 2, path.size())));
        int index = args.nested().indexOf(arg);
        return parameters == null || index >= parameters.size() ? null : new ExpectedPointer(parameters.get(index), null);
    }

    private static RustParser.Type_Context expected(ParserRuleContext expression) {
        ParserRuleContext node = UnsafeFactsBuilder.widenOverParentheses(expression);
        ParseTree parent = node.getParent();
        if (parent instanceof RustParser.LetStatementContext l) {
            return l.expression() == node ? l.type_() : null;
        }
        if (parent instanceof RustParser.ReturnExprContext r) {
            return returnTypeOfEnclosingFn(r);
        }
        if (parent instanceof RustParser.ExpressionStatementContext es && es.SEMI() == null
                && es.getParent() instanceof RustParser.ExpressionStmtContext stmt
                && stmt.getParent() instanceof RustParser.BlockExpressionContext block
                && block.statement(block.statement().size() - 1) == stmt) {
            ParseTree owner = block.getParent();
            if (owner instanceof RustParser.Function_Context f) {
                return f.functionReturnType() == null ? null : f.functionReturnType().type_();
            }
            if ((owner instanceof RustParser.UnsafeBlockContext || owner instanceof RustParser.PlainBlockContext)
                    && owner.getParent() instanceof RustParser.BlockLikeExprContext value) {
                return expected(value);
            }
        }
        return null;
    }

    /** A `return` leaves the innermost fn, closure or async block; only a fn's type is declared here. */
    private static RustParser.Type_Context returnTypeOfEnclosingFn(ParserRuleContext node) {
        for (ParseTree p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof RustParser.ClosureExpressionContext || p instanceof RustParser.AsyncBlockContext) {
                return null;
            }
            if (p instanceof RustParser.Function_Context f) {
                return f.functionReturnType() == null ? null : f.functionReturnType().type_();
            }
        }
        return null;
    }
}
