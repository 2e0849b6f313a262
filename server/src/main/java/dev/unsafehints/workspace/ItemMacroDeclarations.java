package dev.unsafehints.workspace;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.macros.CallSite;
import dev.unsafehints.macros.ExpansionBudget;
import dev.unsafehints.macros.ExpansionException;
import dev.unsafehints.macros.MacroDefinition;
import dev.unsafehints.macros.MacroExpander;
import dev.unsafehints.parse.CommentTokens;
import dev.unsafehints.text.TextPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * What a crate's own macros declare where they are called among items: nix declares unsafe fns
 * inside `feature! { .. }` and calls them from other files, libc declares `CMSG_*` through its
 * `f! { .. }`. The index expands each such call with the crate's one definition of the macro (as
 * the analysis finds it, {@code MacroDefinitions}), reads the expansion like a file's items (a
 * declarations-only parse) and declares what it holds where the call stands: in the call's module,
 * at the call's position, inside the impl, trait or extern block the call is written in.
 *
 * <p>A file's expansions depend on definitions in other files, so they are made when the crate's
 * declarations are merged and kept with the file's declarations ({@link Expanded}), with the
 * definitions they used: they are made again only when one of those changed. A call that does not
 * expand (no definition, several, a failure, an expansion that does not parse) declares nothing.
 */
public final class ItemMacroDeclarations {
    /** What a file's calls declared, and the definitions they were expanded with (name -> digest). */
    record Expanded(Map<String, String> used, List<FileDeclarations> files) {
        Stored stored() {
            return new Stored(used, files.stream().map(FileDeclarations::stored).toList());
        }

        static Expanded restored(Stored s) {
            return new Expanded(s.used(), s.files().stream().map(FileDeclarations::restored).toList());
        }
    }

    /** {@link Expanded} as plain data, for the declarations cache. */
    public record Stored(Map<String, String> used, List<FileDeclarations.Stored> files) {
    }

    private ItemMacroDeclarations() {
    }

    /**
     * {@code files} and the declarations their item macro calls make, each file's expanded once
     * for the definitions the crate has now.
     */
    public static List<FileDeclarations> withExpansions(List<FileDeclarations> files, Edition edition) {
        return withExpansions(files, edition, DependencyMacros.NONE);
    }

    /**
     * The `#[macro_export]` macros of a crate's dependencies, by the names the crate gives them, for
     * the calls among its items that name one (`dep::m! { .. }`, or `m! { .. }` after `use dep::m;`
     * or through `#[macro_use] extern crate dep;`).
     */
    @FunctionalInterface
    public interface DependencyMacros {
        /** The body (as text) of the exported macro {@code name} of dependency {@code crateName}, or null. */
        String exported(String crateName, String name);

        DependencyMacros NONE = (crateName, name) -> null;
    }

    /** As {@link #withExpansions(List, Edition)}, the calls of the dependencies' macros expanded too. */
    public static List<FileDeclarations> withExpansions(List<FileDeclarations> files, Edition edition,
                                                        DependencyMacros dependencies) {
        if (files.stream().allMatch(f -> f.itemMacroCalls().isEmpty())) {
            return files;
        }
        Definitions definitions = new Definitions(files, dependencies);
        List<FileDeclarations> all = new ArrayList<>(files);
        for (FileDeclarations f : files) {
            if (!f.itemMacroCalls().isEmpty()) {
                all.addAll(expansionOf(f, definitions, edition).files());
            }
        }
        return all;
    }

    /** Makes every file's expansions now (a package about to be written to the cache keeps them). */
    public static void expandAll(List<FileDeclarations> files, Edition edition) {
        withExpansions(files, edition);
    }

    private static Expanded expansionOf(FileDeclarations f, Definitions definitions, Edition edition) {
        synchronized (f) {
            Expanded known = f.expanded();
            if (known != null && definitions.stillHold(f, known.used())) {
                return known;
            }
            Map<String, String> used = new TreeMap<>();
            List<FileDeclarations> out = new ArrayList<>();
            for (FileDeclarations.ItemMacroCall call : f.itemMacroCalls()) {
                expand(f, call, call.position(), definitions, edition, indexBudget(), used, out);
            }
            Expanded made = new Expanded(Map.copyOf(used), List.copyOf(out));
            f.setExpanded(made);
            return made;
        }
    }

    /**
     * A fifth of the analysis' budget per call: what a call declares is rarely deep (libc's `f!`,
     * nix's `feature!`, std's `int_impl!` at 30,000 tokens), and each level of a runaway macro
     * costs the index a parse of everything it wrote; the analysis still gives the call its note.
     */
    private static ExpansionBudget indexBudget() {
        return new ExpansionBudget(64, ExpansionBudget.DEFAULT_TOKENS / 5, ExpansionBudget.DEFAULT_STEPS / 5);
    }

    private static void expand(FileDeclarations f, FileDeclarations.ItemMacroCall call, TextPosition at,
                               Definitions definitions, Edition edition, ExpansionBudget budget,
                               Map<String, String> used, List<FileDeclarations> out) {
        List<String> path = call.path();
        if (path.size() > 2 || budget.exhausted()) {
            return;
        }
        String name = path.get(path.size() - 1);
        Definitions.Found found = definitions.resolve(f, path);
        // kept even when nothing was found: a dependency indexed later may define it
        used.put(String.join("::", path), Definitions.digest(found.bodies()));
        for (String body : found.bodies()) {
            if (mayDeclareUnsafe(body) || mayDeclareUnsafe(call.input())
                    || call.frame() != null && mayDeclareUnsafe(call.frame()) // an extern block's items are unsafe
                    || callsOneThatMayDeclareUnsafe(f, body, found.crateName(), definitions)) {
                expandWith(f, call, name, body, found.crateName(), at, definitions, edition, budget, used, out);
            }
        }
    }

    private static void expandWith(FileDeclarations f, FileDeclarations.ItemMacroCall call, String name, String body,
                                   String crateName, TextPosition at, Definitions definitions, Edition edition,
                                   ExpansionBudget budget, Map<String, String> used, List<FileDeclarations> out) {
        List<Token> input = lex(call.input());
        Token anchor = new CommonToken(RustLexer.IDENTIFIER, name);
        List<Token> tokens;
        boolean entered = false;
        try {
            budget.enter(name);
            entered = true;
            MacroDefinition definition = definitions.read(name, body);
            if (crateName != null) { // its `$crate` is the dependency, so its `$crate::m!` calls are too
                definition = definition.ofCrate(crateName);
            }
            tokens = MacroExpander.expand(definition, new CallSite(name, anchor, anchor), input, budget);
        } catch (ExpansionException e) {
            return; // the analysis gives the note at the call
        } finally {
            if (entered) {
                budget.exit();
            }
        }
        StringBuilder text = new StringBuilder();
        if (call.frame() != null) {
            text.append(call.frame()).append("{ ");
        }
        appendWithoutPlainDocs(tokens, text);
        if (call.frame() != null) {
            text.append('}');
        }
        ParsedFile parsed = RustParsing.parseDeclarations(text.toString(), edition);
        if (parsed.hasErrors()) {
            return; // not items: declares nothing rather than what error recovery makes of it
        }
        FileDeclarations declared = FileDeclarations.of(f.file(), call.module(), parsed, text.toString());
        if (!declared.itemMacroCalls().isEmpty()) {
            entered = false;
            try {
                budget.enter(name); // nested calls count one level deeper
                entered = true;
                for (FileDeclarations.ItemMacroCall nested : declared.itemMacroCalls()) {
                    expand(f, nested, at, definitions, edition, budget, used, out);
                }
            } catch (ExpansionException e) {
                // too deep: what was declared so far stays
            } finally {
                if (entered) {
                    budget.exit();
                }
            }
        }
        out.add(declared.expansionAt(at));
    }

    /**
     * Appends the tokens' text, leaving out the `#[doc = ".."]` lines that are no part of a
     * `# Safety` section: the index reads an item's docs only for that section, and std's macros
     * write thousands of doc lines that would cost more to parse than the items they document.
     */
    private static void appendWithoutPlainDocs(List<Token> tokens, StringBuilder text) {
        boolean inSafety = false;
        int i = 0;
        while (i < tokens.size()) {
            String doc = docLiteral(tokens, i);
            if (doc == null) {
                inSafety = false; // the item's docs ended
                text.append(tokens.get(i).getText()).append(' ');
                i++;
                continue;
            }
            String line = doc.substring(1).strip(); // after the opening quote
            if (line.startsWith("#")) {
                inSafety = line.toLowerCase(java.util.Locale.ROOT).contains("safety");
            }
            if (inSafety || doc.contains("Safety")) {
                for (int j = i; j < i + 6; j++) {
                    text.append(tokens.get(j).getText()).append(' ');
                }
            }
            i += 6;
        }
    }

    /** The string literal of a `# [ doc = ".." ]` attribute starting at {@code i}, or null. */
    private static String docLiteral(List<Token> tokens, int i) {
        if (i + 5 >= tokens.size() || tokens.get(i).getType() != RustLexer.POUND
                || tokens.get(i + 1).getType() != RustLexer.LBRACKET || !tokens.get(i + 2).getText().equals("doc")
                || tokens.get(i + 3).getType() != RustLexer.EQ || tokens.get(i + 4).getType() != RustLexer.STRING_LITERAL
                || tokens.get(i + 5).getType() != RustLexer.RBRACKET) {
            return null;
        }
        return tokens.get(i + 4).getText();
    }

    private static final java.util.regex.Pattern CRATE_MACRO_CALL =
            java.util.regex.Pattern.compile("\\$crate :: ([A-Za-z_][A-Za-z0-9_]*) ! [(\\[{]");

    /**
     * Whether a dependency's macro text calls, as `$crate::m!`, a macro of its crate whose text has
     * such a keyword (bitflags 1's `bitflags!` writes its `unsafe fn from_bits_unchecked` through
     * `__impl_bitflags!`): one step deep, which is how such helper macros are written.
     */
    private static boolean callsOneThatMayDeclareUnsafe(FileDeclarations f, String body, String crateName,
                                                        Definitions definitions) {
        if (crateName == null || !body.contains("$crate")) {
            return false;
        }
        java.util.regex.Matcher m = CRATE_MACRO_CALL.matcher(body);
        while (m.find()) {
            for (String inner : definitions.resolve(f, List.of(crateName, m.group(1))).bodies()) {
                if (mayDeclareUnsafe(inner)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a macro's text or a call's input has a keyword of what the index is for: unsafe
     * fns, impls and traits, foreign items, statics, unions. The others (std's thousands of
     * `forward_ref_binop!` impls) would cost a parse each and declare nothing unsafe.
     */
    private static boolean mayDeclareUnsafe(String text) {
        return hasWord(text, "unsafe ") || hasWord(text, "extern ") || hasWord(text, "static ") || hasWord(text, "union ");
    }

    /**
     * Whether {@code word} (with its trailing space) starts the text or follows a space: what
     * {@code (" " + text).contains(" " + word)} says, without copying the text for every test.
     */
    private static boolean hasWord(String text, String word) {
        if (text.startsWith(word)) {
            return true;
        }
        for (int at = text.indexOf(word, 1); at > 0; at = text.indexOf(word, at + 1)) {
            if (text.charAt(at - 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    private static List<Token> lex(String text) {
        RustLexer lexer = new RustLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /**
     * The text of the tokens {@code from} (inclusive) to {@code to} (exclusive) of a call's input:
     * doc comments as the `#[doc = ".."]` attributes they are to a macro, and function bodies
     * left out as a declarations-only parse leaves them out ({@code BodySkippingTokenSource}): what
     * a call declares does not depend on them, and neither may the text kept for it, whichever
     * parse it is read from (an edit inside such a body declares nothing new).
     */
    static String inputText(TokenStream stream, int from, int to) {
        List<Token> tokens = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            tokens.add(stream.get(i));
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                if (CommentTokens.isOuterDoc(t)) {
                    sb.append(dev.unsafehints.macros.DocAttribute.text(CommentTokens.docText(t)));
                }
                i++;
                continue;
            }
            sb.append(t.getText()).append(' ');
            if (t.getType() == RustLexer.KW_MACRORULES) {
                i = copyGroup(tokens, i + 1, sb); // a definition's text is copied whole, `fn`s and all
            } else if (t.getType() == RustLexer.KW_FN) {
                int open = bodyStart(tokens, i + 1);
                if (open < 0) {
                    i++;
                } else {
                    copyCode(tokens, i + 1, open + 1, sb);
                    sb.append("} ");
                    i = closer(tokens, open) + 1;
                }
            } else {
                i++;
            }
        }
        return sb.toString();
    }

    /** Copies up to the end of the first delimited group from {@code i}; the index after it. */
    private static int copyGroup(List<Token> tokens, int i, StringBuilder sb) {
        int depth = 0;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            sb.append(t.getText()).append(' ');
            if (isOpen(t.getType())) {
                depth++;
            } else if (isClose(t.getType()) && --depth <= 0) {
                return i + 1;
            }
        }
        return i;
    }

    private static void copyCode(List<Token> tokens, int from, int to, StringBuilder sb) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                sb.append(tokens.get(i).getText()).append(' ');
            }
        }
    }

    /**
     * The index of the `{` that opens the body of the fn whose signature starts at {@code i}, or
     * -1: as {@code BodySkippingTokenSource} reads a signature (`fn(` is a pointer type; a `;`, a
     * `}` or an unopened closing bracket first means no body; a `{` inside `( [ <` is a const block).
     */
    private static int bodyStart(List<Token> tokens, int i) {
        int depth = 0;
        int constBlocks = 0;
        boolean first = true;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            if (first) {
                first = false;
                if (type == RustLexer.LPAREN) {
                    return -1;
                }
            }
            if (constBlocks > 0) {
                constBlocks += type == RustLexer.LBRACE ? 1 : type == RustLexer.RBRACE ? -1 : 0;
            } else if (type == RustLexer.LPAREN || type == RustLexer.LBRACKET || type == RustLexer.LT) {
                depth++;
            } else if (type == RustLexer.RPAREN || type == RustLexer.RBRACKET || type == RustLexer.GT) {
                if (--depth < 0) {
                    return -1;
                }
            } else if (type == RustLexer.RBRACE || type == RustLexer.SEMI && depth == 0) {
                return -1;
            } else if (type == RustLexer.LBRACE) {
                if (depth == 0) {
                    return i;
                }
                constBlocks = 1;
            }
        }
        return -1;
    }

    /** The index of the `}` closing the `{` at {@code open} (the last token when it is never closed). */
    private static int closer(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            if (tokens.get(i).getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (isOpen(type)) {
                depth++;
            } else if (isClose(type) && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    private static boolean isOpen(int type) {
        return type == RustLexer.LPAREN || type == RustLexer.LBRACKET || type == RustLexer.LBRACE;
    }

    private static boolean isClose(int type) {
        return type == RustLexer.RPAREN || type == RustLexer.RBRACKET || type == RustLexer.RBRACE;
    }

    /**
     * The crate's `macro_rules!` bodies by name: the file's own one definition of the name, else
     * the crate's. Where the crate defines a name several times differently (libc defines `f!`
     * once per `cfg_if!` branch), the call is expanded with each, and what each declares is
     * declared as the index declares any item's cfg variants; a definition whose rules do not
     * match the call declares nothing.
     */
    private static final class Definitions {
        private final Map<String, Set<String>> crate = new HashMap<>();
        private final Map<String, MacroDefinition> read = new HashMap<>();
        private final DependencyMacros dependencies;
        /** The dependencies the crate's `#[macro_use] extern crate` names, in one order. */
        private final Set<String> macroUseCrates = new java.util.TreeSet<>();

        Definitions(List<FileDeclarations> files, DependencyMacros dependencies) {
            this.dependencies = dependencies;
            for (FileDeclarations f : files) {
                f.macroDefinitions().forEach((name, bodies) ->
                        crate.computeIfAbsent(name, k -> new HashSet<>()).addAll(bodies));
                macroUseCrates.addAll(f.macroUseCrates());
            }
        }

        /** The bodies a call's path names, and the dependency that defines them (null: the crate's own). */
        record Found(String crateName, List<String> bodies) {
            static final Found NOTHING = new Found(null, List.of());
        }

        /**
         * What a call among items names, as the analysis finds it: `m!`, `crate::m!`, `self::m!`
         * and `$crate::m!` the crate's own macro; else, for `m!`, a dependency's exported one that
         * this file imports (`use dep::m;`, `use dep::m as n;`, `use dep::*;`) or that `#[macro_use] extern crate`
         * brings in (one such dependency only); `dep::m!` that dependency's.
         */
        Found resolve(FileDeclarations f, List<String> path) {
            String name = path.get(path.size() - 1);
            String first = path.get(0);
            boolean crateRelative = path.size() == 1 || first.equals("crate") || first.equals("$crate") || first.equals("self");
            if (crateRelative) {
                List<String> own = bodiesFor(f, name);
                return !own.isEmpty() || path.size() == 2 ? new Found(null, own) : imported(f, name);
            }
            String body = dependencies.exported(first, name);
            return body == null ? Found.NOTHING : new Found(first, List.of(body));
        }

        private Found imported(FileDeclarations f, String name) {
            return imported(f, name, 0);
        }

        private Found imported(FileDeclarations f, String name, int renamings) {
            for (FileDeclarations.Import imp : f.imports()) {
                List<String> target = imp.target();
                if (!imp.glob() && imp.alias().equals(name) && target.size() == 1 && !target.get(0).equals(name)
                        && renamings < MAX_RENAMINGS) { // `use d1 as d2;` after `use dep::m as d1;`
                    Found through = imported(f, target.get(0), renamings + 1);
                    if (!through.bodies().isEmpty()) {
                        return through;
                    }
                }
                if (!imp.glob() && imp.alias().equals(name) && target.size() == 2) {
                    String body = dependencies.exported(target.get(0), target.get(1));
                    if (body != null) {
                        return new Found(target.get(0), List.of(body));
                    }
                }
            }
            Found globbed = Found.NOTHING; // `use dep::*;` brings the dependency's exported macros
            for (FileDeclarations.Import imp : f.imports()) {
                if (imp.glob() && imp.target().size() == 1) {
                    String body = dependencies.exported(imp.target().get(0), name);
                    if (body != null) {
                        if (!globbed.bodies().isEmpty() && !globbed.bodies().get(0).equals(body)) {
                            return Found.NOTHING; // two globs bring the name: ambiguous
                        }
                        globbed = new Found(imp.target().get(0), List.of(body));
                    }
                }
            }
            if (!globbed.bodies().isEmpty()) {
                return globbed;
            }
            Found found = Found.NOTHING;
            for (String crateName : macroUseCrates) {
                String body = dependencies.exported(crateName, name);
                if (body != null) {
                    if (!found.bodies().isEmpty()) {
                        return Found.NOTHING; // two crates export the name: which one wins is not known here
                    }
                    found = new Found(crateName, List.of(body));
                }
            }
            return found;
        }

        /** At most this many different definitions of one name are tried. */
        private static final int MAX_VARIANTS = 4;

        List<String> bodiesFor(FileDeclarations f, String name) {
            return bodiesFor(f, name, 0);
        }

        /** How many renamings of renamings (`use a as b; use b as c;`) are followed. */
        private static final int MAX_RENAMINGS = 4;

        private List<String> bodiesFor(FileDeclarations f, String name, int renamings) {
            List<String> own = f.macroDefinitions().get(name);
            if (own != null && new HashSet<>(own).size() == 1) {
                return List.of(own.get(0));
            }
            Set<String> bodies = crate.get(name);
            if (bodies == null) {
                String original = renamings < MAX_RENAMINGS ? renamed(f, name) : null;
                return original == null ? List.of() : bodiesFor(f, original, renamings + 1);
            }
            if (bodies.size() > MAX_VARIANTS) {
                return List.of();
            }
            List<String> sorted = new ArrayList<>(bodies);
            sorted.sort(null); // one order whatever the files' order
            return sorted;
        }

        /**
         * The crate macro that this file's `use m as name;` or `use crate::m as name;` renames,
         * or names another renaming of this file (followed up to {@link #MAX_RENAMINGS} steps).
         */
        private String renamed(FileDeclarations f, String name) {
            for (FileDeclarations.Import imp : f.imports()) {
                List<String> target = imp.target();
                if (imp.glob() || !imp.alias().equals(name) || target.isEmpty() || target.size() > 2) {
                    continue;
                }
                String original = target.get(target.size() - 1);
                boolean crateRelative = target.size() == 1 || target.get(0).equals("crate") || target.get(0).equals("self")
                        || target.get(0).equals("super");
                if (crateRelative && !original.equals(name) && (crate.containsKey(original) || renames(f, original))) {
                    return original;
                }
            }
            return null;
        }

        /** Whether a non-glob `use` of this file binds {@code name}. */
        private static boolean renames(FileDeclarations f, String name) {
            for (FileDeclarations.Import imp : f.imports()) {
                if (!imp.glob() && imp.alias().equals(name) && !imp.target().isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        synchronized MacroDefinition read(String name, String body) {
            return read.computeIfAbsent(body, b -> MacroDefinition.ofText(name, b));
        }

        boolean stillHold(FileDeclarations f, Map<String, String> used) {
            for (Map.Entry<String, String> e : used.entrySet()) {
                if (!digest(resolve(f, List.of(e.getKey().split("::", -1))).bodies()).equals(e.getValue())) {
                    return false;
                }
            }
            return true;
        }

        static String digest(List<String> bodies) {
            StringBuilder sb = new StringBuilder("-");
            for (String body : bodies) {
                sb.append(body.length()).append(':').append(Integer.toHexString(body.hashCode())).append(';');
            }
            return sb.toString();
        }
    }
}
