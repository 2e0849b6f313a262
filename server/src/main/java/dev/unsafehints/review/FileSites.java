package dev.unsafehints.review;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.DeepStack;
import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.FunctionFact;
import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.UnsafeBlockFact;
import dev.unsafehints.analysis.UnsafeFacts;
import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.rules.inventory.InlineAsmRule;
import dev.unsafehints.rules.inventory.InventoryKinds;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextRange;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The unsafe sites of one version of one file, each tied to the item that holds it and that
 * item's fingerprint. A site is an unsafe block, fn, impl or trait, an extern block, a static mut,
 * a union, an unsafe attribute, or inline assembly outside any unsafe block.
 */
final class FileSites {
    /**
     * The inventory kinds that are review sites, as each rule declares ({@link RuleInfo.ReviewRole#isSite()};
     * casts and raw borrows are safe to write, and are none).
     */
    static final Set<String> SITE_KINDS = RuleCatalog.all().stream().filter(r -> r.review().isSite())
            .map(RuleDescriptor::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** One site of the file. */
    static final class Site {
        final String kind;
        final TextRange range;
        final SourceItems.Item item;
        final ItemFingerprint fingerprint;
        final int ordinal;
        final String name;
        final InventorySite inventory;
        final UnsafeBlockFact block;
        final FunctionFact function;
        String siteId;

        Site(String kind, TextRange range, SourceItems.Item item, ItemFingerprint fingerprint, int ordinal, String name,
             InventorySite inventory, UnsafeBlockFact block, FunctionFact function) {
            this.kind = kind;
            this.range = range;
            this.item = item;
            this.fingerprint = fingerprint;
            this.ordinal = ordinal;
            this.name = name;
            this.inventory = inventory;
            this.block = block;
            this.function = function;
        }

        String siteHash() {
            return ItemFingerprint.siteHash(fingerprint.hash(), kind, ordinal);
        }
    }

    final String file;
    final Path path;
    final FileModel model;
    final SourceItems items;
    final List<Site> sites;
    final int syntaxErrors;
    /** The item path of every item of the file (module path included), whether it holds unsafe code or not. */
    final Set<String> itemPaths;

    private FileSites(String file, Path path, FileModel model, SourceItems items, List<Site> sites, int syntaxErrors,
                      String modulePrefix) {
        this.file = file;
        this.path = path;
        this.model = model;
        this.items = items;
        this.sites = sites;
        this.syntaxErrors = syntaxErrors;
        Set<String> paths = new java.util.HashSet<>();
        for (SourceItems.Item i : items.all()) {
            paths.add(modulePrefix + i.pathInFile());
        }
        this.itemPaths = paths;
    }

    SourceText source() {
        return model.source();
    }

    /** Parses and analyzes one version of a file on a deep stack; never throws for bad input. */
    static FileSites analyze(String file, Path path, String text, CrateInfo crate, WorkspaceIndex index,
                             AnalysisSettings settings) {
        return DeepStack.call(() -> {
            ParsedFile parsed = RustParsing.parse(text, crate.edition());
            FileModel model = new FileModel(new SourceDocument(path, text, crate), new SourceText(text), parsed, index,
                    settings);
            SourceItems items = SourceItems.of(model);
            ItemFingerprint.Finder finder = new ItemFingerprint.Finder(model, items);
            List<Site> sites = new Extractor(model, items, finder).sites();
            return new FileSites(file, path, model, items, sites, parsed.errors().size(), finder.modulePrefix());
        });
    }

    /** Turns the inventory of a file into sites with their items, fingerprints and ids. */
    private static final class Extractor {
        private final SourceItems items;
        private final ItemFingerprint.Finder finder;
        private final UnsafeFacts facts;
        private final Map<String, Integer> perItem = new HashMap<>();
        private final Map<String, Integer> perName = new HashMap<>();

        Extractor(FileModel model, SourceItems items, ItemFingerprint.Finder finder) {
            this.items = items;
            this.finder = finder;
            this.facts = model.facts();
        }

        List<Site> sites() {
            Map<Integer, UnsafeBlockFact> blocksByStart = new HashMap<>();
            for (UnsafeBlockFact b : facts.blocks()) {
                blocksByStart.put(b.range().start(), b);
            }
            List<InventorySite> inventory = new ArrayList<>(facts.inventory());
            inventory.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
            List<Site> sites = new ArrayList<>();
            for (InventorySite s : inventory) {
                String rule = InventoryKinds.ruleId(s.kind());
                if (!SITE_KINDS.contains(rule)) {
                    continue;
                }
                int at = s.range().start();
                SourceItems.Item item = finder.itemFor(rule, at);
                if (item == null) {
                    continue; // not inside any item: only possible in badly broken code
                }
                FunctionFact function = functionOf(item);
                if (rule.equals(InlineAsmRule.ID) && (insideBlock(at) || function != null && function.isUnsafe())) {
                    continue; // asm! in unsafe code is an operation of its block or fn, not a site of its own
                }
                ItemFingerprint fingerprint = finder.of(item);
                int ordinal = perItem.merge(fingerprint.itemPath() + '\u0000' + rule, 1, Integer::sum);
                String name = displayName(item, s);
                Site site = new Site(rule, s.range(), item, fingerprint, ordinal, name, s,
                        blocksByStart.get(at), function);
                int n = perName.merge(name + '\u0000' + rule, 1, Integer::sum);
                site.siteId = name + ":" + rule + "#" + n;
                sites.add(site);
            }
            return sites;
        }

        private boolean insideBlock(int offset) {
            for (UnsafeBlockFact b : facts.blocks()) {
                if (b.range().contains(offset)) {
                    return true;
                }
            }
            return false;
        }

        private FunctionFact functionOf(SourceItems.Item item) {
            for (SourceItems.Item i = item; i != null; i = i.parent) {
                if (i.kind == SourceItems.Kind.FN) {
                    for (FunctionFact f : facts.functions()) {
                        if (f.context() == i.node) {
                            return f;
                        }
                    }
                    return null;
                }
            }
            return null;
        }

        /** The short name in a site id: {@code Type::fn} for methods, the trait and type for unsafe impls. */
        private String displayName(SourceItems.Item item, InventorySite site) {
            String name;
            if (item.node instanceof RustParser.ImplementationContext impl) {
                String trait = SourceItems.traitName(impl);
                name = "impl-" + (trait == null ? "" : trait + "-for-") + item.name;
            } else if (item.kind == SourceItems.Kind.FN && item.parent != null
                    && (item.parent.kind == SourceItems.Kind.IMPL || item.parent.kind == SourceItems.Kind.TRAIT)) {
                name = item.parent.name + "::" + item.name;
            } else if (item.kind == SourceItems.Kind.EXTERN_BLOCK) {
                name = item.label.replace("\"", "").replace(' ', '-');
            } else {
                name = item.name.isEmpty() ? item.label : item.name;
            }
            return name.replaceAll("[\\s:#]+$", "").replaceAll("\\s+", "-");
        }
    }
}
