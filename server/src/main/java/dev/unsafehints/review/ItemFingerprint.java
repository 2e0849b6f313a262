package dev.unsafehints.review;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.parse.SafetyDocs;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.workspace.ModulePaths;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>Which item a site belongs to: the site itself when it is an item ({@code unsafe fn}, {@code unsafe
 * impl}, {@code unsafe trait}, extern block, {@code static mut}, union; an unsafe attribute belongs to
 * the item it is on), else the innermost {@code fn} around it, else the innermost item. Use a
 * {@link Finder} per file to get the fingerprint for a site.
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

    /** Site kinds (inventory rule ids) whose item is the site itself rather than the fn around it. */
    public static final Set<String> ITEM_KINDS = RuleCatalog.all().stream()
            .filter(r -> r.review() == RuleInfo.ReviewRole.ITEM_SITE).map(RuleDescriptor::id)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Finds and fingerprints the items of one parsed file; items are fingerprinted once. Not thread-safe. */
    public static final class Finder {
        private final FileModel model;
        private final SourceItems items;
        private final String modulePrefix;
        private final Map<SourceItems.Item, ItemFingerprint> cache = new IdentityHashMap<>();

        public Finder(FileModel model) {
            this(model, SourceItems.of(model));
        }

        Finder(FileModel model, SourceItems items) {
            this.model = model;
            this.items = items;
            List<String> modulePath = ModulePaths.of(model.path(), model.crate());
            this.modulePrefix = modulePath.isEmpty() ? "" : String.join("::", modulePath) + "::";
        }

        /** The fingerprint of the item a site of this kind at this offset belongs to, or null outside any item. */
        public ItemFingerprint forSite(String kind, int offset) {
            SourceItems.Item item = itemFor(kind, offset);
            return item == null ? null : of(item);
        }

        String modulePrefix() {
            return modulePrefix;
        }

        SourceItems.Item itemFor(String kind, int offset) {
            return ITEM_KINDS.contains(kind) ? items.innermostAt(offset) : items.enclosingFnOrItem(offset);
        }

        ItemFingerprint of(SourceItems.Item item) {
            return cache.computeIfAbsent(item, this::compute);
        }

        private ItemFingerprint compute(SourceItems.Item item) {
            List<String> context = new ArrayList<>();
            if (item.node instanceof RustParser.Function_Context f && f.functionQualifiers().KW_UNSAFE() != null
                    || item.node instanceof RustParser.Trait_Context t && t.KW_UNSAFE() != null) {
                context.add(SafetyDocs.safetySection(model.docsOf(item.holder)));
            } else if (item.node instanceof RustParser.ImplementationContext impl && impl.KW_UNSAFE() != null
                    && impl.type_() != null) {
                // The soundness of `unsafe impl Send for T` depends on T's fields: include T's definition.
                for (SourceItems.Item def : items.typeDefinitions(SourceItems.selfTypeName(impl))) {
                    context.add(normalizedText(model.parsed().tokens(), def.holder));
                }
            }
            return ItemFingerprint.of(modulePrefix + item.pathInFile(), model.parsed().tokens(), item.holder, context);
        }
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
