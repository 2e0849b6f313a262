package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.text.Snippets;
import dev.unsafehints.text.TextPosition;
import dev.unsafehints.text.TextRange;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.FnPointerField;
import dev.unsafehints.workspace.FnPointerTypes;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Calls through function pointers: `f(x)` where the local `f` is declared `unsafe fn(..)` (written
 * out or through a crate type alias), and `(self.f)(x)` / `(s.0)(x)` where the struct field is.
 * Calling such a value needs `unsafe` (E0133). Only declared types count, never names.
 */
final class FnPointerCalls {
    /** A call through an unsafe fn pointer: the callee as written, why it is unsafe, where it is declared. */
    record Target(String written, String why, RelatedLocation declaration) {
    }

    private final FileModel model;
    private final Scopes scopes;
    private final WorkspaceIndex.CrateDeclarations crate;
    private final LocalTypes types;

    FnPointerCalls(FileModel model, Scopes scopes, WorkspaceIndex.CrateDeclarations crate, Supplier<String> selfType) {
        this.model = model;
        this.scopes = scopes;
        this.crate = crate;
        this.types = new LocalTypes(scopes, selfType);
    }

    /** The unsafe fn pointer that {@code callee} (the expression before `(..)`) is, or null. */
    Target unsafeCallee(RustParser.ExpressionContext callee) {
        if (callee instanceof RustParser.PathExprContext p && p.pathInExpression().pathExprSegment().size() == 1) {
            Binding local = scopes.lookup(p.getText());
            return local != null ? binding(local, callee) : valueItem(p.getText(), callee);
        }
        if (callee instanceof RustParser.ParenthesizedExprContext paren) {
            RustParser.ExpressionContext inner = paren.nested().expression();
            return inner instanceof RustParser.FieldExprContext f ? field(f) : unsafeCallee(inner);
        }
        return null;
    }

    /** Whether a local is declared with a safe `fn(..)` pointer type: calling it is known to be safe. */
    static boolean isSafeFnPointer(Binding local) {
        return local != null && local.function() == null && FnPointerTypes.isSafeFnPointerText(local.typeText());
    }

    private Target binding(Binding b, ParserRuleContext callee) {
        if (b == null || b.function() != null || b.typeText() == null) {
            return null;
        }
        String declared = b.typeText().replaceAll("\\s+", " ").trim();
        String why;
        if (FnPointerTypes.isUnsafeFnPointerText(declared)) {
            why = "`" + b.name() + "` is declared `" + declared + "`";
        } else {
            String alias = FnPointerTypes.aliasCandidate(declared);
            String aliased = alias == null || isGenericParameter(alias, callee) ? null : crate.unsafeFnAlias(alias);
            if (aliased == null) {
                return null;
            }
            why = "`" + b.name() + "` is declared `" + declared + "`, an alias of `" + aliased + "`";
        }
        TextRange range = b.declaration();
        RelatedLocation at = range == null ? null : new RelatedLocation(null, range, model.positionOf(range.start()),
                model.positionOf(range.end()), "`" + b.name() + "` is declared here");
        return new Target(b.name(), why, at);
    }

    /**
     * A crate `const` or `static` of that name declared with an unsafe fn pointer type (nix's
     * `const LIBC_STATFS: unsafe extern fn(..) = libc::statfs64;`, declared in a `cfg_if!` branch,
     * which the index expands). Same-named items whose types disagree, and a crate fn of the name,
     * leave the call unknown.
     */
    private Target valueItem(String name, ParserRuleContext callee) {
        String declared = crate.staticType(name);
        if (declared == null || declared.isEmpty() || !crate.functionsNamed(name).isEmpty()) {
            return null;
        }
        declared = declared.replaceAll("\\s+", " ").trim();
        String why;
        if (FnPointerTypes.isUnsafeFnPointerText(declared)) {
            why = "`" + name + "` is declared `" + declared + "`";
        } else {
            String alias = FnPointerTypes.aliasCandidate(declared);
            String aliased = alias == null || isGenericParameter(alias, callee) ? null : crate.unsafeFnAlias(alias);
            if (aliased == null) {
                return null;
            }
            why = "`" + name + "` is declared `" + declared + "`, an alias of `" + aliased + "`";
        }
        return new Target(name, why, null);
    }

    /** Whether an enclosing fn, impl or trait declares a type parameter of this name (it hides an alias). */
    private static boolean isGenericParameter(String name, ParserRuleContext at) {
        for (ParserRuleContext p = at; p != null; p = p.getParent()) {
            RustParser.GenericParamsContext generics = p instanceof RustParser.Function_Context f ? f.genericParams()
                    : p instanceof RustParser.ImplementationContext i ? i.genericParams()
                    : p instanceof RustParser.Trait_Context t ? t.genericParams() : null;
            if (generics != null && generics.genericParam().stream()
                    .anyMatch(g -> g.identifier() != null && g.identifier().getText().equals(name))) {
                return true;
            }
        }
        return false;
    }

    private Target field(RustParser.FieldExprContext f) {
        String name = f.identifier() != null ? f.identifier().getText() : f.INTEGER_LITERAL().getText();
        String struct = types.nameOf(f.expression());
        if (Character.isDigit(name.charAt(0)) && (struct == null || !crate.declaresStruct(struct))) {
            return null; // `x.0` of a type the crate does not declare: tuple fields are too common to go by name
        }
        FnPointerField declared = crate.unsafeFnField(struct, name);
        if (declared == null) {
            return null;
        }
        String fieldPath = declared.struct() + "::" + declared.field();
        String why = declared.aliasName() == null
                ? "field `" + fieldPath + "` is declared `" + declared.typeText() + "`"
                : "field `" + fieldPath + "` is declared `" + declared.typeText() + "`, an alias of `"
                        + crate.unsafeFnAlias(declared.aliasName()) + "`";
        return new Target(Snippets.shorten(model.textOf(f)), why, related(declared));
    }

    private RelatedLocation related(FnPointerField f) {
        java.nio.file.Path file = f.file() != null && f.file().equals(model.path()) ? null : f.file();
        int offset = file == null ? model.source().offsetAt(f.position()) : 0;
        // a named field is shown by its name; a tuple struct's field by its type
        int length = Character.isDigit(f.field().charAt(0)) ? f.typeText().length() : f.field().length();
        TextRange range = file == null ? new TextRange(offset, offset + length) : new TextRange(0, 0);
        TextPosition end = new TextPosition(f.position().line(), f.position().column() + length);
        return new RelatedLocation(file, range, f.position(), end,
                "`" + f.struct() + "::" + f.field() + "` is declared here");
    }
}
