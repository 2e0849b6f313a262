package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.macros.CallSite;
import dev.unsafehints.macros.DocAttribute;
import dev.unsafehints.macros.ExpandedToken;
import dev.unsafehints.parse.CommentTokens;
import dev.unsafehints.parse.FileToken;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The tokens a macro call passes to its macro: those inside its delimiters. A call written in the
 * file gives the file's own tokens (positions kept), with its outer doc comments made the
 * `#[doc = ".."]` attributes they are to rustc (a `$(#[$m:meta])*` matcher takes them, and the items
 * it writes keep their `# Safety` sections). A call written by another expansion gives the tokens
 * of that expansion.
 */
final class MacroCallInput {
    private MacroCallInput() {
    }

    static List<Token> of(FileModel model, RustParser.MacroInvocationContext m, String macroName) {
        RustParser.DelimTokenTreeContext tree = m.delimTokenTree();
        Token open = tree.getStart();
        Token close = tree.getStop();
        List<Token> tokens = new ArrayList<>();
        if (open instanceof ExpandedToken || open instanceof FileToken || isInsideExpansion(open, model)) {
            terminals(tree, tokens);
            return tokens.subList(1, tokens.size() - 1);
        }
        CommonTokenStream all = model.parsed().tokens();
        for (int i = open.getTokenIndex() + 1; i < close.getTokenIndex(); i++) {
            Token t = all.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(new FileToken(t));
            } else if (CommentTokens.isOuterDoc(t)) {
                tokens.addAll(DocAttribute.tokens(CommentTokens.docText(t), new CallSite(macroName, t, t)));
            }
        }
        return tokens;
    }

    /** Whether {@code t} is not the file's own token at its index (a token of a sub-parse). */
    private static boolean isInsideExpansion(Token t, FileModel model) {
        int i = t.getTokenIndex();
        return i < 0 || i >= model.parsed().tokens().size() || model.parsed().tokens().get(i) != t;
    }

    private static void terminals(ParseTree node, List<Token> into) {
        if (node instanceof TerminalNode t) {
            into.add(t.getSymbol());
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            terminals(node.getChild(i), into);
        }
    }
}
