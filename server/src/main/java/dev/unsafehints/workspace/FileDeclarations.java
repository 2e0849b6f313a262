package dev.unsafehints.workspace;

import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.Recovery;
import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.parse.CfgMacroBranches;
import dev.unsafehints.parse.CommentTokens;
import dev.unsafehints.parse.SafetyDocs;
import dev.unsafehints.parse.TokenOffsets;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextPosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The items of one file that other files' analysis needs: functions (with unsafety and Safety
 * docs), static muts, unions and their fields, struct fields of raw pointer type, and `use`
 * imports. Collected from the item tree only (bodies are not walked), so it is cheap.
 */
public final class FileDeclarations {
    /** A `use` import: the name it binds in {@code modulePath}, and the path it stands for. */
    public record Import(List<String> modulePath, String alias, List<String> target, boolean glob, boolean isPublic) {
    }

    /**
     * A call of a crate macro among items (of a module, or of an impl, trait or extern block: then
     * {@code frame} is the item's header, `impl<T> Foo<T>`, as text), kept so that the index can
     * declare what its expansion declares ({@link ItemMacroDeclarations}). {@code input} is the
     * text of the tokens inside its delimiters, function bodies left out (they declare nothing).
     */
    public record ItemMacroCall(List<String> path, List<String> module, String frame, String input,
                                TextPosition position) {
    }

    private final List<ItemMacroCall> itemMacroCalls = new ArrayList<>();
    /** What this file's item macro calls declare, once expanded (see {@link ItemMacroDeclarations}). */
    private volatile ItemMacroDeclarations.Expanded expanded;
    private final List<DeclaredFn> functions = new ArrayList<>();
    private final Map<String, List<List<String>>> staticMuts = new HashMap<>(); // name -> module paths
    private final Map<String, Set<String>> unionFields = new HashMap<>(); // union name -> fields
    private final Map<String, Set<String>> pointerFields = new HashMap<>(); // field -> struct names
    private final Map<String, Set<String>> otherFields = new HashMap<>(); // field -> struct names (non-pointer)
    private final Map<String, Map<String, FieldKind>> fieldKinds = new HashMap<>(); // struct -> field -> kind
    private final Map<String, Map<String, String>> fieldTypes = new HashMap<>(); // struct -> field -> type, no `&`
    private final List<FnPointerField> fnPointerFields = new ArrayList<>();
    private final Map<String, List<String>> typeAliases = new HashMap<>(); // alias name -> aliased type texts
    private final Set<String> traits = new HashSet<>(); // names of the traits declared here
    private final TypeShapes typeShapes = new TypeShapes();

    /** The structs' generics and field types, the traits' supertraits and the `Deref` impls, for the type model. */
    public TypeShapes typeShapes() {
        return typeShapes;
    }

    /** The names of the traits this file declares (their methods are functions with the trait as owner). */
    public Set<String> traits() {
        return traits;
    }
    /** `macro_rules!` definitions among the items: name -> the bodies' tokens as text, in file order. */
    private final Map<String, List<String>> macroDefinitions = new HashMap<>();
    /** The names of the `#[macro_export]` definitions: other crates can call them. */
    private final Set<String> exportedMacros = new HashSet<>();
    /** The crates whose exported macros `#[macro_use] extern crate name;` brings into scope. */
    private final Set<String> macroUseCrates = new HashSet<>();

    /**
     * What a struct field's declared type tells the pointer analysis. NON_NULL, CELL and CONST_AS_PTR
     * tell which `as_ptr` a call means: `NonNull`, `Cell` and `RefCell` give `*mut`; arrays, slices,
     * `Vec`, `String`, `str`, `CStr`, `CString` and `MaybeUninit` give `*const`. UNSAFE_FN: an
     * `unsafe fn(..)` pointer, written out or through a type alias: calling it needs `unsafe`.
     */
    public enum FieldKind { RAW_POINTER, UNSAFE_CELL, ATOMIC_PTR, OTHER, UNSAFE_FN, NON_NULL, CELL, CONST_AS_PTR }

    /** The kind of a field type: `*mut T`, `UnsafeCell<T>`, `AtomicPtr<T>`, ...; a reference counts as its referent. */
    public static FieldKind kindOf(RustParser.Type_Context type) {
        if (isRawPointerType(type)) {
            return FieldKind.RAW_POINTER;
        }
        if (FnPointerTypes.isUnsafeFnPointer(type)) {
            return FieldKind.UNSAFE_FN;
        }
        if (type == null || type.typeNoBounds() == null) {
            return FieldKind.OTHER;
        }
        RustParser.TypeNoBoundsContext t = type.typeNoBounds();
        while (t instanceof RustParser.ReferenceTypeContext r) { // method calls auto-deref through `&`
            t = r.typeNoBounds();
        }
        return kindOfReferentText(t.getText());
    }

    /**
     * The kind of a type written without spaces and without leading references, e.g. `NonNull<u8>`,
     * `[u8;4]`, `Vec<T>`, `*constT`.
     */
    public static FieldKind kindOfReferentText(String text) {
        if (text.startsWith("*const") || text.startsWith("*mut")) {
            return FieldKind.RAW_POINTER;
        }
        if (text.startsWith("[") || text.startsWith("Box<[") || text.equals("Box<str>")) {
            return FieldKind.CONST_AS_PTR;
        }
        String wrapped = genericArgumentOf(text, "ManuallyDrop");
        if (wrapped != null) {
            // a method call derefs through ManuallyDrop; but the wrapper is no pointer itself (`*md` is safe)
            FieldKind inner = kindOfReferentText(wrapped);
            return inner == FieldKind.RAW_POINTER ? FieldKind.OTHER : inner;
        }
        return switch (lastSegmentName(text)) {
            case "UnsafeCell", "SyncUnsafeCell" -> FieldKind.UNSAFE_CELL;
            case "AtomicPtr" -> FieldKind.ATOMIC_PTR;
            case "NonNull" -> FieldKind.NON_NULL;
            case "Cell", "RefCell" -> FieldKind.CELL;
            case "Vec", "String", "str", "CStr", "CString", "MaybeUninit" -> FieldKind.CONST_AS_PTR;
            default -> FieldKind.OTHER;
        };
    }

    /** `T` of `Name<T>` or `path::Name<T>`, or null when the type is not that. */
    private static String genericArgumentOf(String text, String name) {
        int lt = text.indexOf('<');
        if (lt < 0 || !text.endsWith(">")) {
            return null;
        }
        String head = text.substring(0, lt);
        return head.equals(name) || head.endsWith("::" + name) ? text.substring(lt + 1, text.length() - 1) : null;
    }

    /** Each struct's fields' declared types, references and spaces left out (`&'a RwLock<T>` is `RwLock<T>`). */
    public Map<String, Map<String, String>> fieldTypes() {
        return fieldTypes;
    }

    public Map<String, Map<String, FieldKind>> fieldKinds() {
        return fieldKinds;
    }

    /** Struct fields typed `unsafe fn(..)` or with a path that may be an alias of it (see {@link FnPointerField}). */
    public List<FnPointerField> fnPointerFields() {
        return fnPointerFields;
    }

    /** `type X = T;` items: alias name to the texts of the types it stands for (cfg variants give several). */
    public Map<String, List<String>> typeAliases() {
        return typeAliases;
    }
    private final List<Import> imports = new ArrayList<>();
    private final List<LintLevel> innerLints = new ArrayList<>(); // #![allow(..)] and the like, for the whole file
    private final Map<List<String>, List<LintLevel>> moduleLints = new HashMap<>(); // module path -> its declaration's
    private final Set<List<String>> hiddenModules = new HashSet<>(); // #[doc(hidden)] modules, #![doc(hidden)] files
    private final Map<List<String>, Boolean> moduleVisibility = new HashMap<>(); // module path -> declared plain pub
    private final List<String> fileModulePath;
    private final Path file;
    private boolean includesGenerated;
    /** The file's own `#![cfg(..)]` conditions. */
    private final List<String> fileCfg = new ArrayList<>();
    /** The out-of-line modules (`mod x;`) the file declares. */
    private final List<ChildModule> childModules = new ArrayList<>();
    /** While the declarations are read: the cfg conditions of the items, modules and branches around. */
    private final List<String> enclosingCfg = new ArrayList<>();
    // Only needed while the declarations are collected and the file's own analysis reads doc
    // comments; detach() drops them before the index keeps the declarations, so the index does not
    // hold every file's tree and text alive.
    private ParsedFile parsed;
    private TokenOffsets offsets;
    private String text;

    // what the declarations were read from, to tell whether they are those of a given text
    private final int textLength;
    private final int textHash;

    /** Declarations read back from the cache: no tree, no text. */
    private FileDeclarations(Path file, List<String> fileModulePath, int textLength, int textHash) {
        this.file = file;
        this.fileModulePath = List.copyOf(fileModulePath);
        this.textLength = textLength;
        this.textHash = textHash;
    }

    private FileDeclarations(Path file, List<String> fileModulePath, ParsedFile parsed, String text,
                             TokenOffsets offsets, SourceText lines) {
        this.file = file;
        this.textLength = text.length();
        this.textHash = text.hashCode();
        this.fileModulePath = List.copyOf(fileModulePath);
        this.parsed = parsed;
        this.text = text;
        this.offsets = offsets;
        this.lines = lines;
    }

    /**
     * The declarations of a file for the workspace index, from a declarations-only parse that skips
     * function bodies (they declare nothing other files can see): the index's cost is a fraction of
     * a full parse. Gives the same declarations as {@link #of} on a full parse (tested on the corpus).
     */
    public static FileDeclarations read(Path file, CrateInfo crate, String text) {
        return read(file, crate, text, RustParsing.parseDeclarations(text, crate.edition()));
    }

    /** As {@link #read(Path, CrateInfo, String)}, from the text's declarations-only parse made by the caller. */
    public static FileDeclarations read(Path file, CrateInfo crate, String text, ParsedFile declarationsParse) {
        return of(file, ModulePaths.of(file, crate), declarationsParse, text);
    }

    public static FileDeclarations of(Path file, List<String> fileModulePath, ParsedFile parsed, String text) {
        return of(file, fileModulePath, parsed, text, new TokenOffsets(text), null);
    }

    /** As {@link #of(Path, List, ParsedFile, String)}, reusing the text's offsets and line index (lines may be null). */
    public static FileDeclarations of(Path file, List<String> fileModulePath, ParsedFile parsed, String text,
                                      TokenOffsets offsets, SourceText lines) {
        FileDeclarations d = new FileDeclarations(file, fileModulePath, parsed, text, offsets, lines);
        dev.unsafehints.parse.CfgAttributes.addTo(parsed.tree(), d.fileCfg);
        for (RustParser.InnerAttributeContext attr : parsed.tree().innerAttribute()) {
            d.innerLints.addAll(LintLevel.of(attr.attr()));
            if (isDocHidden(attr.attr())) {
                d.hiddenModules.add(List.copyOf(fileModulePath));
            }
        }
        for (RustParser.ItemContext item : parsed.tree().item()) {
            d.item(item, new ArrayList<>(fileModulePath));
        }
        return d;
    }

    /**
     * {@code mod name;}: the module's full path, the cfg conditions on the declaration and around it
     * in this file, and its {@code #[path = ".."]} when it has one.
     */
    public record ChildModule(List<String> modulePath, List<String> cfg, String pathAttribute) {
        /**
         * The file its {@code #[path]} names, or null when it has none: relative to the folder of
         * {@code declaringFile} (whose own module is {@code fileModule}), below the inline modules
         * between that module and this one. The one reading of a path attribute: the module tree
         * ({@link ModuleConditions}) and the module paths ({@link PathAttributes}) both ask here.
         */
        Path placedFile(Path declaringFile, List<String> fileModule) {
            Path folder = declaringFile.toAbsolutePath().normalize().getParent();
            if (pathAttribute == null || folder == null || !isBelow(fileModule)) {
                return null;
            }
            for (String inline : modulePath.subList(fileModule.size(), modulePath.size() - 1)) {
                folder = folder.resolve(inline);
            }
            return folder.resolve(pathAttribute).normalize();
        }

        /** Whether the module is declared below {@code fileModule}, as a child module of a file's is. */
        boolean isBelow(List<String> fileModule) {
            return modulePath.size() > fileModule.size() && modulePath.subList(0, fileModule.size()).equals(fileModule);
        }
    }

    /**
     * Whether the file includes, among its items, a file its build script writes
     * ({@code include!(concat!(env!("OUT_DIR"), "/bindings.rs"))}, as bindgen's users do):
     * declarations the index cannot read.
     */
    public boolean includesGenerated() {
        return includesGenerated;
    }

    private static boolean isGeneratedInclude(RustParser.MacroInvocationContext m) {
        if (m == null || m.delimTokenTree() == null) {
            return false;
        }
        List<RustParser.SimplePathSegmentContext> path = m.simplePath().simplePathSegment();
        return path.get(path.size() - 1).getText().equals("include") && m.delimTokenTree().getText().contains("OUT_DIR");
    }

    /** The file's own {@code #![cfg(..)]} conditions: the file is compiled only where they hold. */
    public List<String> fileCfg() {
        return fileCfg;
    }

    /** The out-of-line modules the file declares. */
    public List<ChildModule> childModules() {
        return childModules;
    }

    public List<DeclaredFn> functions() {
        return functions;
    }

    public Map<String, List<List<String>>> staticMuts() {
        return staticMuts;
    }

    public Map<String, Set<String>> unionFields() {
        return unionFields;
    }

    public Map<String, Set<String>> pointerFields() {
        return pointerFields;
    }

    public Map<String, Set<String>> otherFields() {
        return otherFields;
    }

    /** Modules declared in this file (`mod a;` or `mod a { }`), by full path: declared plain `pub`? */
    public Map<List<String>, Boolean> moduleVisibility() {
        return moduleVisibility;
    }

    public List<Import> imports() {
        return imports;
    }

    /** Modules declared {@code #[doc(hidden)]} here, and this file's module when it says {@code #![doc(hidden)]}. */
    public Set<List<String>> hiddenModules() {
        return hiddenModules;
    }

    private static final java.util.regex.Pattern HIDDEN = java.util.regex.Pattern.compile("[(,]hidden[,)]");

    /** Whether an attribute is {@code doc(hidden)}: the item is no public API. */
    public static boolean isDocHidden(RustParser.AttrContext attr) {
        return attr != null && attr.attrBody() != null && attr.attrBody().simplePath().getText().equals("doc")
                && attr.attrBody().attrInput() != null && attr.attrBody().attrInput().delimTokenTree() != null
                && HIDDEN.matcher(attr.attrBody().attrInput().getText()).find();
    }

    /** The lint levels the file's inner attributes set for the whole file ({@code #![allow(..)]}), in order. */
    public List<LintLevel> innerLints() {
        return innerLints;
    }

    /**
     * The lint levels that the declarations of modules in this file set for those modules, by full
     * module path: the outer attributes of {@code #[allow(..)] mod x;} (and the inner ones of an
     * inline {@code mod x { #![allow(..)] }}), in order.
     */
    public Map<List<String>, List<LintLevel>> moduleLints() {
        return moduleLints;
    }

    public List<String> fileModulePath() {
        return fileModulePath;
    }

    public Path file() {
        return file;
    }

    /**
     * Declares one item. In a file with syntax errors the parser's recovery can leave any part of an
     * item missing (a function without a name, an impl without a type); such an item declares what
     * was collected before the gap, and the rest of the file is still declared.
     */
    private void item(RustParser.ItemContext item, List<String> module) {
        int outer = enclosingCfg.size();
        try {
            dev.unsafehints.parse.CfgAttributes.addTo(item, enclosingCfg);
            declare(item, module);
        } catch (RuntimeException e) {
            if (!Recovery.isIncomplete(item)) {
                throw e; // a bug on well-formed code: not hidden
            }
        } finally {
            enclosingCfg.subList(outer, enclosingCfg.size()).clear();
        }
    }

    /** An impl's methods, under the self type's name and, for a trait impl, under the trait's as well. */
    private void implementation(RustParser.ImplementationContext impl, List<String> module) {
        typeShapes.implementation(impl);
        String owner = lastSegmentName(impl.typePath() != null ? impl.typePath().getText() : impl.type_().getText());
        String implType = FnPointerTypes.sourceText(impl.type_());
        List<String> implGenerics = TypeShapes.typeParameters(impl.genericParams());
        for (RustParser.AssociatedItemContext a : impl.associatedItem()) {
            if (a.function_() != null) {
                function(a.function_(), a, module, owner, false, implType, implGenerics);
            }
            if (a.macroItem() != null) {
                itemMacroCall(a.macroItem(), module, header(impl, impl.LBRACE().getSymbol()));
            }
        }
        if (impl.typePath() != null) {
            // methods of a trait impl are also reachable through the self type
            String selfType = lastSegmentName(impl.type_().getText());
            for (RustParser.AssociatedItemContext a : impl.associatedItem()) {
                if (a.function_() != null) {
                    function(a.function_(), a, module, selfType, false, implType, implGenerics);
                }
            }
        }
    }

    /**
     * The impls inside `const _: () = { .. };`, a habit of derive macros and of crates that group
     * an impl with the `use`s it needs (rkyv's `ArchivedHashIndex::build_and_serialize`): an impl
     * applies wherever its type is seen, so its methods are the module's type's. The block's own
     * `use`s stay the block's, and its cfg attributes guard what it holds.
     */
    private void anonymousConstImpls(RustParser.ConstantItemContext constant, List<String> module) {
        if (!(constant.expression() instanceof RustParser.BlockLikeExprContext b)
                || !(b.blockLikeExpression() instanceof RustParser.PlainBlockContext block)) {
            return;
        }
        for (RustParser.StatementContext statement : block.blockExpression().statement()) {
            if (statement instanceof RustParser.ItemStatementContext item && item.visItem() != null
                    && item.visItem().implementation() != null) {
                int outer = enclosingCfg.size();
                dev.unsafehints.parse.CfgAttributes.addTo(item, enclosingCfg);
                implementation(item.visItem().implementation(), module);
                enclosingCfg.subList(outer, enclosingCfg.size()).clear();
            }
        }
    }

    /** The items in the branches of a `cfg_if!` or `cfg_select!`: declared where the macro stands. */
    private void cfgMacro(RustParser.ItemContext item, List<String> module) {
        RustParser.MacroItemContext macro = item.macroItem();
        if (macro == null || macro.macroInvocation() == null || !CfgMacroBranches.isOne(macro.macroInvocation())) {
            return;
        }
        for (CfgMacroBranches.Branch branch : CfgMacroBranches.branches(parsed.tokens(), macro.macroInvocation()).orElse(List.of())) {
            boolean guarded = !branch.condition().isEmpty();
            if (guarded) {
                enclosingCfg.add(branch.condition());
            }
            for (ParserRuleContext code : branch.code()) {
                if (code instanceof RustParser.ItemContext inner) {
                    item(inner, module);
                }
            }
            if (guarded) {
                enclosingCfg.remove(enclosingCfg.size() - 1);
            }
        }
    }

    /**
     * Records a `macro_rules!` definition for the crate's other files: its body's tokens as text
     * (the expander reads them again when a call needs it; positions do not matter there, the
     * expansion is reported at the call).
     */
    private void macroDefinition(RustParser.MacroRulesDefinitionContext definition, boolean localInnerMacros) {
        RustParser.DelimTokenTreeContext body = definition.delimTokenTree();
        Set<Token> crateCalls = localInnerMacros ? innerMacroCalls(body) : Set.of();
        StringBuilder text = new StringBuilder();
        for (int i = body.getStart().getTokenIndex() + 1; i < body.getStop().getTokenIndex(); i++) {
            Token t = parsed.tokens().get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                if (crateCalls.contains(t)) {
                    text.append("$crate :: ");
                }
                text.append(t.getText()).append(' ');
            } else if (CommentTokens.isOuterDoc(t)) {
                text.append(dev.unsafehints.macros.DocAttribute.text(CommentTokens.docText(t)));
            }
        }
        macroDefinitions.computeIfAbsent(definition.identifier().getText(), k -> new ArrayList<>()).add(text.toString());
    }

    /** Whether a `macro_rules!` item is `#[macro_export(local_inner_macros)]`. */
    private static boolean hasLocalInnerMacros(ParserRuleContext item) {
        for (ParseTree child : childrenOf(item)) {
            if (child instanceof RustParser.OuterAttributeContext attr
                    && attr.attr().attrBody().simplePath().getText().equals("macro_export")
                    && attr.attr().attrBody().getText().contains("local_inner_macros")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The names of the single-segment macro calls in a `#[macro_export(local_inner_macros)]` body's
     * transcribers: rustc resolves each as `$crate::name!` (bitflags 1's `bitflags!` calls its own
     * `__impl_bitflags!` so), so the stored text writes them so. Matchers are left as written, and
     * so are the standard library's macro names, which such a crate cannot mean to redefine.
     */
    private Set<Token> innerMacroCalls(RustParser.DelimTokenTreeContext body) {
        List<Token> code = new ArrayList<>();
        for (int i = body.getStart().getTokenIndex() + 1; i < body.getStop().getTokenIndex(); i++) {
            Token t = parsed.tokens().get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                code.add(t);
            }
        }
        Set<Token> calls = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        int depth = 0;
        boolean transcriber = false;
        for (int i = 0; i < code.size(); i++) {
            int type = code.get(i).getType();
            if (depth == 0 && type == RustLexer.FATARROW) {
                transcriber = true;
            } else if (depth == 0 && type == RustLexer.SEMI) {
                transcriber = false;
            }
            if (type == RustLexer.LPAREN || type == RustLexer.LBRACKET || type == RustLexer.LBRACE) {
                depth++;
            } else if (type == RustLexer.RPAREN || type == RustLexer.RBRACKET || type == RustLexer.RBRACE) {
                depth--;
                if (depth == 0) {
                    transcriber = false; // a rule's transcriber is one group
                }
            }
            if (transcriber && depth > 0 && type == RustLexer.IDENTIFIER && i + 2 < code.size()
                    && code.get(i + 1).getType() == RustLexer.NOT && isOpen(code.get(i + 2).getType())
                    && (i == 0 || code.get(i - 1).getType() != RustLexer.PATHSEP && code.get(i - 1).getType() != RustLexer.DOLLAR)
                    && !code.get(i).getText().equals("macro_rules")
                    && !dev.unsafehints.macros.StdMacroNames.contains(code.get(i).getText())) {
                calls.add(code.get(i));
            }
        }
        return calls;
    }

    private static boolean isOpen(int type) {
        return type == RustLexer.LPAREN || type == RustLexer.LBRACKET || type == RustLexer.LBRACE;
    }

    /**
     * Records a macros-2.0 definition (`macro name(..) { .. }`, `macro name { .. }`) as the body of
     * the `macro_rules!` with the same rules, so the crate's other files expand it alike. It is an
     * item, named by its path: the index keeps it by name, as it keeps the crate's `macro_rules!`.
     */
    private void macro2Definition(RustParser.Macro2DefinitionContext definition) {
        List<RustParser.DelimTokenTreeContext> groups = definition.delimTokenTree();
        List<Token> rules = dev.unsafehints.macros.Macro2Rules.asRulesBody(codeTokens(groups.get(0)),
                groups.size() > 1 ? codeTokens(groups.get(1)) : List.of());
        StringBuilder text = new StringBuilder();
        for (Token t : rules) {
            text.append(t.getText()).append(' ');
        }
        macroDefinitions.computeIfAbsent(definition.identifier().getText(), k -> new ArrayList<>()).add(text.toString());
    }

    /** A group's code tokens, its delimiters included (doc comments left out). */
    private List<Token> codeTokens(RustParser.DelimTokenTreeContext group) {
        List<Token> tokens = new ArrayList<>();
        for (int i = group.getStart().getTokenIndex(); i <= group.getStop().getTokenIndex(); i++) {
            Token t = parsed.tokens().get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /** The `macro_rules!` definitions among this file's items: name -> bodies as text. */
    public Map<String, List<String>> macroDefinitions() {
        return macroDefinitions;
    }

    /** The names of this file's `#[macro_export]` macros. */
    public Set<String> exportedMacros() {
        return exportedMacros;
    }

    /** The crates named by `#[macro_use] extern crate ..;` here: their exported macros are in scope. */
    public Set<String> macroUseCrates() {
        return macroUseCrates;
    }

    /** The calls of macros among this file's items (not `macro_rules!`, `cfg_if!` or std's). */
    public List<ItemMacroCall> itemMacroCalls() {
        return itemMacroCalls;
    }

    ItemMacroDeclarations.Expanded expanded() {
        return expanded;
    }

    void setExpanded(ItemMacroDeclarations.Expanded expanded) {
        this.expanded = expanded;
    }

    /** Records a macro call among items, when its macro may be one of the crate's. */
    private void itemMacroCall(RustParser.MacroItemContext item, List<String> module, String frame) {
        if (item == null || item.macroInvocation() == null) {
            return;
        }
        RustParser.MacroInvocationContext call = item.macroInvocation();
        List<String> path = new ArrayList<>();
        for (RustParser.SimplePathSegmentContext segment : call.simplePath().simplePathSegment()) {
            path.add(segment.getText());
        }
        String name = path.get(path.size() - 1);
        if (dev.unsafehints.macros.StdMacroNames.contains(name) || CfgMacroBranches.isOne(call)) {
            return;
        }
        RustParser.DelimTokenTreeContext tree = call.delimTokenTree();
        String input = ItemMacroDeclarations.inputText(parsed.tokens(), tree.getStart().getTokenIndex() + 1,
                tree.getStop().getTokenIndex());
        itemMacroCalls.add(new ItemMacroCall(List.copyOf(path), List.copyOf(module), frame, input,
                position(offsets.toUtf16(call.getStart().getStartIndex()))));
    }

    /** The text of an item's header, from its first token (after attributes) up to its `{`. */
    private String header(ParserRuleContext item, Token open) {
        StringBuilder sb = new StringBuilder();
        for (int i = item.getStart().getTokenIndex(); i < open.getTokenIndex(); i++) {
            Token t = parsed.tokens().get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                sb.append(t.getText()).append(' ');
            }
        }
        return sb.toString();
    }

    private void declare(RustParser.ItemContext item, List<String> module) {
        RustParser.VisItemContext vis = item.visItem();
        if (vis == null && item.macroItem() != null && item.macroItem().macroRulesDefinition() != null) {
            macroDefinition(item.macroItem().macroRulesDefinition(), hasLocalInnerMacros(item));
            if (hasAttribute(item, "macro_export")) {
                exportedMacros.add(item.macroItem().macroRulesDefinition().identifier().getText());
            }
        }
        if (vis != null && vis.macro2Definition() != null) {
            macro2Definition(vis.macro2Definition());
        }
        if (vis != null && vis.externCrate() != null && vis.externCrate().identifier().size() >= 1
                && hasAttribute(item, "macro_use")) {
            macroUseCrates.add(vis.externCrate().identifier(0).getText());
        }
        if (vis == null && item.macroItem() != null && isGeneratedInclude(item.macroItem().macroInvocation())) {
            includesGenerated = true;
        }
        if (vis == null) {
            cfgMacro(item, module);
            if (item.macroItem() != null && item.macroItem().macroInvocation() != null) {
                itemMacroCall(item.macroItem(), module, null);
            }
            return;
        }
        if (vis.module() != null) {
            List<String> declared = new ArrayList<>(module);
            declared.add(vis.module().identifier().getText());
            moduleVisibility.put(List.copyOf(declared), vis.visibility() != null && vis.visibility().LPAREN() == null);
            List<LintLevel> lints = new ArrayList<>();
            boolean hidden = false;
            for (RustParser.OuterAttributeContext attr : item.outerAttribute()) {
                lints.addAll(LintLevel.of(attr.attr()));
                hidden |= isDocHidden(attr.attr());
            }
            for (RustParser.InnerAttributeContext attr : vis.module().innerAttribute()) {
                lints.addAll(LintLevel.of(attr.attr()));
                hidden |= isDocHidden(attr.attr());
            }
            if (hidden) {
                hiddenModules.add(List.copyOf(declared));
            }
            if (!lints.isEmpty()) {
                moduleLints.computeIfAbsent(List.copyOf(declared), k -> new ArrayList<>()).addAll(lints);
            }
        }
        if (vis.module() != null && vis.module().LBRACE() != null) {
            List<String> inner = new ArrayList<>(module);
            inner.add(vis.module().identifier().getText());
            int outer = enclosingCfg.size();
            dev.unsafehints.parse.CfgAttributes.addTo(vis.module(), enclosingCfg); // `mod x { #![cfg(..)] }`
            for (RustParser.ItemContext child : vis.module().item()) {
                item(child, inner);
            }
            enclosingCfg.subList(outer, enclosingCfg.size()).clear();
        } else if (vis.module() != null) {
            List<String> declared = new ArrayList<>(module);
            declared.add(vis.module().identifier().getText());
            String path = pathAttribute(item);
            List<String[]> conditional = conditionalPaths(item);
            if (path != null || conditional.isEmpty()) {
                childModules.add(new ChildModule(List.copyOf(declared), List.copyOf(enclosingCfg), path));
            }
            if (path == null) {
                for (String[] c : conditional) { // `#[cfg_attr(unix, path = "unix.rs")]`: that file where unix holds
                    List<String> cfg = new ArrayList<>(enclosingCfg);
                    cfg.add(c[0]);
                    childModules.add(new ChildModule(List.copyOf(declared), List.copyOf(cfg), c[1]));
                }
                if (!conditional.isEmpty()) { // where none holds, the module is in its usual file
                    List<String> cfg = new ArrayList<>(enclosingCfg);
                    List<String> each = conditional.stream().map(c -> c[0]).toList();
                    cfg.add(dev.unsafehints.parse.CfgAttributes.none(each));
                    childModules.add(new ChildModule(List.copyOf(declared), List.copyOf(cfg), null));
                }
            }
        } else if (vis.function_() != null) {
            function(vis.function_(), item, module, null, false);
        } else if (vis.staticItem() != null && vis.staticItem().KW_MUT() == null) {
            typeShapes.valueItem(vis.staticItem().identifier().getText(), vis.staticItem().type_());
        } else if (vis.constantItem() != null && vis.constantItem().identifier() != null) {
            typeShapes.valueItem(vis.constantItem().identifier().getText(), vis.constantItem().type_());
        } else if (vis.staticItem() != null && vis.staticItem().KW_MUT() != null) {
            typeShapes.valueItem(vis.staticItem().identifier().getText(), vis.staticItem().type_());
            staticMuts.computeIfAbsent(vis.staticItem().identifier().getText(), k -> new ArrayList<>()).add(List.copyOf(module));
        } else if (vis.enumeration() != null) {
            typeShapes.enumeration(vis.enumeration());
        } else if (vis.union_() != null) {
            Set<String> fields = new HashSet<>();
            if (vis.union_().structFields() != null) {
                for (RustParser.StructFieldContext f : vis.union_().structFields().structField()) {
                    fields.add(f.identifier().getText());
                }
            }
            unionFields.put(vis.union_().identifier().getText(), fields);
        } else if (vis.struct_() != null && vis.struct_().tupleFields() != null) {
            typeShapes.struct(vis.struct_());
            String struct = vis.struct_().identifier().getText();
            List<RustParser.TupleFieldContext> fields = vis.struct_().tupleFields().tupleField();
            for (int i = 0; i < fields.size(); i++) {
                fieldKinds.computeIfAbsent(struct, k -> new HashMap<>()).put(Integer.toString(i), kindOf(fields.get(i).type_()));
                fieldType(struct, Integer.toString(i), fields.get(i).type_());
                fnPointerField(struct, Integer.toString(i), fields.get(i).type_());
            }
        } else if (vis.struct_() != null && vis.struct_().structFields() != null) {
            typeShapes.struct(vis.struct_());
            String struct = vis.struct_().identifier().getText();
            for (RustParser.StructFieldContext f : vis.struct_().structFields().structField()) {
                fieldKinds.computeIfAbsent(struct, k -> new HashMap<>()).put(f.identifier().getText(), kindOf(f.type_()));
                fieldType(struct, f.identifier().getText(), f.type_());
                fnPointerField(struct, f.identifier().getText(), f.identifier(), f.type_());
                boolean pointer = isRawPointerType(f.type_());
                (pointer ? pointerFields : otherFields)
                        .computeIfAbsent(f.identifier().getText(), k -> new HashSet<>()).add(struct);
            }
        } else if (vis.typeAlias() != null && vis.typeAlias().type_() != null) {
            typeAliases.computeIfAbsent(vis.typeAlias().identifier().getText(), k -> new ArrayList<>())
                    .add(FnPointerTypes.sourceText(vis.typeAlias().type_()));
            typeShapes.alias(vis.typeAlias());
        } else if (vis.implementation() != null) {
            implementation(vis.implementation(), module);
        } else if (vis.constantItem() != null && vis.constantItem().identifier() == null) {
            anonymousConstImpls(vis.constantItem(), module);
        } else if (vis.trait_() != null) {
            String owner = vis.trait_().identifier().getText();
            traits.add(owner);
            typeShapes.trait(vis.trait_());
            List<String> traitGenerics = TypeShapes.typeParameters(vis.trait_().genericParams());
            for (RustParser.AssociatedItemContext a : vis.trait_().associatedItem()) {
                if (a.function_() != null) {
                    function(a.function_(), a, module, owner, false, null, traitGenerics);
                }
                if (a.macroItem() != null) {
                    itemMacroCall(a.macroItem(), module, header(vis.trait_(), vis.trait_().LBRACE().getSymbol()));
                }
            }
        } else if (vis.externBlock() != null) {
            for (RustParser.ExternalItemContext e : vis.externBlock().externalItem()) {
                if (e.function_() != null) {
                    function(e.function_(), e, module, null, true);
                } else if (e.staticItem() != null && e.staticItem().KW_MUT() != null) {
                    staticMuts.computeIfAbsent(e.staticItem().identifier().getText(), k -> new ArrayList<>())
                            .add(List.copyOf(module));
                }
                if (e.macroItem() != null) {
                    itemMacroCall(e.macroItem(), module, header(vis.externBlock(), vis.externBlock().LBRACE().getSymbol()));
                }
            }
        } else if (vis.externCrate() != null && vis.externCrate().KW_AS() != null
                && vis.externCrate().identifier().size() == 2) {
            // `extern crate alloc as alloc_crate;`: the alias names the crate `::alloc` (the
            // leading `::` says a crate, not a module of the same name: std has both)
            imports.add(new Import(List.copyOf(module), vis.externCrate().identifier(1).getText(),
                    List.of("::", vis.externCrate().identifier(0).getText()), false,
                    vis.visibility() != null && vis.visibility().LPAREN() == null));
        } else if (vis.externCrate() != null && vis.externCrate().KW_AS() == null
                && vis.externCrate().identifier().size() == 1) {
            // `extern crate alloc;` puts the crate's name in this module: `crate::alloc::boxed::Box`
            // in a `no_std` crate is the alloc crate's `Box`
            String name = vis.externCrate().identifier(0).getText();
            imports.add(new Import(List.copyOf(module), name, List.of("::", name), false,
                    vis.visibility() != null && vis.visibility().LPAREN() == null));
        } else if (vis.useDeclaration() != null) {
            useTree(vis.useDeclaration().useTree(), new ArrayList<>(), module,
                    vis.visibility() != null && vis.visibility().LPAREN() == null);
        }
    }

    private void function(RustParser.Function_Context fn, ParserRuleContext holder, List<String> module, String owner,
                          boolean inExtern) {
        function(fn, holder, module, owner, inExtern, null, List.of());
    }

    private void function(RustParser.Function_Context fn, ParserRuleContext holder, List<String> module, String owner,
                          boolean inExtern, String implType, List<String> outerGenerics) {
        RustParser.FunctionQualifiersContext q = fn.functionQualifiers();
        boolean declaredUnsafe = q.KW_UNSAFE() != null;
        boolean isUnsafe = declaredUnsafe || (inExtern && q.KW_SAFE() == null);
        String docs = docsOf(holder);
        List<String> features = targetFeatures(holder);
        Token name = fn.identifier().getStart();
        int offset = offsets.toUtf16(name.getStartIndex());
        String returnType = DeclaredFn.returnTypeOf(fn);
        functions.add(new DeclaredFn(fn.identifier().getText(), List.copyOf(module), owner, isUnsafe,
                SafetyDocs.safetySection(docs), features, file, position(offset), returnType,
                DeclaredFn.parameterTypesOf(fn), hasAttribute(holder, "rustc_deprecated_safe_2024"), implType,
                generics(outerGenerics, TypeShapes.typeParameters(fn.genericParams())), cfgOf(holder)));
    }

    /** `(condition,path="x.rs")` as the parser's text of a `cfg_attr` writes it (no spaces). */
    private static final java.util.regex.Pattern CFG_ATTR_PATH = java.util.regex.Pattern.compile(
            "^\\((.*),path=\"([^\"]+)\"\\)$", java.util.regex.Pattern.DOTALL);

    /** Each `#[cfg_attr(condition, path = "x.rs")]` among the item's attributes, as {condition, file}. */
    private static List<String[]> conditionalPaths(ParserRuleContext holder) {
        List<String[]> found = new ArrayList<>();
        for (ParseTree child : childrenOf(holder)) {
            if (child instanceof RustParser.OuterAttributeContext attr && attr.attr().attrBody() != null
                    && attr.attr().attrBody().simplePath().getText().equals("cfg_attr")
                    && attr.attr().attrBody().attrInput() != null
                    && attr.attr().attrBody().attrInput().delimTokenTree() != null) {
                java.util.regex.Matcher m = CFG_ATTR_PATH.matcher(attr.attr().attrBody().attrInput().delimTokenTree().getText());
                if (m.matches()) {
                    // spelled as the `cfg` conditions are (see CfgAttributes)
                    found.add(new String[] {m.group(1).replace("=", " = ").replace(",", ", "), m.group(2)});
                }
            }
        }
        return found;
    }

    /** The file name of `#[path = "x.rs"]` among the item's attributes, or null. */
    private static String pathAttribute(ParserRuleContext holder) {
        for (ParseTree child : childrenOf(holder)) {
            if (child instanceof RustParser.OuterAttributeContext attr && attr.attr().attrBody() != null
                    && attr.attr().attrBody().simplePath().getText().equals("path")
                    && attr.attr().attrBody().attrInput() != null
                    && attr.attr().attrBody().attrInput().expression() != null) {
                String literal = attr.attr().attrBody().attrInput().expression().getText();
                if (literal.length() >= 2 && literal.startsWith("\"") && literal.endsWith("\"")) {
                    return literal.substring(1, literal.length() - 1);
                }
            }
        }
        return null;
    }

    /** The conditions around a fn: those enclosing it, and its own when they are not an item's (counted already). */
    private List<String> cfgOf(ParserRuleContext holder) {
        if (holder instanceof RustParser.ItemContext) {
            return List.copyOf(enclosingCfg);
        }
        List<String> all = new ArrayList<>(enclosingCfg);
        dev.unsafehints.parse.CfgAttributes.addTo(holder, all);
        return List.copyOf(all);
    }

    private static boolean hasAttribute(ParserRuleContext holder, String name) {
        for (ParseTree child : childrenOf(holder)) {
            if (child instanceof RustParser.OuterAttributeContext attr
                    && attr.attr().attrBody().simplePath().getText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private void fnPointerField(String struct, String field, RustParser.Type_Context type) {
        fnPointerField(struct, field, type, type);
    }

    /** Keeps a field that is, or may be through an alias, an `unsafe fn` pointer; {@code at} is where it is shown. */
    private void fnPointerField(String struct, String field, ParserRuleContext at, RustParser.Type_Context type) {
        if (type == null) {
            return;
        }
        boolean written = FnPointerTypes.isUnsafeFnPointer(type);
        String alias = written ? null : FnPointerTypes.aliasCandidate(type);
        if (written || alias != null) {
            fnPointerFields.add(new FnPointerField(struct, field, FnPointerTypes.sourceText(type), alias, file,
                    position(offsets.toUtf16(at.getStart().getStartIndex()))));
        }
    }

    private SourceText lines;

    private TextPosition position(int offset) {
        if (lines == null) {
            lines = new SourceText(text);
        }
        return lines.positionAt(offset);
    }

    private void useTree(RustParser.UseTreeContext tree, List<String> prefix, List<String> module, boolean pub) {
        useTree(tree, prefix, module, pub, imports);
    }

    /** The imports of one `use` declaration written in {@code module} (a fn body's own, for the analysis). */
    public static List<Import> importsOf(RustParser.UseDeclarationContext use, List<String> module) {
        List<Import> found = new ArrayList<>();
        if (use != null && use.useTree() != null) {
            useTree(use.useTree(), new ArrayList<>(), module, false, found);
        }
        return found;
    }

    private static void useTree(RustParser.UseTreeContext tree, List<String> prefix, List<String> module, boolean pub,
                                List<Import> imports) {
        List<String> base = new ArrayList<>(prefix);
        if (prefix.isEmpty() && (tree.getChild(0).getText().equals("::")
                || tree.simplePath() != null && tree.simplePath().getChild(0).getText().equals("::"))) {
            base.add("::"); // `use ::core::mem;`: the crate `core`, even where a module `core` is in scope
        }
        if (tree.simplePath() != null) {
            for (RustParser.SimplePathSegmentContext s : tree.simplePath().simplePathSegment()) {
                base.add(s.getText());
            }
        }
        if (tree.STAR() != null) {
            imports.add(new Import(List.copyOf(module), "*", List.copyOf(base), true, pub));
        } else if (tree.LBRACE() != null) {
            for (RustParser.UseTreeContext child : tree.useTree()) {
                useTree(child, base, module, pub, imports);
            }
        } else if (!base.isEmpty()) {
            String alias;
            if (tree.KW_AS() != null) {
                alias = tree.identifier() != null ? tree.identifier().getText() : "_";
            } else {
                alias = base.get(base.size() - 1);
                if (alias.equals("self") && base.size() > 1) {
                    base.remove(base.size() - 1);
                    alias = base.get(base.size() - 1);
                }
            }
            imports.add(new Import(List.copyOf(module), alias, List.copyOf(base), false, pub));
        }
    }

    private void fieldType(String struct, String field, RustParser.Type_Context type) {
        if (type == null || type.typeNoBounds() == null) {
            return;
        }
        RustParser.TypeNoBoundsContext t = type.typeNoBounds();
        while (t instanceof RustParser.ReferenceTypeContext r) { // field access goes through `&`
            t = r.typeNoBounds();
        }
        fieldTypes.computeIfAbsent(struct, k -> new HashMap<>()).put(field, t.getText());
    }

    private static List<String> generics(List<String> outer, List<String> own) {
        if (own.isEmpty()) {
            return outer;
        }
        List<String> all = new ArrayList<>(outer);
        all.addAll(own);
        return List.copyOf(all);
    }

    /** Doc comments before the item's first token, and #[doc = "..."] attributes. */
    /** Drops the tree and text: what the workspace index keeps is the declarations alone. */
    void detach() {
        parsed = null;
        offsets = null;
        text = null;
        lines = null;
    }

    /** These declarations without the tree and text they were read from (see {@link #detach}). */
    public FileDeclarations detached() {
        detach();
        return this;
    }

    /**
     * These declarations for a new version of the text that declares the same, as after an edit of
     * whitespace or comments: only the functions' positions may have moved ({@code move} gives the
     * new one). Detached, as the index keeps them.
     */
    public FileDeclarations movedTo(String newText, java.util.function.UnaryOperator<TextPosition> move) {
        FileDeclarations d = new FileDeclarations(file, fileModulePath, null, newText, null, null);
        d.detach();
        boolean moved = false;
        for (DeclaredFn f : functions) {
            TextPosition p = move.apply(f.position());
            moved |= !p.equals(f.position());
            d.functions.add(p.equals(f.position()) ? f : f.at(p));
        }
        // the maps and lists are not changed once collected: the new declarations can share them
        d.staticMuts.putAll(staticMuts);
        d.unionFields.putAll(unionFields);
        d.pointerFields.putAll(pointerFields);
        d.otherFields.putAll(otherFields);
        d.fieldKinds.putAll(fieldKinds);
        d.fieldTypes.putAll(fieldTypes);
        for (FnPointerField f : fnPointerFields) {
            TextPosition p = move.apply(f.position());
            moved |= !p.equals(f.position());
            d.fnPointerFields.add(p.equals(f.position()) ? f
                    : new FnPointerField(f.struct(), f.field(), f.typeText(), f.aliasName(), f.file(), p));
        }
        d.typeAliases.putAll(typeAliases);
        d.macroDefinitions.putAll(macroDefinitions);
        d.exportedMacros.addAll(exportedMacros);
        d.macroUseCrates.addAll(macroUseCrates);
        for (ItemMacroCall c : itemMacroCalls) {
            TextPosition p = move.apply(c.position());
            moved |= !p.equals(c.position());
            d.itemMacroCalls.add(p.equals(c.position()) ? c : new ItemMacroCall(c.path(), c.module(), c.frame(), c.input(), p));
        }
        d.expanded = moved ? null : expanded; // what a call declares is at the call
        d.imports.addAll(imports);
        d.moduleVisibility.putAll(moduleVisibility);
        d.innerLints.addAll(innerLints);
        d.moduleLints.putAll(moduleLints);
        d.hiddenModules.addAll(hiddenModules);
        d.traits.addAll(traits);
        d.typeShapes.copyFrom(typeShapes);
        d.fileCfg.addAll(fileCfg);
        d.childModules.addAll(childModules);
        d.includesGenerated = includesGenerated;
        d.fingerprint = moved ? null : fingerprint;
        return d;
    }

    /**
     * These declarations as what a macro call at {@code at} declares: everything at the call's
     * position but its safe functions, and nothing that only a file has (its inner attributes, its
     * own macro calls, which the expansion followed already).
     */
    FileDeclarations expansionAt(TextPosition at) {
        FileDeclarations d = movedTo("", p -> at);
        // only its unsafe functions: std's `int_impl!` writes 150 methods into each integer type,
        // and every lookup by name would walk them; a safe one stays unknown, as before expansion
        d.functions.removeIf(fn -> !fn.isUnsafe());
        d.innerLints.clear();
        d.hiddenModules.removeIf(m -> m.equals(fileModulePath));
        d.itemMacroCalls.clear();
        d.expanded = null;
        return d;
    }

    /**
     * These declarations as plain data, for the on-disk cache ({@link DeclarationsCache}). Module
     * paths used as map keys are joined with {@code ::} (JSON keys are strings).
     */
    public record Stored(String file, List<String> fileModulePath, int textLength, int textHash,
                         List<DeclaredFn> functions, Map<String, List<List<String>>> staticMuts,
                         Map<String, Set<String>> unionFields, Map<String, Set<String>> pointerFields,
                         Map<String, Set<String>> otherFields, Map<String, Map<String, FieldKind>> fieldKinds,
                         Map<String, Map<String, String>> fieldTypes, List<FnPointerField> fnPointerFields,
                         Map<String, List<String>> typeAliases, List<Import> imports, List<LintLevel> innerLints, Map<String, List<String>> macroDefinitions,
                         Map<String, List<LintLevel>> moduleLints, Set<List<String>> hiddenModules,
                         Map<String, Boolean> moduleVisibility, Set<String> traits, TypeShapes.Stored typeShapes,
                         List<String> fileCfg, List<ChildModule> childModules, boolean includesGenerated,
                         List<ItemMacroCall> itemMacroCalls, ItemMacroDeclarations.Stored expanded,
                         Set<String> exportedMacros, Set<String> macroUseCrates) {
    }

    public Stored stored() {
        // every function and field of the file has the file's path: stored once, not per item
        List<DeclaredFn> fns = functions.stream().map(f -> f.inFile(null)).toList();
        List<FnPointerField> fields = fnPointerFields.stream().map(f -> f.inFile(null)).toList();
        return new Stored(file.toString(), fileModulePath, textLength, textHash, fns, staticMuts, unionFields,
                pointerFields, otherFields, fieldKinds, fieldTypes, fields, typeAliases, imports, innerLints, macroDefinitions,
                joinedKeys(moduleLints), hiddenModules, joinedKeys(moduleVisibility), traits, typeShapes.stored(),
                fileCfg, childModules, includesGenerated,
                itemMacroCalls, expanded == null ? null : expanded.stored(), exportedMacros, macroUseCrates);
    }

    /** The declarations that {@link #stored()} gave, detached. */
    public static FileDeclarations restored(Stored s) {
        FileDeclarations d = new FileDeclarations(Path.of(s.file()), s.fileModulePath(), s.textLength(), s.textHash());
        s.functions().forEach(f -> d.functions.add(f.inFile(d.file)));
        d.staticMuts.putAll(s.staticMuts());
        d.unionFields.putAll(s.unionFields());
        d.pointerFields.putAll(s.pointerFields());
        d.otherFields.putAll(s.otherFields());
        d.fieldKinds.putAll(s.fieldKinds());
        d.fieldTypes.putAll(s.fieldTypes());
        s.fnPointerFields().forEach(f -> d.fnPointerFields.add(f.inFile(d.file)));
        d.typeAliases.putAll(s.typeAliases());
        if (s.macroDefinitions() != null) { // absent from entries written before macros were indexed
            d.macroDefinitions.putAll(s.macroDefinitions());
        }
        d.imports.addAll(s.imports());
        d.innerLints.addAll(s.innerLints());
        s.moduleLints().forEach((k, v) -> d.moduleLints.put(splitKey(k), v));
        d.hiddenModules.addAll(s.hiddenModules());
        s.moduleVisibility().forEach((k, v) -> d.moduleVisibility.put(splitKey(k), v));
        d.traits.addAll(s.traits());
        if (s.fileCfg() != null) {
            d.fileCfg.addAll(s.fileCfg());
        }
        if (s.childModules() != null) {
            d.childModules.addAll(s.childModules());
        }
        d.includesGenerated = s.includesGenerated();
        d.typeShapes.restore(s.typeShapes());
        d.itemMacroCalls.addAll(s.itemMacroCalls());
        d.exportedMacros.addAll(s.exportedMacros());
        d.macroUseCrates.addAll(s.macroUseCrates());
        d.expanded = s.expanded() == null ? null : ItemMacroDeclarations.Expanded.restored(s.expanded());
        return d;
    }

    private static <V> Map<String, V> joinedKeys(Map<List<String>, V> map) {
        Map<String, V> joined = new HashMap<>();
        map.forEach((k, v) -> joined.put(String.join("::", k), v));
        return joined;
    }

    private static List<String> splitKey(String key) {
        return key.isEmpty() ? List.of() : List.of(key.split("::"));
    }

    private String fingerprint;

    /** All that these declarations say, as one text: equal fingerprints, equal declarations. */
    public String fingerprint() {
        if (fingerprint == null) {
            fingerprint = String.join("\n", functions.toString(), canonical(staticMuts), canonical(unionFields),
                    canonical(pointerFields), canonical(otherFields), canonical(fieldKinds), canonical(fieldTypes), imports.toString(),
                    fnPointerFields.toString(), canonical(typeAliases), canonical(macroDefinitions),
                    canonical(moduleVisibility), innerLints.toString(), canonical(moduleLints),
                    canonical(hiddenModules), canonical(traits), typeShapes.fingerprint(), fileCfg.toString(),
                    childModules.toString(), Boolean.toString(includesGenerated), itemMacroCalls.toString(),
                    canonical(exportedMacros), canonical(macroUseCrates));
        }
        return fingerprint;
    }

    /** A map's or set's text with its entries sorted: hash maps list them in an order that depends on history. */
    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted.toString();
        }
        if (value instanceof Set<?> set) {
            return new java.util.TreeSet<>(set.stream().map(FileDeclarations::canonical).toList()).toString();
        }
        return String.valueOf(value);
    }

    /** Whether these are the declarations of exactly this text. */
    public boolean isOf(String text) {
        return text.length() == textLength && text.hashCode() == textHash;
    }

    /** The doc comments of an item of this file ("" once {@link #detach detached}). */
    public String docsOf(ParserRuleContext holder) {
        return parsed == null ? "" : docsOf(parsed, holder);
    }

    /** The doc comments of an item: outer doc comments before it and between its attributes, and #[doc] attributes. */
    public static String docsOf(ParsedFile parsed, ParserRuleContext holder) {
        StringBuilder sb = new StringBuilder();
        for (Token t : parsed.tokens().getHiddenTokensToLeft(holder.getStart().getTokenIndex()) == null
                ? List.<Token>of() : parsed.tokens().getHiddenTokensToLeft(holder.getStart().getTokenIndex())) {
            if (CommentTokens.isOuterDoc(t)) {
                sb.append(CommentTokens.docText(t)).append('\n');
            }
        }
        for (ParseTree child : childrenOf(holder)) {
            if (child instanceof RustParser.OuterAttributeContext attr) {
                RustParser.AttrBodyContext body = attr.attr().attrBody();
                if (body.simplePath().getText().equals("doc") && body.attrInput() != null
                        && body.attrInput().expression() != null) {
                    sb.append(stringValue(body.attrInput().expression().getText())).append('\n');
                }
                // doc comments may also sit between attributes, or between the last one and the item
                for (Token t : hiddenAfter(parsed, attr.getStop().getTokenIndex())) {
                    if (CommentTokens.isOuterDoc(t)) {
                        sb.append(CommentTokens.docText(t)).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The comments between the token at {@code tokenIndex} and the next code token. */
    private static List<Token> hiddenAfter(ParsedFile parsed, int tokenIndex) {
        List<Token> h = parsed.tokens().getHiddenTokensToRight(tokenIndex);
        return h == null ? List.of() : h;
    }

    private static List<ParseTree> childrenOf(ParserRuleContext ctx) {
        List<ParseTree> list = new ArrayList<>();
        for (int i = 0; i < ctx.getChildCount(); i++) {
            list.add(ctx.getChild(i));
        }
        return list;
    }

    static String stringValue(String literal) {
        String s = literal;
        if (s.startsWith("r")) {
            int q = s.indexOf('"');
            int end = s.lastIndexOf('"');
            return q >= 0 && end > q ? s.substring(q + 1, end) : s;
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\n", "\n").replace("\\\"", "\"");
        }
        return s;
    }

    private static final java.util.regex.Pattern ENABLE = java.util.regex.Pattern.compile("enable=\"([^\"]*)\"");

    static List<String> targetFeatures(ParserRuleContext holder) {
        List<String> features = new ArrayList<>();
        for (ParseTree child : childrenOf(holder)) {
            if (child instanceof RustParser.OuterAttributeContext attr
                    && attr.attr().attrBody().simplePath().getText().equals("target_feature")
                    && attr.attr().attrBody().attrInput() != null) {
                String args = attr.attr().attrBody().attrInput().getText();
                java.util.regex.Matcher m = ENABLE.matcher(args);
                while (m.find()) {
                    for (String f : m.group(1).split(",")) {
                        features.add(f.trim());
                    }
                }
            }
        }
        return features;
    }

    public static boolean isRawPointerType(RustParser.Type_Context type) {
        if (type == null || type.typeNoBounds() == null) {
            return false;
        }
        RustParser.TypeNoBoundsContext t = type.typeNoBounds();
        while (t instanceof RustParser.ParenthesizedTypeContext p) {
            if (p.type_().typeNoBounds() == null) {
                return false;
            }
            t = p.type_().typeNoBounds();
        }
        return t instanceof RustParser.RawPointerTypeContext;
    }

    /** The last path segment's name without generic arguments: `a::B<T>` gives `B`. */
    public static String lastSegmentName(String typeText) {
        String s = typeText;
        int lt = s.indexOf('<');
        if (lt >= 0) {
            s = s.substring(0, lt);
        }
        int sep = s.lastIndexOf("::");
        if (sep >= 0) {
            s = s.substring(sep + 2);
        }
        while (s.startsWith("&") || s.startsWith("*")) {
            s = s.substring(1);
        }
        return s.replace("mut", "").replace("const", "").replace("dyn", "");
    }

    static boolean isKeyword(Token t, int type) {
        return t.getType() == type;
    }

    static boolean unused(TerminalNode n) {
        return n == null || n.getSymbol().getType() == RustLexer.EOF;
    }
}
