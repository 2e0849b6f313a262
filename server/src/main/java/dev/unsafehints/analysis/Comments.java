package dev.unsafehints.analysis;

import dev.unsafehints.text.SourceText;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/** Reads the comments of a file (kept on the lexer's hidden channel). */
public final class Comments {
    private final FileModel model;

    Comments(FileModel model) {
        this.model = model;
    }

    private CommonTokenStream tokens() {
        return model.parsed().tokens();
    }

    /** The comment tokens between {@code token} and the previous code token, in order. */
    public List<Token> before(Token token) {
        List<Token> hidden = tokens().getHiddenTokensToLeft(token.getTokenIndex());
        return hidden == null ? List.of() : hidden;
    }

    /**
     * The comments on the lines directly above {@code token}: walking up from the token, each comment
     * must end on the line just above the previous one (or on the same line), with no blank line and
     * no code in between.
     */
    public List<Token> directlyAbove(Token token) {
        List<Token> hidden = before(token);
        List<Token> result = new ArrayList<>();
        int tokenLine = model.positionOf(model.startOf(token)).line();
        SourceText source = model.source();
        for (int i = hidden.size() - 1; i >= 0; i--) {
            Token c = hidden.get(i);
            int start = model.startOf(c);
            int startLine = model.positionOf(start).line();
            int endLine = model.positionOf(Math.max(start, model.endOf(c) - 1)).line();
            if (endLine >= tokenLine) {
                continue; // on the same line as the code: clippy does not count it
            }
            boolean codeBefore = !source.text().substring(source.lineStart(startLine), start).isBlank();
            if (codeBefore) {
                break; // a trailing comment of an earlier line of code
            }
            result.add(0, c);
        }
        return result;
    }
}
