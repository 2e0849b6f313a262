package dev.unsafehints.lsp.features;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.parse.TokenOffsets;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The code tokens of a document (comments and whitespace left out), for the few editor features
 * that look at syntax the findings do not cover, such as hovering a raw pointer type.
 */
final class LexedSource {
    /** A raw pointer type in the text: {@code *const T} or {@code *mut T}. */
    record PointerType(boolean mutable, String pointee, TextRange range) {
    }

    private final List<Token> tokens;
    private final TokenOffsets offsets;

    private LexedSource(List<Token> tokens, TokenOffsets offsets) {
        this.tokens = tokens;
        this.offsets = offsets;
    }

    static LexedSource of(String text, Edition edition) {
        RustLexer lexer = new RustLexer(CharStreams.fromString(text));
        lexer.setEdition(edition);
        lexer.removeErrorListeners();
        List<Token> code = new ArrayList<>();
        for (Token t : lexer.getAllTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                code.add(t);
            }
        }
        return new LexedSource(code, new TokenOffsets(text));
    }

    int start(Token t) {
        return offsets.toUtf16(t.getStartIndex());
    }

    int end(Token t) {
        return offsets.toUtf16(t.getStopIndex() + 1);
    }

    /** Index of the code token holding the offset (or ending right at it), or -1. */
    int tokenAt(int offset) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Token t = tokens.get(mid);
            if (end(t) <= offset) {
                lo = mid + 1;
            } else if (start(t) > offset) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        // the cursor just after a token (e.g. at the end of `mut`) still means that token
        return lo - 1 >= 0 && end(tokens.get(lo - 1)) == offset ? lo - 1 : -1;
    }

    Token token(int index) {
        return index >= 0 && index < tokens.size() ? tokens.get(index) : null;
    }

    /**
     * The raw pointer type whose {@code *const} or {@code *mut} holds the offset. In Rust a
     * {@code *} directly followed by the keyword {@code const} or {@code mut} only occurs in such types.
     */
    Optional<PointerType> pointerTypeAt(int offset) {
        int i = tokenAt(offset);
        Token t = token(i);
        if (t == null) {
            return Optional.empty();
        }
        int star = t.getType() == RustLexer.STAR ? i
                : (t.getType() == RustLexer.KW_CONST || t.getType() == RustLexer.KW_MUT) ? i - 1 : -1;
        Token starToken = token(star);
        Token keyword = token(star + 1);
        if (starToken == null || starToken.getType() != RustLexer.STAR || keyword == null
                || (keyword.getType() != RustLexer.KW_CONST && keyword.getType() != RustLexer.KW_MUT)) {
            return Optional.empty();
        }
        return Optional.of(new PointerType(keyword.getType() == RustLexer.KW_MUT, pointee(star + 2),
                new TextRange(start(starToken), end(keyword))));
    }

    /** The written pointee when it is a plain path like {@code u8} or {@code std::ffi::c_void}; else "T". */
    private String pointee(int from) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            boolean name = t.getType() == RustLexer.IDENTIFIER || t.getType() == RustLexer.KW_SELFTYPE;
            boolean sep = t.getType() == RustLexer.PATHSEP;
            if (!(name || sep) || (name && sb.length() > 0 && !sb.toString().endsWith("::"))) {
                break;
            }
            sb.append(t.getText());
        }
        String s = sb.toString();
        return s.isEmpty() || s.endsWith("::") ? "T" : s;
    }
}
