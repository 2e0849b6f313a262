package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.text.TextEdit;
import dev.unsafehints.text.TextRange;
import java.util.List;

/**
 * Pointer casts worth a guideline finding: `&x as *mut T` (rejected by the compiler, E0606),
 * `&x as *const T as *mut T` and `.as_ptr() as *mut T` (a pointer from a shared borrow must not be
 * written through), with quick fixes that use `&raw`.
 */
final class CastChecks {
    private CastChecks() {
    }

    /**
     * `&x as *const T` becomes `&raw const x as *const T` (and `&mut x as *mut T` becomes `&raw mut x ..`):
     * no intermediate reference, and the cast to the written type stays. Before Rust 1.82 (edition
     * 2015/2018 crates often target older compilers) `ptr::addr_of!(x)` is offered instead.
     */
    static List<Fix> rawBorrowFixes(FileModel model, RustParser.CastExprContext cast, boolean toMut) {
        if (!(cast.expression() instanceof RustParser.BorrowExprContext b) || b.KW_RAW() != null || b.AND() == null) {
            return List.of();
        }
        boolean mutBorrow = b.KW_MUT() != null;
        if (toMut && !mutBorrow) {
            return List.of(); // `&x as *mut T` does not compile; invalid-ptr-cast offers the fix
        }
        String place = model.textOf(b.expression());
        String raw = (toMut ? "&raw mut " : "&raw const ") + place;
        String macro = (toMut ? "core::ptr::addr_of_mut!(" : "core::ptr::addr_of!(") + place + ")";
        TextRange range = model.rangeOf(b);
        return List.of(new Fix("Use `" + raw + "` (no intermediate reference)", List.of(new TextEdit(range, raw))),
                new Fix("Use `" + macro + "` (before Rust 1.82)", List.of(new TextEdit(range, macro))));
    }

    /**
     * Receivers whose `as_ptr` returns `*const` and that have an `as_mut_ptr`: slices, arrays, `Vec`,
     * `String`, `str` (known from a literal or a declared type). `NonNull::as_ptr` and `Cell::as_ptr`
     * already return `*mut`, so unknown receivers are left alone.
     */
    private static boolean isSliceLike(RustParser.ExpressionContext receiver,
                                       java.util.function.Function<RustParser.ExpressionContext, String> typeOf) {
        if (receiver instanceof RustParser.ArrayExprContext || receiver instanceof RustParser.LiteralExprContext) {
            return true;
        }
        String type = typeOf.apply(receiver);
        if (type != null) {
            String t = type.replaceAll("\\s+", "").replaceFirst("^&(mut)?", "").replaceFirst("^'[a-z_]+", "");
            return t.startsWith("[") || t.startsWith("Vec<") || t.equals("String") || t.equals("str")
                    || t.startsWith("Box<[") || t.startsWith("Box<str");
        }
        if (receiver instanceof RustParser.MacroInvocationExprContext m) {
            return m.macroInvocation().simplePath().getText().equals("vec");
        }
        return false;
    }

    static void check(FileModel model, RustParser.CastExprContext cast, boolean toMut, UnsafeFacts facts,
                      java.util.function.Function<RustParser.ExpressionContext, String> typeOf,
                      boolean borrowOfPlace) {
        RustParser.ExpressionContext operand = cast.expression();
        if (toMut && operand instanceof RustParser.BorrowExprContext b && b.KW_RAW() == null && b.KW_MUT() == null
                && b.AND() != null) {
            String place = model.textOf(b.expression());
            TextRange borrowRange = model.rangeOf(b);
            facts.contextualSites.add(new UnsafeFacts.ContextualSite("invalid-ptr-cast", model.rangeOf(cast),
                    "`&" + place + " as *mut _` does not compile (E0606): a shared borrow cannot become a mutable"
                            + " pointer; use `&raw mut " + place + "` (then `" + place + "` must be declared `mut`)",
                    borrowOfPlace ? List.of(new Fix("Use `&raw mut " + place + "` (`" + place + "` must be `mut`)",
                            List.of(new TextEdit(borrowRange, "&raw mut " + place)))) : List.of(), Severity.ERROR));
            return;
        }
        if (toMut && operand instanceof RustParser.CastExprContext inner && inner.castType().STAR() != null
                && inner.castType().KW_CONST() != null
                && inner.expression() instanceof RustParser.BorrowExprContext b && b.KW_RAW() == null
                && b.KW_MUT() == null) {
            facts.contextualSites.add(new UnsafeFacts.ContextualSite("invalid-ptr-cast", model.rangeOf(cast),
                    "this `*mut` pointer comes from a shared borrow (`" + model.textOf(b) + "`): writing through it"
                            + " is undefined behaviour", List.of()));
            return;
        }
        if (toMut && operand instanceof RustParser.MethodCallExprContext m
                && m.pathExprSegment().getText().equals("as_ptr") && isSliceLike(m.expression(), typeOf)) {
            facts.contextualSites.add(new UnsafeFacts.ContextualSite("invalid-ptr-cast", model.rangeOf(cast),
                    "`.as_ptr()` gives a pointer for reading only: writing through this `*mut` is undefined"
                            + " behaviour; use `.as_mut_ptr()`", List.of(new Fix("Use `.as_mut_ptr()`",
                    List.of(new TextEdit(model.rangeOf(m.pathExprSegment()), "as_mut_ptr"))))));
        }
    }
}
