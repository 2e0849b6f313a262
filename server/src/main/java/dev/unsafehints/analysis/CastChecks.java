package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.text.TextEdit;
import dev.unsafehints.text.TextRange;
import java.util.List;

/**
 * What the walk needs to know of pointer casts: the `*mut` casts of a pointer that comes from a
 * shared borrow (`&x as *mut T`, rejected by the compiler, E0606; `&x as *const T as *mut T`;
 * `.as_ptr() as *mut T`), recorded as {@link CodeSite}s, and the `&raw` rewrite of a borrow cast
 * (the raw-pointer-cast inventory's quick fix).
 */
final class CastChecks {
    private CastChecks() {
    }

    /**
     * `&x as *const T` becomes `&raw const x` (and `&mut x as *mut T` becomes `&raw mut x`) when the
     * cast only restates the type, else `&raw const x as *const T`: no intermediate reference. Before
     * Rust 1.82 (edition 2015/2018 crates often target older compilers) `ptr::addr_of!(x)` is offered
     * instead. {@code typeOf} gives a local's declared type, or null.
     */
    static List<Fix> rawBorrowFixes(FileModel model, RustParser.CastExprContext cast, boolean toMut,
                                    java.util.function.Function<RustParser.ExpressionContext, String> typeOf) {
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
        TextRange range = rawBorrowRange(model, cast, b, typeOf);
        return List.of(new Fix("Use `" + raw + "` (no intermediate reference)", List.of(new TextEdit(range, raw))),
                new Fix("Use `" + macro + "` (before Rust 1.82)", List.of(new TextEdit(range, macro))));
    }

    /**
     * What `&raw const x` replaces in `&x as *const T`: the whole cast when its type only restates
     * the place's, else the borrow alone (the cast then stays).
     */
    static TextRange rawBorrowRange(FileModel model, RustParser.CastExprContext cast, RustParser.BorrowExprContext b,
                                    java.util.function.Function<RustParser.ExpressionContext, String> typeOf) {
        return restatesType(model, cast, b, typeOf) ? model.rangeOf(cast) : model.rangeOf(b);
    }

    /**
     * Whether `&place as *const T` names only the type the raw borrow has anyway: a reference casts
     * only to a pointer to its own type (or an unsized one, which keeps the cast), so T is the
     * place's type when it is `_`, the place's declared type, or the default type of the unsuffixed
     * literal a local was bound to (`let num = 5;` then `&num as *const i32`; with another type the
     * cast is what makes `num` that type, so it stays).
     */
    private static boolean restatesType(FileModel model, RustParser.CastExprContext cast, RustParser.BorrowExprContext b,
                                        java.util.function.Function<RustParser.ExpressionContext, String> typeOf) {
        RustParser.CastTypeContext target = cast.castType();
        if (target.castType() == null) {
            return false;
        }
        String pointee = model.textOf(target.castType()).replaceAll("\\s+", "");
        if (pointee.equals("_")) {
            return true;
        }
        String declared = typeOf == null ? null : typeOf.apply(b.expression());
        if (declared != null) {
            return declared.replaceAll("\\s+", "").equals(pointee);
        }
        if (!(b.expression() instanceof RustParser.PathExprContext path) || !(pointee.equals("i32") || pointee.equals("f64"))) {
            return false;
        }
        String name = java.util.regex.Pattern.quote(path.getText());
        String before = model.source().text().substring(0, model.startOf(cast.getStart()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\blet\\s+(?:mut\\s+)?" + name
                + "\\s*(:[^=;]*)?=\\s*([^;]*);").matcher(before);
        String init = null;
        String annotation = null;
        while (m.find()) {
            annotation = m.group(1);
            init = m.group(2).strip();
        }
        if (init == null || annotation != null) {
            return false;
        }
        return pointee.equals("i32") ? init.matches("-?[0-9][0-9_]*") : init.matches("-?[0-9][0-9_]*\\.[0-9_]+");
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

    /**
     * Records a `*mut` cast whose pointer comes from a shared borrow: `&x as *mut T`, `&x as *const T
     * as *mut T`, and `.as_ptr() as *mut T` on a slice-like receiver.
     */
    static void mutableFromShared(FileModel model, RustParser.CastExprContext cast, boolean toMut, UnsafeFacts facts,
                                  java.util.function.Function<RustParser.ExpressionContext, String> typeOf,
                                  boolean borrowOfPlace) {
        RustParser.ExpressionContext operand = cast.expression();
        if (toMut && operand instanceof RustParser.BorrowExprContext b && b.KW_RAW() == null && b.KW_MUT() == null
                && b.AND() != null) {
            facts.codeSites.add(new CodeSite.SharedBorrowAsMut(model.rangeOf(cast), model.textOf(b.expression()),
                    model.rangeOf(b), borrowOfPlace));
            return;
        }
        if (toMut && operand instanceof RustParser.CastExprContext inner && inner.castType().STAR() != null
                && inner.castType().KW_CONST() != null
                && inner.expression() instanceof RustParser.BorrowExprContext b && b.KW_RAW() == null
                && b.KW_MUT() == null) {
            facts.codeSites.add(new CodeSite.SharedBorrowThroughConst(model.rangeOf(cast), model.textOf(b)));
            return;
        }
        if (toMut && operand instanceof RustParser.MethodCallExprContext m
                && m.pathExprSegment().getText().equals("as_ptr") && isSliceLike(m.expression(), typeOf)) {
            facts.codeSites.add(new CodeSite.ReadOnlyPointerAsMut(model.rangeOf(cast), model.rangeOf(m.pathExprSegment())));
        }
    }
}
