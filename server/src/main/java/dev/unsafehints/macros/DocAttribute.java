package dev.unsafehints.macros;

import dev.unsafehints.grammar.RustLexer;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * A doc comment as the attribute it is to rustc: `/// text` is `#[doc = " text"]` in a token
 * stream. Our lexer keeps comments off the code channel, so a macro's matcher (`$(#[$m:meta])*`)
 * and transcriber would lose them; written as attributes, the items a macro writes keep their
 * `# Safety` sections.
 */
public final class DocAttribute {
    private DocAttribute() {
    }

    /** The attribute's tokens, each at {@code at}. */
    public static List<Token> tokens(String docText, CallSite at) {
        return List.of(new ExpandedToken(RustLexer.POUND, "#", at), new ExpandedToken(RustLexer.LBRACKET, "[", at),
                new ExpandedToken(RustLexer.IDENTIFIER, "doc", at), new ExpandedToken(RustLexer.EQ, "=", at),
                new ExpandedToken(RustLexer.STRING_LITERAL, literal(docText), at),
                new ExpandedToken(RustLexer.RBRACKET, "]", at));
    }

    /** The attribute as text: `# [ doc = "..." ]`. */
    public static String text(String docText) {
        return "# [ doc = " + literal(docText) + " ] ";
    }

    private static String literal(String docText) {
        return "\"" + docText.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n") + "\"";
    }
}
