package dev.unsafehints.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * The identity of the item that holds an unsafe site (the fn, impl, static, ... around it), as it
 * was when someone looked at it. Two versions of an item have the same fingerprint exactly when
 * their item path ({@code raw::impl Foo::fn bar}) and their tokens are the same: whitespace and
 * ordinary comments take no part, so reformatting or editing a comment keeps the fingerprint,
 * while any change to the code (the unsafe code or the safe code around it) changes it. Line
 * numbers take no part either, so moving an item within its module keeps it.
 *
 * <p>Callers add what else the soundness of the item depends on as {@code context}: the
 * {@code # Safety} section of an unsafe fn or trait (the contract callers rely on), the definition
 * of the type an {@code unsafe impl} is for (a new field can break {@code Send}).
 *
 * @param itemPath the enclosing item path, module path of the file included
 * @param hash     16 hex digits of SHA-256 over the path, the tokens and the context
 */
public record ItemFingerprint(String itemPath, String hash) {
    /** Written into ledgers and reports, so a future change of the scheme can be recognised. */
    public static final String SCHEME = "item-tokens/v1";

    /** The fingerprint of an item from its tokens ({@code holder}: the item with its outer attributes). */
    public static ItemFingerprint of(String itemPath, TokenStream tokens, ParserRuleContext holder, List<String> context) {
        StringBuilder text = new StringBuilder(normalizedText(tokens, holder));
        for (String c : context) {
            text.append('\u0000').append(collapse(c));
        }
        return of(itemPath, text.toString());
    }

    /** The fingerprint of an item whose text is already normalized. */
    public static ItemFingerprint of(String itemPath, String normalizedText) {
        return new ItemFingerprint(itemPath, sha256(SCHEME + '\u0000' + itemPath + '\u0000' + normalizedText));
    }

    /** The code tokens of a node (comments and whitespace dropped), separated by single spaces. */
    public static String normalizedText(TokenStream tokens, ParserRuleContext node) {
        Token start = node.getStart();
        Token stop = node.getStop();
        if (start == null || stop == null || stop.getTokenIndex() < start.getTokenIndex()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = start.getTokenIndex(); i <= stop.getTokenIndex() && i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getType() == Token.EOF) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.getText());
        }
        return sb.toString();
    }

    /**
     * The identity of one site within its item: the item's fingerprint, the site's kind and its
     * number among the item's sites of that kind. 16 hex digits; users may abbreviate it.
     */
    public static String siteHash(String itemHash, String kind, int ordinal) {
        return sha256(itemHash + '\u0000' + kind + '\u0000' + ordinal);
    }

    /** The first 8 hex digits, as printed next to each site. */
    public String shortHash() {
        return hash.substring(0, 8);
    }

    static String collapse(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
