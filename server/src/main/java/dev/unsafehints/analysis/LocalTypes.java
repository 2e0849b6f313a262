package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.workspace.FileDeclarations;
import java.util.function.Supplier;

/**
 * What the declarations say of an expression's type, without a type checker: `self` is the type of
 * the enclosing impl, a local has the type it was declared with (or inferred from a simple
 * initializer, see {@link PointerEvidence#typeTextOf}). References are left out, as field access
 * and method calls go through them.
 */
final class LocalTypes {
    private final Scopes scopes;
    private final Supplier<String> selfType;

    LocalTypes(Scopes scopes, Supplier<String> selfType) {
        this.scopes = scopes;
        this.selfType = selfType;
    }

    /** The type of `self`, `(e)` or a local with a known type, without references or spaces (`Self` replaced); else null. */
    String of(RustParser.ExpressionContext e) {
        if (e instanceof RustParser.ParenthesizedExprContext paren) {
            return of(paren.nested().expression());
        }
        if (!(e instanceof RustParser.PathExprContext p)) {
            return null;
        }
        if (p.getText().equals("self")) {
            return selfType.get();
        }
        Binding b = scopes.lookup(p.getText());
        if (b == null || b.typeText() == null) {
            return null;
        }
        String type = withoutReferences(b.typeText());
        return type.equals("Self") ? selfType.get() : type;
    }

    /** The name of that type: its last path segment without generic arguments (`Vec`, `NonNull`); else null. */
    String nameOf(RustParser.ExpressionContext e) {
        String type = of(e);
        if (type == null) {
            return null;
        }
        String name = FileDeclarations.lastSegmentName(type);
        return name.equals("Self") ? selfType.get() : name;
    }

    /** `&'a mut [u8]` becomes `[u8]`: a method call auto-derefs through references. Spaces are removed. */
    static String withoutReferences(String typeText) {
        return typeText.replaceFirst("^\\s*(&&?\\s*('\\w+\\s*)?(mut\\b\\s*)?)+", "").replaceAll("\\s+", "");
    }
}
