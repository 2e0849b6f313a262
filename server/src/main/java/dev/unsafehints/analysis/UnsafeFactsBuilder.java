package dev.unsafehints.analysis;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.Interruption;
import dev.unsafehints.grammar.Recovery;
import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.macros.CallSite;
import dev.unsafehints.macros.ExpandedToken;
import dev.unsafehints.macros.ExpansionBudget;
import dev.unsafehints.macros.ExpansionException;
import dev.unsafehints.macros.MacroDefinition;
import dev.unsafehints.macros.MacroExpander;
import dev.unsafehints.parse.CfgMacroBranches;
import dev.unsafehints.parse.SafetyDocs;
import dev.unsafehints.text.Snippets;
import dev.unsafehints.text.TextPosition;
import dev.unsafehints.text.TextRange;
import dev.unsafehints.workspace.DeclaredFn;
import dev.unsafehints.analysis.types.Ty;
import dev.unsafehints.analysis.types.TypeParser;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.FnPointerTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Walks a file's tree once and collects its {@link UnsafeFacts}. Keeps the context a reader of the
 * code keeps: the enclosing function, impl and unsafe block, the module, and the local names with
 * what is known of their types (enough to recognise raw pointers and unions without a type checker).
 *
 * <p>Where the analysis cannot be sure (an unknown callee, a pointer of unknown type) it records an
 * "uncertain" operation instead of guessing: those never become warnings.
 */
final class UnsafeFactsBuilder {
    private static final Set<String> ASM_MACROS = Set.of("asm", "naked_asm");
    private static final Set<String> ADDR_OF_MACROS = Set.of("addr_of", "addr_of_mut");
    /** The attributes that name or place an item's symbol; edition 2024 wants them written `unsafe(..)`. */
    private static final Set<String> LINKAGE_ATTRIBUTES = Set.of("no_mangle", "export_name", "link_section");

    private final FileModel model;
    private final UnsafeFacts facts = new UnsafeFacts();
    private final Scopes scopes = new Scopes();
    /** The bindings of raw-pointer parameters (by identity: a `let p = ..` that shadows one is another). */
    private final Set<Binding> pointerParameters = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private Map<String, java.util.Set<String>> localUnions = Map.of(); // unions declared in enclosing blocks
    private final Deque<FunctionFact> functions = new ArrayDeque<>();
    private final Deque<UnsafeBlockFact> blocks = new ArrayDeque<>();
    private final Deque<ImplFrame> impls = new ArrayDeque<>();
    /** The macro invocations whose arguments are being walked (their trees are separate parses). */
    private final Deque<RustParser.MacroInvocationContext> macros = new ArrayDeque<>();
    /** The calls whose expansions are being walked, innermost first. */
    private final Deque<CallSite> expansions = new ArrayDeque<>();
    /** The limits of the outermost expansion being walked, or null outside expansions. */
    private ExpansionBudget budget;
    private final MacroDefinitions macroDefinitions;
    /** Per enclosing fn: does it carry #[target_feature(enable = ...)]? */
    /** The expansions of dependencies' macros (their `unsafe` blocks are the dependency's). */
    private final Set<CallSite> dependencySites = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** How many `unsafe` blocks written by a dependency's macro enclose the walk. */
    private int foreignUnsafe;
    /** The `#[target_feature(enable = ..)]` features of each enclosing fn. */
    private final Deque<List<String>> targetFeatures = new ArrayDeque<>();
    private final List<String> module = new ArrayList<>();
    private final FileDeclarations declarations;
    private final CallResolver resolver;
    private final PointerEvidence pointers;
    private final FnPointerCalls fnPointers;
    private final LocalTypes types;
    private boolean inExternBlock;
    private int traitDepth;
    /** The trait whose items are being walked, or null. */
    private String currentTrait;

    /** The impl being walked: its self type's name, and whether that type is a raw pointer. */
    private record ImplFrame(String selfTypeName, boolean selfIsPointer, boolean isTraitImpl, Ty selfType) {
    }

    /** The trait bounds of the generic parameters in scope, innermost item last pushed. */
    private final Deque<GenericBounds> bounds = new ArrayDeque<>();
    /** Per enclosing fn: the type of its `self` (unknown when it has none). */
    private final Deque<Ty> selfValues = new ArrayDeque<>();
    private final ExpressionTypes exprTypes;

    UnsafeFactsBuilder(FileModel model) {
        this.model = model;
        this.declarations = model.declarations();
        this.resolver = new CallResolver(model.crateView(), declarations,
                model.crate().name(), model.edition());
        this.module.addAll(declarations.fileModulePath());
        this.pointers = new PointerEvidence(model, scopes, resolver, this::selfIsPointer, this::modulePath,
                this::selfTypeName);
        this.fnPointers = new FnPointerCalls(model, scopes, resolver.crate(), this::selfTypeName);
        this.types = new LocalTypes(scopes, this::selfTypeName);
        this.macroDefinitions = new MacroDefinitions(model);
        this.exprTypes = new ExpressionTypes(scopes, resolver,
                () -> selfValues.isEmpty() ? Ty.UNKNOWN : selfValues.peek(),
                () -> impls.isEmpty() ? Ty.UNKNOWN : impls.peek().selfType(), this::modulePath,
                () -> bounds.isEmpty() ? GenericBounds.NONE : bounds.peek(), model);
    }

    UnsafeFacts build() {
        scopes.push();
        RustParser.CrateContext crate = model.parsed().tree();
        if (crate.children != null) {
            for (ParseTree child : crate.children) { // each guarded like an item: see item()
                walkRecovering(child);
            }
        }
        return facts;
    }

    private List<String> modulePath() {
        return module;
    }

    /** Whether items of the current module (file module plus inline modules) can be public API. */
    private boolean moduleExported() {
        return model.isExported() && resolver.crate().isModuleExported(module);
    }

    private boolean selfIsPointer() {
        return !impls.isEmpty() && impls.peek().selfIsPointer();
    }

    private String selfTypeName() {
        return impls.isEmpty() ? null : impls.peek().selfTypeName();
    }

    // ------------------------------------------------------------------ the walk

    /**
     * The node classes {@link #walk} does something special with; every other node (most of a
     * tree: types, paths, literals, operators) is only walked through, which this table answers
     * without going down the chain of type tests.
     */
    private static final java.util.Set<Class<?>> SPECIAL = java.util.Set.of(
            RustParser.ItemContext.class,
            RustParser.AttrContext.class,
            RustParser.UseDeclarationContext.class,
            RustParser.ModuleContext.class,
            RustParser.Function_Context.class,
            RustParser.ImplementationContext.class,
            RustParser.Trait_Context.class,
            RustParser.ExternBlockContext.class,
            RustParser.StaticItemContext.class,
            RustParser.Union_Context.class,
            RustParser.UnsafeBlockContext.class,
            RustParser.BlockExpressionContext.class,
            RustParser.ClosureExpressionContext.class,
            RustParser.LetStatementContext.class,
            RustParser.MatchArmContext.class,
            RustParser.IfExpressionContext.class,
            RustParser.WhileExprContext.class,
            RustParser.ConditionOperandContext.class,
            RustParser.ForExprContext.class,
            RustParser.DerefExprContext.class,
            RustParser.CallExprContext.class,
            RustParser.MethodCallExprContext.class,
            RustParser.CastExprContext.class,
            RustParser.BorrowExprContext.class,
            RustParser.PathExprContext.class,
            RustParser.FieldExprContext.class,
            RustParser.MacroInvocationContext.class,
            RustParser.AssignmentExprContext.class);
    private static final ClassValue<Boolean> IS_SPECIAL = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return SPECIAL.stream().anyMatch(special -> special.isAssignableFrom(type)); // as instanceof does
        }
    };

    private void walk(ParseTree node) {
        if (node instanceof TerminalNode) {
            return;
        }
        Interruption.check(); // a watchdog may stop a file that takes too long (Watchdog)
        if (!IS_SPECIAL.get(node.getClass())) {
            walkChildren((ParserRuleContext) node);
        } else if (node instanceof RustParser.ItemContext item) {
            item(item);
        } else if (node instanceof RustParser.AttrContext a) {
            attribute(a);
        } else if (node instanceof RustParser.UseDeclarationContext) {
            return;
        } else if (node instanceof RustParser.ModuleContext m) {
            moduleItem(m);
        } else if (node instanceof RustParser.Function_Context f) {
            function(f);
        } else if (node instanceof RustParser.ImplementationContext i) {
            implementation(i);
        } else if (node instanceof RustParser.Trait_Context t) {
            trait(t);
        } else if (node instanceof RustParser.ExternBlockContext e) {
            externBlock(e);
        } else if (node instanceof RustParser.StaticItemContext s) {
            staticItem(s);
        } else if (node instanceof RustParser.Union_Context u) {
            facts.inventory.add(new InventorySite(InventorySite.Kind.UNION, itemRange(u), u.identifier().getText()));
            walkChildren(u);
        } else if (node instanceof RustParser.UnsafeBlockContext b) {
            unsafeBlock(b);
        } else if (node instanceof RustParser.BlockExpressionContext b) {
            scopes.push();
            Map<String, java.util.Set<String>> outerUnions = localUnions;
            int outerImports = resolver.blockImportCount();
            bindLocalFunctions(b);
            bindLocalImports(b);
            walkChildren(b);
            resolver.dropBlockImports(outerImports);
            localUnions = outerUnions;
            scopes.pop();
        } else if (node instanceof RustParser.ClosureExpressionContext c) {
            closure(c);
        } else if (node instanceof RustParser.LetStatementContext l) {
            let(l);
        } else if (node instanceof RustParser.MatchArmContext arm) {
            scopes.push();
            bindPattern(arm.pattern());
            bindTyped(arm.pattern(), scrutineeType(arm));
            unionPatternReads(arm.pattern());
            walkChildren(arm);
            scopes.pop();
        } else if (node instanceof RustParser.IfExpressionContext || node instanceof RustParser.WhileExprContext) {
            scopes.push();
            walkChildren((ParserRuleContext) node);
            scopes.pop();
        } else if (node instanceof RustParser.ConditionOperandContext c && c.KW_LET() != null) {
            walk(c.expression());
            bindPattern(c.pattern());
            bindTyped(c.pattern(), exprTypes.of(c.expression()));
            unionPatternReads(c.pattern());
        } else if (node instanceof RustParser.ForExprContext f) {
            walk(f.scrutinee());
            scopes.push();
            bindPattern(f.pattern());
            bindTyped(f.pattern(), exprTypes.elementOf(f.scrutinee().expression()));
            walk(f.blockExpression());
            scopes.pop();
        } else if (node instanceof RustParser.DerefExprContext d) {
            deref(d);
        } else if (node instanceof RustParser.CallExprContext c) {
            call(c);
        } else if (node instanceof RustParser.MethodCallExprContext m) {
            methodCall(m);
        } else if (node instanceof RustParser.CastExprContext c) {
            cast(c);
        } else if (node instanceof RustParser.BorrowExprContext b) {
            borrow(b);
        } else if (node instanceof RustParser.PathExprContext p) {
            path(p);
        } else if (node instanceof RustParser.FieldExprContext f) {
            field(f);
        } else if (node instanceof RustParser.MacroInvocationContext m) {
            macro(m);
        } else if (node instanceof RustParser.AssignmentExprContext a) {
            walkChildren(a);
            typeByAssignment(a);
        } else {
            walkChildren((ParserRuleContext) node);
        }
    }

    /**
     * Walks one item. In a file with syntax errors the parser's recovery can leave any part of an
     * item missing (an impl without its type, a fn without its name); when the walk trips over such
     * a gap, the item keeps the facts found before it, the walk's state is put back, and the rest of
     * the file is analysed. On a well-formed item an exception is a bug and goes on up.
     */
    private void item(RustParser.ItemContext item) {
        boolean test = TestCode.marks(item);
        if (test) {
            resolver.enterTestCode();
        }
        try {
            walkRecovering(item);
        } finally {
            if (test) {
                resolver.exitTestCode();
            }
        }
    }

    private void walkRecovering(ParseTree node) {
        if (node instanceof TerminalNode) {
            return;
        }
        WalkState state = new WalkState();
        try {
            if (node instanceof RustParser.ItemContext item) {
                walkChildren(item);
            } else {
                walk(node);
            }
        } catch (RuntimeException e) {
            if (!Recovery.isIncomplete(node)) {
                throw e;
            }
            state.restore();
        }
    }

    /**
     * Where the walk's stacks and flags stood before a node: a node whose walk fails (recovered
     * code, an expansion of an unexpected shape) leaves them as they were, so the rest of the file
     * is walked in the right context.
     */
    private final class WalkState {
        private final int scopeDepth = scopes.depth();
        private final int functionCount = functions.size();
        private final int blockCount = blocks.size();
        private final int implCount = impls.size();
        private final int macroCount = macros.size();
        private final int expansionCount = expansions.size();
        private final int featureCount = targetFeatures.size();
        private final int moduleLength = module.size();
        private final boolean wasInExternBlock = inExternBlock;
        private final int outerTraitDepth = traitDepth;
        private final int boundsCount = bounds.size();
        private final int selfValueCount = selfValues.size();
        private final int blockImportCount = resolver.blockImportCount();
        private final int foreignDepth = foreignUnsafe;

        void restore() {
            foreignUnsafe = foreignDepth;
            resolver.dropBlockImports(blockImportCount);
            scopes.popTo(scopeDepth);
            popTo(functions, functionCount);
            popTo(blocks, blockCount);
            popTo(impls, implCount);
            popTo(macros, macroCount);
            popTo(expansions, expansionCount);
            popTo(targetFeatures, featureCount);
            module.subList(moduleLength, module.size()).clear();
            inExternBlock = wasInExternBlock;
            traitDepth = outerTraitDepth;
            popTo(bounds, boundsCount);
            popTo(selfValues, selfValueCount);
        }
    }

    private static void popTo(Deque<?> stack, int size) {
        while (stack.size() > size) {
            stack.pop();
        }
    }

    private void walkChildren(ParserRuleContext ctx) {
        if (ctx.children == null) {
            return;
        }
        for (ParseTree child : ctx.children) {
            walk(child);
        }
    }

    // ------------------------------------------------------------------ items

    private void moduleItem(RustParser.ModuleContext m) {
        if (m.LBRACE() == null) {
            return;
        }
        module.add(m.identifier().getText());
        walkChildren(m);
        module.remove(module.size() - 1);
    }

    private void attribute(RustParser.AttrContext a) {
        if (a.getParent() instanceof RustParser.OuterAttributeContext outer && !(a.getStart() instanceof ExpandedToken)) {
            linkageAttributes(outer, a);
        }
        if (a.KW_UNSAFE() != null) {
            facts.inventory.add(new InventorySite(InventorySite.Kind.UNSAFE_ATTR,
                    model.rangeOf(a.KW_UNSAFE().getSymbol(), a.RPAREN().getSymbol()), a.attrBody().simplePath().getText()));
        } else if (model.edition() == Edition.E2024
                && LINKAGE_ATTRIBUTES.contains(a.attrBody().simplePath().getText())) {
            String name = a.attrBody().simplePath().getText();
            facts.codeSites.add(new CodeSite.BareUnsafeAttribute(model.rangeOf(a), name, model.textOf(a)));
        }
    }

    /**
     * Records a `no_mangle`, `export_name` or `link_section` attribute with the item it is on; in a
     * `cfg_attr(pred, a, b)` each attribute after the predicate counts, from its name.
     */
    private void linkageAttributes(RustParser.OuterAttributeContext outer, RustParser.AttrContext a) {
        if (a.attrBody() == null || a.attrBody().simplePath() == null) {
            return; // an attribute the parser recovered from
        }
        String name = a.attrBody().simplePath().getText();
        if (LINKAGE_ATTRIBUTES.contains(name)) {
            addLinkageAttribute(outer, name, model.rangeOf(outer));
        } else if (name.equals("cfg_attr") && a.attrBody().attrInput() != null
                && a.attrBody().attrInput().delimTokenTree() != null) {
            CommonTokenStream tokens = model.parsed().tokens();
            RustParser.DelimTokenTreeContext tree = a.attrBody().attrInput().delimTokenTree();
            if (tree.getStop() instanceof ExpandedToken || tree.getStop().getTokenIndex() >= tokens.size()
                    || tree.getStop().getTokenIndex() < tree.getStart().getTokenIndex()) {
                return; // not one stretch of the file's own tokens
            }
            int depth = 0;
            boolean partStart = false;
            for (int i = tree.getStart().getTokenIndex() + 1; i < tree.getStop().getTokenIndex(); i++) {
                Token t = tokens.get(i);
                if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                    continue;
                }
                boolean starts = partStart && depth == 0;
                partStart = false;
                Token named = t.getType() == RustLexer.KW_UNSAFE ? nextCode(tokens, nextCode(tokens, t)) : t;
                if (starts && named != null && LINKAGE_ATTRIBUTES.contains(named.getText())) {
                    addLinkageAttribute(outer, named.getText(), model.rangeOf(t, partEnd(tokens, i, tree.getStop())));
                }
                depth += nesting(t.getType());
                partStart = depth == 0 && t.getType() == RustLexer.COMMA;
            }
        }
    }

    private static Token nextCode(CommonTokenStream tokens, Token t) {
        if (t == null) {
            return null;
        }
        for (int i = t.getTokenIndex() + 1; i < tokens.size(); i++) {
            if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                return tokens.get(i);
            }
        }
        return null;
    }

    /** +1 for an opening delimiter, -1 for a closing one, 0 for any other token. */
    private static int nesting(int type) {
        return MacroTextUnsafe.isOpen(type) ? 1 : MacroTextUnsafe.isClose(type) ? -1 : 0;
    }

    /** The last code token of the `cfg_attr` part that starts at token {@code from}. */
    private static Token partEnd(CommonTokenStream tokens, int from, Token close) {
        Token last = tokens.get(from);
        int depth = 0;
        for (int i = from; i < close.getTokenIndex(); i++) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            if (depth == 0 && type == RustLexer.COMMA) {
                break;
            }
            depth += nesting(type);
            last = t;
        }
        return last;
    }

    private void addLinkageAttribute(RustParser.OuterAttributeContext outer, String name, TextRange range) {
        ParseTree holder = outer.getParent();
        ParseTree item = null;
        if (holder != null) {
            for (int i = 0; i < holder.getChildCount(); i++) {
                ParseTree child = holder.getChild(i);
                item = child instanceof RustParser.VisItemContext v ? v.getChild(v.getChildCount() - 1) : child;
            }
        }
        UnsafeFacts.LinkageAttribute.Target target;
        String itemName = "";
        if (item instanceof RustParser.Function_Context f) {
            itemName = f.identifier() == null ? "" : f.identifier().getText();
            target = holder instanceof RustParser.ExternalItemContext ? UnsafeFacts.LinkageAttribute.Target.FOREIGN_ITEM
                    : !(holder instanceof RustParser.AssociatedItemContext) ? UnsafeFacts.LinkageAttribute.Target.FUNCTION
                    : impls.isEmpty() ? UnsafeFacts.LinkageAttribute.Target.TRAIT_METHOD
                    : UnsafeFacts.LinkageAttribute.Target.METHOD;
        } else if (item instanceof RustParser.StaticItemContext st) {
            itemName = st.identifier() == null ? "" : st.identifier().getText();
            target = holder instanceof RustParser.ExternalItemContext ? UnsafeFacts.LinkageAttribute.Target.FOREIGN_ITEM
                    : UnsafeFacts.LinkageAttribute.Target.STATIC;
        } else {
            target = UnsafeFacts.LinkageAttribute.Target.OTHER;
        }
        facts.linkageAttributes.add(new UnsafeFacts.LinkageAttribute(name, range, target, itemName));
    }

    private void staticItem(RustParser.StaticItemContext s) {
        if (s.KW_MUT() != null) {
            facts.inventory.add(new InventorySite(InventorySite.Kind.STATIC_MUT, itemRange(s), s.identifier().getText()));
        }
        walkChildren(s);
    }

    private void externBlock(RustParser.ExternBlockContext e) {
        if (e.KW_UNSAFE() != null && !(e.KW_UNSAFE().getSymbol() instanceof ExpandedToken)) {
            facts.unsafeItems.add(new UnsafeFacts.UnsafeItem(UnsafeFacts.UnsafeItem.Kind.EXTERN_BLOCK, itemRange(e),
                    e.abi() == null ? "C" : FileDeclarationsText.unquote(e.abi().getText())));
        }
        facts.inventory.add(new InventorySite(InventorySite.Kind.EXTERN_BLOCK, model.rangeOf(e),
                e.abi() == null ? "C" : FileDeclarationsText.unquote(e.abi().getText())));
        boolean outer = inExternBlock;
        inExternBlock = true;
        walkChildren(e);
        inExternBlock = outer;
    }

    private void trait(RustParser.Trait_Context t) {
        if (t.KW_UNSAFE() != null && !(t.KW_UNSAFE().getSymbol() instanceof ExpandedToken)) {
            facts.unsafeItems.add(new UnsafeFacts.UnsafeItem(UnsafeFacts.UnsafeItem.Kind.TRAIT, itemRange(t),
                    t.identifier().getText()));
        }
        if (t.KW_UNSAFE() != null) {
            facts.inventory.add(new InventorySite(InventorySite.Kind.UNSAFE_TRAIT,
                    model.rangeOf(t.KW_UNSAFE().getSymbol(), t.getStop()), t.identifier().getText()));
        }
        if (t.KW_UNSAFE() != null) {
            ParserRuleContext holder = itemHolder(t);
            if (isPublic(holder) && exportedFromHere(t.identifier().getText()) && !isDocHidden(holder)
                    && !SafetyDocs.hasWrittenSafetySection(model.docsOf(holder))) {
                Token start = firstTokenAfterAttributes(holder);
                Token headerEnd = tokenBefore(t.LBRACE() == null ? null : t.LBRACE().getSymbol(), t.getStop());
                facts.contextualSites.add(new UnsafeFacts.ContextualSite(UnsafeFacts.ContextualSite.Kind.UNSAFE_TRAIT_WITHOUT_SAFETY_DOC,
                        model.rangeOf(start, headerEnd), t.identifier().getText()));
            }
        }
        traitDepth++;
        String outerTrait = currentTrait;
        currentTrait = t.identifier().getText();
        bounds.push(currentBounds().with(t.genericParams(), t.whereClause()).withSelfTrait(currentTrait));
        try {
            walkChildren(t);
        } finally {
            bounds.pop();
            currentTrait = outerTrait;
            traitDepth--;
        }
    }

    /**
     * Whether an item named {@code name} declared in the current module is public API: its module
     * is, or the item is re-exported by name (`pub use self::m::Name;`).
     */
    private boolean exportedFromHere(String name) {
        // the file's own module may be private: a `pub use` of the item by name still exports it
        return moduleExported() || name != null && resolver.crate().isItemReexported(module, name);
    }

    /**
     * The token before {@code t} in the stream, or {@code fallback} when there is none: in a broken
     * file the parser conjures missing tokens (index -1) that have no neighbours.
     */
    private Token tokenBefore(Token t, Token fallback) {
        if (t == null || t.getTokenIndex() < 1) {
            return fallback;
        }
        if (t instanceof ExpandedToken) {
            return t; // written by a macro: it stands for the whole call
        }
        return model.parsed().tokens().get(t.getTokenIndex() - 1);
    }

    private void implementation(RustParser.ImplementationContext i) {
        String selfName = FileDeclarations.lastSegmentName(i.type_().getText());
        boolean selfPointer = FileDeclarations.isRawPointerType(i.type_());
        if (i.KW_UNSAFE() != null) {
            String traitName = i.typePath() == null ? "" : FileDeclarations.lastSegmentName(i.typePath().getText());
            facts.inventory.add(new InventorySite(InventorySite.Kind.UNSAFE_IMPL,
                    model.rangeOf(i.KW_UNSAFE().getSymbol(), i.getStop()), traitName));
            if (!(i.KW_UNSAFE().getSymbol() instanceof ExpandedToken)) {
                facts.unsafeItems.add(new UnsafeFacts.UnsafeItem(UnsafeFacts.UnsafeItem.Kind.IMPL, itemRange(i), traitName));
            }
            ParserRuleContext item = itemHolder(i);
            SafetyComments.Coverage coverage = SafetyComments.coversItem(model, item, i.KW_UNSAFE().getSymbol());
            if (coverage != SafetyComments.Coverage.COMMENTED) {
                facts.contextualSites.add(new UnsafeFacts.ContextualSite(coverage == SafetyComments.Coverage.TEMPLATE
                        ? UnsafeFacts.ContextualSite.Kind.UNSAFE_IMPL_WITH_TEMPLATE_SAFETY_COMMENT
                        : UnsafeFacts.ContextualSite.Kind.UNSAFE_IMPL_WITHOUT_SAFETY_COMMENT,
                        model.rangeOf(i.KW_UNSAFE().getSymbol(), i.getStop()), traitName));
            }
        }
        impls.push(new ImplFrame(selfName, selfPointer, i.typePath() != null,
                TypeParser.parse(FnPointerTypes.sourceText(i.type_()))));
        bounds.push(currentBounds().with(i.genericParams(), i.whereClause()));
        walkChildren(i);
        bounds.pop();
        impls.pop();
    }

    private void function(RustParser.Function_Context f) {
        ParserRuleContext holder = itemHolder(f);
        RustParser.FunctionQualifiersContext q = f.functionQualifiers();
        Token unsafeKeyword = q.KW_UNSAFE() == null ? null : q.KW_UNSAFE().getSymbol();
        FunctionFact.Place place = inExternBlock ? FunctionFact.Place.EXTERN
                : traitDepth > 0 && impls.isEmpty() ? FunctionFact.Place.TRAIT
                : impls.isEmpty() ? FunctionFact.Place.FREE
                : impls.peek().isTraitImpl() ? FunctionFact.Place.TRAIT_IMPL : FunctionFact.Place.INHERENT_IMPL;
        boolean isPublic = isPublic(holder) || place == FunctionFact.Place.TRAIT && traitIsPublic(f);
        Token itemStart = firstTokenAfterAttributes(holder);
        Token signatureEnd = f.blockExpression() != null
                ? tokenBefore(f.blockExpression().getStart(), f.getStop()) : f.getStop();
        if (f.blockExpression() == null && f.SEMI() != null) {
            signatureEnd = tokenBefore(f.SEMI().getSymbol(), f.getStop());
        }
        Set<String> pointerParams = new HashSet<>();
        FunctionFact fact = new FunctionFact(f, f.identifier().getText(), unsafeKeyword, isPublic, place,
                model.rangeOf(itemStart, f.getStop()), model.rangeOf(itemStart, signatureEnd),
                model.docsOf(holder), pointerParams);
        facts.functions.add(fact);
        if (unsafeKeyword != null) {
            facts.inventory.add(new InventorySite(InventorySite.Kind.UNSAFE_FN, model.rangeOf(unsafeKeyword, f.getStop()),
                    f.identifier().getText()));
        }
        scopes.push();
        if (f.functionParameters() != null) {
            parameters(f.functionParameters(), pointerParams);
        }
        // FunctionFact copied the set at construction; rebuild with the parameters now known
        FunctionFact complete = new FunctionFact(f, fact.name(), unsafeKeyword, isPublic, place, fact.itemRange(),
                fact.signatureRange(), fact.docs(), pointerParams);
        // a free fn re-exported by name, or a method of a type or trait re-exported by name
        String owner = place == FunctionFact.Place.FREE ? f.identifier().getText()
                : place == FunctionFact.Place.TRAIT ? currentTrait : selfTypeName();
        complete.setModuleExported(!isDocHidden(holder) && exportedFromHere(owner));
        facts.functions.set(facts.functions.size() - 1, complete);
        functions.push(complete);
        targetFeatures.push(FileDeclarationsAccess.targetFeatures(holder));
        bounds.push(currentBounds().with(f.genericParams(), f.whereClause()));
        selfValues.push(selfValueOf(f.functionParameters()));
        Deque<UnsafeBlockFact> outerBlocks = new ArrayDeque<>(blocks);
        blocks.clear(); // a nested fn item does not inherit the enclosing unsafe block
        if (f.blockExpression() != null) {
            walk(f.blockExpression());
        }
        blocks.addAll(outerBlocks);
        selfValues.pop();
        bounds.pop();
        targetFeatures.pop();
        functions.pop();
        scopes.pop();
    }

    private GenericBounds currentBounds() {
        return bounds.isEmpty() ? GenericBounds.NONE : bounds.peek();
    }

    /** The type of `self` for a fn with these parameters: `&self` is `&Self`, `self: Box<Self>` as written. */
    private Ty selfValueOf(RustParser.FunctionParametersContext params) {
        Ty self = impls.isEmpty() ? (traitDepth > 0 ? new Ty.Named(List.of("Self"), List.of()) : Ty.UNKNOWN)
                : impls.peek().selfType();
        if (params == null || params.selfParam() == null || !self.isKnown()) {
            return Ty.UNKNOWN;
        }
        RustParser.SelfParamContext p = params.selfParam();
        if (p.type_() != null) {
            return TypeParser.parse(FnPointerTypes.sourceText(p.type_())).substitute(java.util.Map.of("Self", self));
        }
        String text = p.getText();
        return text.startsWith("&") ? new Ty.Ref(text.contains("mut"), self) : self;
    }

    private void parameters(RustParser.FunctionParametersContext params, Set<String> pointerParams) {
        if (params.selfParam() != null && selfIsPointer()) {
            scopes.bind(new Binding("self", true, null, "`self` is a raw pointer (the impl is on a pointer type)",
                    model.rangeOf(params.selfParam())));
        }
        for (RustParser.FunctionParamContext p : params.functionParam()) {
            if (p.pattern() == null) {
                continue;
            }
            String name = simpleName(p.pattern());
            if (name == null) {
                bindPattern(p.pattern());
                continue;
            }
            boolean pointer = FileDeclarations.isRawPointerType(p.type_());
            String typeText = p.type_() == null ? null : model.textOf(p.type_());
            String evidence = pointer ? "`" + name + "` is declared `" + typeText + "` at line " + line(p) : null;
            String aliased = pointer ? null : resolver.crate().rawPointerAlias(typeText);
            if (aliased != null) { // `p: Handle` with `type Handle = *mut c_void;`
                pointer = true;
                evidence = "`" + name + "` is declared `" + typeText + "` (`" + aliased + "`) at line " + line(p);
                typeText = aliased;
            }
            Binding binding = new Binding(name, pointer, typeText, evidence, model.rangeOf(p));
            if (pointer) {
                pointerParams.add(name);
                pointerParameters.add(binding);
            }
            scopes.bind(binding);
        }
    }

    // ------------------------------------------------------------------ blocks and bindings

    private void unsafeBlock(RustParser.UnsafeBlockContext b) {
        Token keyword = b.KW_UNSAFE().getSymbol();
        boolean writtenByMacro = keyword instanceof ExpandedToken;
        // a block that a dependency's macro writes is that dependency's: what it holds is allowed
        // there and answered for in its text, not at the user's call
        boolean foreign = keyword instanceof ExpandedToken t && dependencySites.contains(t.site());
        List<Token> comment = writtenByMacro ? List.of() : SafetyComments.commentOfBlock(model, b, macros.peek());
        UnsafeBlockFact fact = new UnsafeBlockFact(b, keyword, model.rangeOf(b), blocks.peek(), functions.peek(),
                writtenByMacro ? SafetyComments.Coverage.COMMENTED : SafetyComments.Coverage.of(comment),
                comment.isEmpty() ? null : model.rangeOf(comment.get(0), comment.get(comment.size() - 1)),
                b.blockExpression().statement().size());
        if (!writtenByMacro) {
            // a block the macro's text writes is its text's: the SAFETY comment, the block rules
            // and the inventory look at it there (MacroBodySafety); here it only makes its
            // operations allowed, and the operations count where the call is
            facts.blocks.add(fact);
        }
        facts.inventory.add(new InventorySite(InventorySite.Kind.UNSAFE_BLOCK, model.rangeOf(b), ""));
        blocks.push(fact);
        foreignUnsafe += foreign ? 1 : 0;
        try {
            walk(b.blockExpression());
        } finally {
            foreignUnsafe -= foreign ? 1 : 0;
            blocks.pop();
        }
    }

    /**
     * `W::unpack(..)` with `W: Store<..>` a generic parameter here: the fn of the traits bounding `W`,
     * when those of that name agree on unsafety; else null (resolved as before).
     */
    private CallResolver.Callee parameterFn(String parameter, String name) {
        MethodLookup.Found found = exprTypes.methods().onParameter(parameter, name);
        if (found == null) {
            return null;
        }
        DeclaredFn agreed = found.agreed(model.edition());
        return agreed == null ? null : CallResolver.Callee.of(agreed);
    }

    /** A block's `use` declarations (`use core::arch::x86_64::*;` in a fn body) hold for the whole block. */
    private void bindLocalImports(RustParser.BlockExpressionContext b) {
        for (RustParser.StatementContext s : b.statement()) {
            if (s instanceof RustParser.ItemStatementContext item && item.visItem() != null
                    && item.visItem().useDeclaration() != null) {
                resolver.addBlockImports(FileDeclarations.importsOf(item.visItem().useDeclaration(), List.copyOf(module)));
            }
        }
    }

    /** Fn items inside a block are visible in the whole block, before and after their definition. */
    private void bindLocalFunctions(RustParser.BlockExpressionContext b) {
        for (RustParser.StatementContext s : b.statement()) {
            if (s instanceof RustParser.ItemStatementContext item && item.visItem() != null
                    && item.visItem().union_() != null) {
                bindLocalUnion(item.visItem().union_());
            }
            if (s instanceof RustParser.ItemStatementContext item && item.visItem() != null
                    && item.visItem().staticItem() != null && item.visItem().staticItem().KW_MUT() != null) {
                scopes.bind(Binding.localStaticMut(item.visItem().staticItem().identifier().getText(),
                        model.rangeOf(item)));
            }
            if (s instanceof RustParser.ItemStatementContext item && item.visItem() != null
                    && item.visItem().function_() != null) {
                RustParser.Function_Context f = item.visItem().function_();
                DeclaredFn fn = new DeclaredFn(f.identifier().getText(), List.copyOf(module), null,
                        f.functionQualifiers().KW_UNSAFE() != null, SafetyDocs.safetySection(model.docsOf(item)),
                        List.of(), model.path(), model.positionOf(model.startOf(f.identifier().getStart())),
                        DeclaredFn.returnTypeOf(f), DeclaredFn.parameterTypesOf(f));
                scopes.bind(Binding.localFunction(fn, model.rangeOf(f)));
            }
        }
    }

    /** A union declared in a block: visible in that block only, and not in the workspace index. */
    private void bindLocalUnion(RustParser.Union_Context u) {
        java.util.Set<String> fields = new java.util.HashSet<>();
        if (u.structFields() != null) {
            for (RustParser.StructFieldContext f : u.structFields().structField()) {
                fields.add(f.identifier().getText());
            }
        }
        localUnions = new java.util.HashMap<>(localUnions);
        localUnions.put(u.identifier().getText(), fields);
    }

    private void closure(RustParser.ClosureExpressionContext c) {
        scopes.push();
        if (c.closureParams() != null) {
            List<RustParser.ClosureParamContext> params = c.closureParams().closureParam();
            List<Ty> fromCallee = params.stream().allMatch(p -> p.type_() != null) ? List.of()
                    : exprTypes.closureParameters(c);
            for (int i = 0; i < params.size(); i++) {
                RustParser.ClosureParamContext p = params.get(i);
                String name = simpleName(p.patternNoTopAlt());
                if (p.type_() == null && fromCallee.size() == params.size() && fromCallee.get(i).isKnown()) {
                    bindNames(p.patternNoTopAlt());
                    bindTyped(p.patternNoTopAlt(), fromCallee.get(i));
                } else if (name != null) {
                    boolean pointer = FileDeclarations.isRawPointerType(p.type_());
                    scopes.bind(new Binding(name, pointer, p.type_() == null ? null : model.textOf(p.type_()),
                            pointer ? "`" + name + "` is declared `" + model.textOf(p.type_()) + "`" : null,
                            model.rangeOf(p)));
                } else {
                    bindNames(p.patternNoTopAlt());
                }
            }
        }
        if (c.expression() != null) {
            walk(c.expression());
        }
        if (c.blockExpression() != null) {
            walk(c.blockExpression());
        }
        scopes.pop();
    }

    private void let(RustParser.LetStatementContext l) {
        if (l.expression() != null) {
            walk(l.expression());
        }
        if (l.blockExpression() != null) {
            walk(l.blockExpression());
        }
        if (l.type_() != null) {
            walk(l.type_());
        }
        String name = simpleName(l.pattern());
        if (name == null) {
            unionPatternReads(l.pattern());
            bindPattern(l.pattern());
            bindTyped(l.pattern(), l.type_() != null ? TypeParser.parse(FnPointerTypes.sourceText(l.type_()))
                    : exprTypes.of(l.expression()));
            bindTupleOfPointers(l);
            return;
        }
        boolean pointer = FileDeclarations.isRawPointerType(l.type_());
        String typeText = l.type_() == null ? null : model.textOf(l.type_());
        String evidence = pointer ? "`" + name + "` is declared `" + typeText + "` at line " + line(l) : null;
        if (l.type_() == null && l.expression() != null) {
            String why = pointers.of(l.expression());
            if (why != null) {
                pointer = true;
                evidence = "`" + name + "` holds a raw pointer (line " + line(l) + ": " + why + ")";
            }
            typeText = pointers.typeTextOf(l.expression());
            if (typeText == null) {
                Ty inferred = exprTypes.of(l.expression());
                if (inferred.isKnown()) {
                    typeText = inferred.display();
                    if (!pointer && inferred instanceof Ty.Ptr) {
                        pointer = true;
                        evidence = "`" + name + "` holds a raw pointer (line " + line(l) + ": `"
                                + Snippets.shorten(model.textOf(l.expression())) + "` is a `" + inferred.display() + "`)";
                    }
                }
            }
            String constness = pointer ? pointers.constness(l.expression()) : null;
            if (constness != null && (typeText == null || !typeText.startsWith("*"))) {
                typeText = "*" + constness + " _";
            }
        }
        scopes.bind(new Binding(name, pointer, typeText, evidence, model.rangeOf(l)));
    }

    /**
     * Whether the enclosing fn lacks a feature the callee's `#[target_feature]` enables: rustc counts
     * the caller's own `#[target_feature]`s and what they imply (`avx2` brings `avx`), not the
     * target's defaults (a plain fn calling an `sse2` fn needs `unsafe` on x86_64 too).
     */
    private boolean lacksFeaturesOf(CallResolver.Callee callee) {
        List<String> caller = targetFeatures.peek();
        DeclaredFn fn = callee.declaration();
        return caller.isEmpty() || fn == null || !TargetFeatures.covers(caller, fn.targetFeatures());
    }

    /**
     * `x = e;` where `x` was bound without a type the model knows (`let x;`, `let x = None;`): `x`
     * takes the type of `e`, as rustc infers a local's type from its uses.
     */
    private void typeByAssignment(RustParser.AssignmentExprContext a) {
        if (a.expression().size() != 2 || !(a.expression(0) instanceof RustParser.PathExprContext p)
                || p.pathInExpression().pathExprSegment().size() != 1) {
            return;
        }
        Binding b = scopes.lookup(p.getText());
        if (b == null || b.typeText() != null || b.function() != null || b.rawPointer()) {
            return;
        }
        Ty t = exprTypes.of(a.expression(1));
        if (!t.isKnown()) {
            return;
        }
        boolean pointer = t instanceof Ty.Ptr;
        String evidence = pointer ? "`" + b.name() + "` holds a raw pointer (line " + line(a) + ": `"
                + Snippets.shorten(model.textOf(a.expression(1))) + "` is a `" + t.display() + "`)" : b.evidence();
        scopes.replace(b, new Binding(b.name(), pointer, t.display(), evidence, b.declaration()));
    }

    /** `let (a, b) = (x.as_ptr(), y.as_ptr());` binds each name to its element. */
    private void bindTupleOfPointers(RustParser.LetStatementContext l) {
        DeclaredFn callee = l.type_() == null ? pointers.crateCallee(l.expression()) : null;
        if (callee != null && l.pattern().patternNoTopAlt().size() == 1
                && l.pattern().patternNoTopAlt(0) instanceof RustParser.SimplePatternContext sp0
                && sp0.patternWithoutRange() instanceof RustParser.TuplePatContext tp0) {
            List<String> elements = callee.tupleElementTypes();
            if (elements.size() == tp0.pattern().size()) {
                for (int i = 0; i < elements.size(); i++) {
                    String name = simpleName(tp0.pattern(i));
                    if (name != null && StdPointerConstness.ofType(elements.get(i)) != null) {
                        scopes.bind(new Binding(name, true, elements.get(i), "`" + name + "` holds a raw pointer returned by `"
                                + callee.displayPath() + "` (line " + line(l) + ")", model.rangeOf(l)));
                    }
                }
            }
            return;
        }
        if (l.type_() != null || !(l.expression() instanceof RustParser.TupleExprContext tuple)
                || l.pattern().patternNoTopAlt().size() != 1
                || !(l.pattern().patternNoTopAlt(0) instanceof RustParser.SimplePatternContext sp)
                || !(sp.patternWithoutRange() instanceof RustParser.TuplePatContext tp)
                || tp.pattern().size() != tuple.nested().size()) {
            return;
        }
        for (int i = 0; i < tp.pattern().size(); i++) {
            String name = simpleName(tp.pattern(i));
            String why = name == null ? null : pointers.of(tuple.nested(i).expression());
            if (why != null) {
                String constness = pointers.constness(tuple.nested(i).expression());
                scopes.bind(new Binding(name, true, constness == null ? null : "*" + constness + " _",
                        "`" + name + "` holds a raw pointer (line " + line(l) + ": "
                        + why + ")", model.rangeOf(l)));
            }
        }
    }

    private void bindPattern(RustParser.PatternContext pattern) {
        if (pattern != null) {
            bindNames(pattern);
        }
    }

    /**
     * A struct pattern naming a union (`let U { a } = u;`, `U { b: x } => ..`) reads the field it
     * binds: an unsafe operation where the field's pattern is (a `_` reads nothing).
     */
    private void unionPatternReads(ParserRuleContext pattern) {
        if (pattern == null || resolver.crate().unions().isEmpty() && localUnions.isEmpty()) {
            return;
        }
        if (pattern instanceof RustParser.StructPatContext st && st.structPatternElements() != null) {
            String union = FileDeclarations.lastSegmentName(st.pathInExpression().getText());
            java.util.Set<String> fields = unionFields(union);
            if (fields != null) {
                for (RustParser.StructPatternFieldContext f : st.structPatternElements().structPatternField()) {
                    String field = f.identifier() == null ? null : f.identifier().getText();
                    boolean reads = f.pattern() == null || !f.pattern().getText().equals("_");
                    if (field != null && fields.contains(field) && reads) {
                        // rustc reports `U { b: x }` at the field's own pattern `x`
                        record(OperationKind.UNION_FIELD_ACCESS, model.rangeOf(f.pattern() != null ? f.pattern() : f), field,
                                "read of union field `" + union + "::" + field + "` by a pattern",
                                "the pattern `" + Snippets.shorten(model.textOf(st)) + "` matches the union `" + union + "`",
                                null, "");
                    }
                }
            }
        }
        for (int i = 0; i < pattern.getChildCount(); i++) {
            if (pattern.getChild(i) instanceof ParserRuleContext child) {
                unionPatternReads(child);
            }
        }
    }

    /** The type of the value a match arm's patterns match: its `match` scrutinee's. */
    private Ty scrutineeType(RustParser.MatchArmContext arm) {
        for (ParserRuleContext p = arm.getParent(); p != null; p = p.getParent()) {
            if (p instanceof RustParser.MatchExprContext match) {
                return exprTypes.of(match.scrutinee().expression());
            }
        }
        return Ty.UNKNOWN;
    }

    /**
     * Gives the names a pattern binds the types of the parts of a value of type {@code type} that
     * they match (`let (a, b): (*mut T, usize)`, `Some(node)` against `Option<&Node>`, struct fields).
     * A non-reference pattern matched against a reference binds references (default binding modes).
     */
    private void bindTyped(ParserRuleContext pattern, Ty type) {
        bindTyped(pattern, type, false, 0);
    }

    private void bindTyped(ParserRuleContext pattern, Ty type, boolean byReference, int depth) {
        if (!type.isKnown() || pattern == null || depth > 32) {
            return;
        }
        if (pattern instanceof RustParser.PatternContext pc) {
            if (pc.patternNoTopAlt().size() == 1) {
                bindTyped(pc.patternNoTopAlt(0), type, byReference, depth + 1);
            }
            return;
        }
        if (pattern instanceof RustParser.SimplePatternContext sp) {
            bindTyped(sp.patternWithoutRange(), type, byReference, depth + 1);
            return;
        }
        if (pattern instanceof RustParser.IdentifierPatContext id) {
            if (id.patternNoTopAlt() == null) {
                boolean ref = id.KW_REF() != null;
                bindTypedName(id.identifier().getText(), byReference || ref ? new Ty.Ref(false, type) : type, id);
            }
            return;
        }
        if (pattern instanceof RustParser.ReferencePatContext r) {
            if (type instanceof Ty.Ref ref) {
                bindTyped(r.patternWithoutRange(), ref.referent(), false, depth + 1);
            }
            return;
        }
        if (type instanceof Ty.Ref ref) { // a struct, tuple or variant pattern against a reference
            bindTyped(pattern, ref.referent(), true, depth + 1);
            return;
        }
        if (pattern instanceof RustParser.TuplePatContext tp) {
            boolean parenthesized = tp.pattern().size() == 1 && tp.COMMA().isEmpty();
            if (parenthesized) {
                bindTyped(tp.pattern(0), type, byReference, depth + 1);
            } else if (type instanceof Ty.Tuple tuple && tuple.elements().size() == tp.pattern().size()) {
                for (int i = 0; i < tp.pattern().size(); i++) {
                    bindTyped(tp.pattern(i), tuple.elements().get(i), byReference, depth + 1);
                }
            }
            return;
        }
        if (pattern instanceof RustParser.TupleStructPatContext ts && ts.pattern().size() == 1 && type instanceof Ty.Named n
                && (n.name().equals("Option") || n.name().equals("Result"))) {
            String variant = ts.pathInExpression().getText();
            if (n.name().equals("Option") && variant.endsWith("Some") || n.name().equals("Result") && variant.endsWith("Ok")) {
                bindTyped(ts.pattern(0), n.arg(0), byReference, depth + 1);
            } else if (n.name().equals("Result") && variant.endsWith("Err")) {
                bindTyped(ts.pattern(0), n.arg(1), byReference, depth + 1);
            }
            return;
        }
        if (pattern instanceof RustParser.TupleStructPatContext ts && type instanceof Ty.Named n) {
            // `Exec::Slim(ref e)` against an `Exec`: the variant's fields, as the enum declares them
            String variant = variantOf(ts.pathInExpression(), n);
            for (int i = 0; variant != null && i < ts.pattern().size(); i++) {
                if (ts.pattern(i).getText().equals("..")) {
                    return; // positions after a rest pattern are not counted
                }
                bindTyped(ts.pattern(i), exprTypes.field(new Ty.Named(List.of(variant), n.args()), Integer.toString(i)),
                        byReference, depth + 1);
            }
            return;
        }
        if (pattern instanceof RustParser.StructPatContext st && st.structPatternElements() != null) {
            String variant = type instanceof Ty.Named n && st.pathInExpression() != null ? variantOf(st.pathInExpression(), n) : null;
            if (variant != null) {
                type = new Ty.Named(List.of(variant), ((Ty.Named) type).args());
            }
            for (RustParser.StructPatternFieldContext f : st.structPatternElements().structPatternField()) {
                String field = f.identifier() != null ? f.identifier().getText()
                        : f.INTEGER_LITERAL() != null ? f.INTEGER_LITERAL().getText() : null;
                Ty fieldType = field == null ? Ty.UNKNOWN : exprTypes.field(type, field);
                if (f.pattern() != null) {
                    bindTyped(f.pattern(), fieldType, byReference, depth + 1);
                } else if (f.identifier() != null && fieldType.isKnown()) {
                    bindTypedName(f.identifier().getText(),
                            byReference || f.KW_REF() != null ? new Ty.Ref(false, fieldType) : fieldType, f);
                }
            }
        }
    }

    /**
     * The `Enum::Variant` key of the variant a pattern path names when the scrutinee is that enum
     * (`Exec::Slim`, `Self::Slim` inside `impl Exec`); null otherwise, for a variant imported by name
     * too (which enum it belongs to is not checked).
     */
    private String variantOf(RustParser.PathInExpressionContext path, Ty.Named scrutinee) {
        List<RustParser.PathExprSegmentContext> segments = path.pathExprSegment();
        if (segments.size() < 2) {
            return null;
        }
        String owner = segments.get(segments.size() - 2).pathIdentSegment().getText();
        String variant = segments.get(segments.size() - 1).pathIdentSegment().getText();
        boolean named = owner.equals(scrutinee.name()) || owner.equals("Self") && !impls.isEmpty()
                && scrutinee.name().equals(impls.peek().selfTypeName());
        return named && exprTypes.struct(scrutinee.name() + "::" + variant) != null ? scrutinee.name() + "::" + variant : null;
    }

    private void bindTypedName(String name, Ty type, ParserRuleContext where) {
        boolean pointer = type instanceof Ty.Ptr;
        scopes.bind(new Binding(name, pointer, type.display(),
                pointer ? "`" + name + "` is a `" + type.display() + "` (line " + line(where) + ")" : null,
                model.rangeOf(where)));
    }

    /** Binds every name a pattern introduces as "type unknown", shadowing outer names. */
    private void bindNames(ParserRuleContext pattern) {
        if (pattern instanceof RustParser.IdentifierPatContext id) {
            scopes.bind(Binding.unknown(id.identifier().getText(), model.rangeOf(id)));
        } else if (pattern instanceof RustParser.StructPatternFieldContext f && f.pattern() == null
                && f.identifier() != null) {
            scopes.bind(Binding.unknown(f.identifier().getText(), model.rangeOf(f)));
        }
        if (pattern.children != null) {
            for (ParseTree child : pattern.children) {
                if (child instanceof ParserRuleContext c) {
                    bindNames(c);
                }
            }
        }
    }

    /** The bound name of `x`, `mut x`, `ref x`, or null for any other pattern. */
    private static String simpleName(ParserRuleContext pattern) {
        ParserRuleContext p = pattern;
        while (true) {
            if (p instanceof RustParser.PatternContext pc && pc.patternNoTopAlt().size() == 1) {
                p = pc.patternNoTopAlt(0);
            } else if (p instanceof RustParser.SimplePatternContext sp) {
                p = sp.patternWithoutRange();
            } else if (p instanceof RustParser.IdentifierPatContext id && id.patternNoTopAlt() == null) {
                return id.identifier().getText();
            } else {
                return null;
            }
        }
    }

    // ------------------------------------------------------------------ operations

    private void deref(RustParser.DerefExprContext d) {
        if (isRawBorrow(widenOverParentheses(d).getParent())) {
            walk(d.expression()); // `&raw const *p` only re-types `p`; `&raw const (*p).f` projects and is unsafe
            return;
        }
        String why = pointers.of(d.expression());
        Ty operand = why == null ? exprTypes.of(d.expression()) : Ty.UNKNOWN;
        if (operand instanceof Ty.Ptr) {
            why = "`" + Snippets.shorten(model.textOf(d.expression())) + "` is a `" + operand.display() + "`";
        }
        TextRange range = model.rangeOf(widenOverParentheses(d));
        String what = "dereference of raw pointer `" + Snippets.shorten(model.textOf(d.expression())) + "`";
        if (why != null) {
            List<String> parameter = new ArrayList<>();
            addPointerParameter(d.expression(), parameter);
            record(OperationKind.RAW_POINTER_DEREF, range, model.textOf(d.expression()), what, why, null, "", parameter);
        } else if (!pointers.isKnownNotPointer(d.expression()) && !(operand instanceof Ty.Ref)) {
            uncertain(OperationKind.RAW_POINTER_DEREF, range, what);
        }
        walk(d.expression());
    }

    /**
     * The raw-pointer parameters passed as they are (`f(p)`, `p.m()`, receiver first): what the
     * call does with them rests on the caller's pointer. A local that shadows a parameter is not one.
     */
    private List<String> argumentNames(RustParser.ExpressionContext receiver, RustParser.CallArgumentsContext arguments) {
        List<String> names = new ArrayList<>();
        if (receiver != null) {
            addPointerParameter(receiver, names);
        }
        if (arguments != null) {
            for (RustParser.NestedContext n : arguments.nested()) {
                addPointerParameter(n.expression(), names);
            }
        }
        return names;
    }

    private void addPointerParameter(RustParser.ExpressionContext e, List<String> names) {
        while (e instanceof RustParser.ParenthesizedExprContext p) {
            e = p.nested().expression();
        }
        if (e instanceof RustParser.PathExprContext p && p.pathInExpression().pathExprSegment().size() == 1
                && p.pathInExpression().pathExprSegment(0).genericArgs() == null
                && pointerParameters.contains(scopes.lookup(p.getText()))) {
            names.add(p.getText());
        }
    }

    private void call(RustParser.CallExprContext c) {
        TextRange at = model.rangeOf(widenOverParentheses(c)); // rustc: `(f())` is reported at the `(`
        FnPointerCalls.Target pointer = fnPointers.unsafeCallee(c.expression());
        List<String> arguments = argumentNames(null, c.callArguments());
        if (pointer != null) {
            record(OperationKind.UNSAFE_CALL, at, pointer.written(),
                    "call through unsafe function pointer `" + pointer.written() + "`", pointer.why(),
                    pointer.declaration(), "", arguments);
            walkChildren(c);
            return;
        }
        List<String> path = ExpressionPaths.callee(c.expression(), model.edition());
        Binding named = path != null && path.size() == 1 ? scopes.lookup(path.get(0)) : null;
        if (named != null && named.function() == null
                && ExpressionTypes.peelReferences(exprTypes.ofBinding(named)) instanceof Ty.FnPtr f && f.isUnsafe()) {
            record(OperationKind.UNSAFE_CALL, at, named.name(),
                    "call through unsafe function pointer `" + named.name() + "`",
                    "`" + named.name() + "` is an `" + exprTypes.ofBinding(named).display() + "`", null, "", arguments);
            walkChildren(c);
            return;
        }
        if (path != null) {
            Binding local = path.size() == 1 ? scopes.lookup(path.get(0)) : null;
            CallResolver.Callee onParameter = path.size() == 2 ? parameterFn(path.get(0), path.get(1)) : null;
            CallResolver.Callee callee = onParameter != null ? onParameter
                    : local == null ? resolver.resolve(path, module, selfTypeName(), () -> TestCode.encloses(c))
                    : local.function() != null
                    ? new CallResolver.Callee(local.function().isUnsafe(), local.function().name(), local.function(), true)
                    : FnPointerCalls.isSafeFnPointer(local)
                    ? new CallResolver.Callee(false, local.name(), null, true) // a safe `fn(..)` pointer
                    : CallResolver.Callee.UNKNOWN;
            String written = path.get(0).equals("::") ? "::" + String.join("::", path.subList(1, path.size()))
                    : String.join("::", path);
            if (callee.unsafeWithoutTargetFeature() && !targetFeatures.isEmpty() && lacksFeaturesOf(callee)) {
                record(OperationKind.UNSAFE_CALL, at, written, "call to `" + written + "`",
                        "`" + callee.displayPath() + "` needs a target feature that this function does not enable"
                                + " with `#[target_feature]`", null, "", arguments);
            } else if (callee.known() && callee.isUnsafe()) {
                DeclaredFn decl = callee.declaration();
                record(OperationKind.UNSAFE_CALL, at, written, "call to unsafe function `" + written + "`",
                        callee.declaredUnsafe(), related(decl), decl == null ? "" : decl.safetyDoc(), arguments);
                if (callee.displayPath().endsWith("mem::uninitialized")) {
                    facts.codeSites.add(new CodeSite.UninitializedCall(model.rangeOf(c)));
                }
            } else if (!callee.known()) {
                uncertain(OperationKind.UNSAFE_CALL, at, "call to `" + written + "`");
            }
        } else if (ExpressionTypes.peelReferences(exprTypes.of(c.expression())) instanceof Ty.FnPtr f) {
            if (f.isUnsafe()) {
                String written = Snippets.shorten(model.textOf(c.expression()));
                record(OperationKind.UNSAFE_CALL, at, written,
                        "call through unsafe function pointer `" + written + "`",
                        "`" + written + "` is an `" + f.display() + "`", null, "", arguments);
            }
        } else {
            uncertain(OperationKind.UNSAFE_CALL, at, "call through an expression");
        }
        walkChildren(c);
    }

    private void methodCall(RustParser.MethodCallExprContext m) {
        String name = m.pathExprSegment().pathIdentSegment().getText();
        boolean onSelf = m.expression() instanceof RustParser.PathExprContext p && p.getText().equals("self")
                && selfTypeName() != null;
        CallResolver.Callee declared = onSelf ? resolver.resolveSelfMethod(name, selfTypeName(), module)
                : resolver.resolveMethod(name, true, m.expression() instanceof RustParser.CallExprContext
                        || m.expression() instanceof RustParser.MethodCallExprContext);
        String receiverText = Snippets.shorten(model.textOf(m.expression()));
        TextRange range = model.rangeOf(widenOverParentheses(m)); // `(x.m())` at the `(`, as rustc
        String what = "call to unsafe method `" + name + "`";
        String pointerWhy = StdUnsafeApis.UNSAFE_POINTER_METHODS.contains(name) ? pointers.of(m.expression()) : null;
        List<String> arguments = argumentNames(m.expression(), m.callArguments());
        if (pointerWhy != null) {
            record(OperationKind.UNSAFE_CALL, range, name, what + " on raw pointer `" + receiverText + "`", pointerWhy,
                    null, "", arguments);
        } else if (isUnsafeNonNullCall(m, name)) {
            record(OperationKind.UNSAFE_CALL, range, name, what + " on `NonNull` `" + receiverText + "`",
                    "`NonNull::" + name + "` is an unsafe method, and `" + receiverText + "` is a `NonNull`",
                    null, "", arguments);
        } else if (methodByType(m, name, receiverText, range, what, arguments)) {
            // resolved by the receiver's type
        } else if (declared.known()) {
            if (declared.isUnsafe()) {
                DeclaredFn decl = declared.declaration();
                record(OperationKind.UNSAFE_CALL, range, name, what, "`" + decl.displayPath() + "` is declared `unsafe`",
                        related(decl), decl.safetyDoc(), arguments);
            } else {
                mayHide(); // safe by its name only: the receiver may be of another type (a `NonNull`'s `as_mut`)
            }
        } else if (StdUnsafeApis.ALWAYS_UNSAFE_METHODS.contains(name)) {
            record(OperationKind.UNSAFE_CALL, range, name, what,
                    "`" + name + "` is an unsafe method of the standard library", null, "", arguments);
        } else if (SliceMethods.UNSAFE_SLICE_METHODS.contains(name) && resolver.crate().functionsNamed(name).isEmpty()
                && SliceMethods.isSliceLike(declaredType(m.expression()))) {
            // the crate declares no `align_to` of its own, and the receiver is declared a slice
            record(OperationKind.UNSAFE_CALL, range, name, what + " on slice `" + receiverText + "`",
                    "`<[T]>::" + name + "` is an unsafe method of the standard library (`"
                            + receiverText + "` is declared `" + declaredType(m.expression()).trim() + "`)", null, "",
                    arguments);
        } else if (StdUnsafeApis.UNSAFE_POINTER_METHODS.contains(name)) {
            uncertain(OperationKind.UNSAFE_CALL, range, what);
        } else {
            uncertain(OperationKind.UNSAFE_CALL, range, "call to method `" + name + "`");
        }
        walkChildren(m);
    }

    /**
     * `recv.name(..)` resolved by the receiver's type (see {@link MethodLookup}): records the call
     * when the methods it resolves to are unsafe; true when the type model decided the call.
     */
    private boolean methodByType(RustParser.MethodCallExprContext m, String name, String receiverText, TextRange range,
                                 String what, List<String> arguments) {
        Ty receiver = exprTypes.of(m.expression());
        if (!receiver.isKnown()) {
            return false;
        }
        Ty peeled = ExpressionTypes.peelReferences(receiver);
        if (peeled instanceof Ty.Ptr) {
            if (!StdUnsafeApis.UNSAFE_POINTER_METHODS.contains(name)) {
                return false;
            }
            record(OperationKind.UNSAFE_CALL, range, name, what + " on raw pointer `" + receiverText + "`",
                    "`" + receiverText + "` is a `" + peeled.display() + "`", null, "", arguments);
            return true;
        }
        MethodLookup.Found found = exprTypes.methods().find(receiver, name);
        if (found == null) {
            return false;
        }
        DeclaredFn first = found.agreed(model.edition());
        if (first == null) {
            return false; // same-named methods that disagree: the model cannot tell which one
        }
        if (!first.isUnsafeIn(model.edition())) {
            mayHide(); // safe as resolved; a wrong type would hide an unsafe one
            return true;
        }
        record(OperationKind.UNSAFE_CALL, range, name, what,
                "`" + first.displayPath() + "` is declared `unsafe` (`" + receiverText + "` is "
                        + (found.selfType() == null || found.throughBound() ? found.via() : "a `" + receiver.display() + "`") + ")",
                related(first), first.safetyDoc(), arguments);
        return true;
    }

    /** `nn.as_mut()` on a field, parameter or local declared `NonNull<..>`, unless a crate method could be meant. */
    private boolean isUnsafeNonNullCall(RustParser.MethodCallExprContext m, String name) {
        return NonNullMethods.UNSAFE.contains(name)
                && (pointers.typeKindOf(m.expression()) == FileDeclarations.FieldKind.NON_NULL
                    || exprTypes.of(m.expression()).is("NonNull")) // by value: a `NonNull` the model followed
                && !NonNullMethods.crateMethodCouldBeMeant(resolver.crate(), name);
    }

    private void path(RustParser.PathExprContext p) {
        List<RustParser.PathExprSegmentContext> segments = p.pathInExpression().pathExprSegment();
        String name = segments.get(segments.size() - 1).pathIdentSegment().getText();
        Binding local = segments.size() == 1 ? scopes.lookup(name) : null;
        List<String> written = ExpressionPaths.segments(p.pathInExpression(), model.edition());
        boolean staticMut = local != null ? local.isStaticMut() : resolver.isStaticMut(written, module);
        if (!staticMut && local == null && segments.size() == 1 && externStatics().contains(name)) {
            if (!isRawBorrow(placeParent(p))
                    && !(p.getParent() instanceof RustParser.CallExprContext call && call.expression() == p)) {
                record(OperationKind.STATIC_MUT_ACCESS, model.rangeOf(widenOverParentheses(p)), name, "use of extern static `" + name + "`",
                        "`" + name + "` is declared in an `extern` block: the foreign code may change it at any time",
                        null, "");
            }
            return;
        }
        if (!staticMut || p.getParent() instanceof RustParser.CallExprContext call && call.expression() == p) {
            return;
        }
        ParseTree parent = placeParent(p);
        if (isRawBorrow(parent)) {
            return; // &raw const STATIC is safe
        }
        record(OperationKind.STATIC_MUT_ACCESS, model.rangeOf(widenOverParentheses(p)), name, "use of mutable static `" + name + "`",
                "`" + name + "` is declared `static mut`", null, "");
        if (parent instanceof RustParser.MethodCallExprContext call && isAutorefMethod(call)) {
            facts.codeSites.add(new CodeSite.StaticMutReference(model.rangeOf(call), name,
                    call.pathExprSegment().getText(), null, false));
        }
        if (parent instanceof RustParser.BorrowExprContext b) {
            facts.codeSites.add(new CodeSite.StaticMutReference(model.rangeOf(b), name, "",
                    new TextRange(model.startOf(b.getStart()), model.startOf(p.getStart())), b.KW_MUT() != null));
        }
    }

    /** Methods of std collections and slices that take `&self` or `&mut self` (so autoref a static). */
    private static final Set<String> AUTOREF_METHODS = Set.of("push", "pop", "insert", "remove", "len", "is_empty",
            "iter", "iter_mut", "get", "get_mut", "clear", "extend", "as_ptr", "as_mut_ptr", "as_slice",
            "as_mut_slice", "first", "last", "contains", "sort", "push_str", "as_str", "as_ref", "as_mut",
            "borrow", "borrow_mut", "lock", "load", "store", "fetch_add", "swap", "take", "truncate");

    private static boolean isAutorefMethod(RustParser.MethodCallExprContext call) {
        return AUTOREF_METHODS.contains(call.pathExprSegment().pathIdentSegment().getText());
    }

    /**
     * The expression that uses a place: up through field accesses, indexing and parentheses, so that
     * `&CFG.name` and `&(CFG)` are references to the static too. A method call on the place is its
     * user when the place is the receiver.
     */
    /** The places `addr_of!(..)` and `addr_of_mut!(..)` take (their parsed argument's holder). */
    private final Set<ParseTree> rawBorrowArguments = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Whether a place's parent takes its address without reading it: `&raw const`, `addr_of!(..)`. */
    private boolean isRawBorrow(ParseTree parent) {
        return parent instanceof RustParser.BorrowExprContext b && b.KW_RAW() != null
                || parent != null && rawBorrowArguments.contains(parent);
    }

    private static ParseTree placeParent(ParserRuleContext place) {
        ParserRuleContext node = place;
        while (true) {
            ParseTree parent = node.getParent();
            if (parent instanceof RustParser.FieldExprContext || parent instanceof RustParser.TupleIndexPairExprContext
                    || parent instanceof RustParser.IndexExprContext ix && ix.expression() == node) {
                node = (ParserRuleContext) parent;
            } else if (parent instanceof RustParser.NestedContext n
                    && n.getParent() instanceof RustParser.ParenthesizedExprContext paren) {
                node = paren;
            } else if (parent instanceof RustParser.MethodCallExprContext m && m.expression() != node) {
                return null; // an argument, not the receiver
            } else {
                return parent;
            }
        }
    }

    private void field(RustParser.FieldExprContext f) {
        walk(f.expression());
        if (f.identifier() == null) {
            return;
        }
        if (isRawBorrow(placeParent(f))) {
            return; // &raw const u.field does not read the field
        }
        String fieldName = f.identifier().getText();
        String unionName = unionTypeOf(f.expression());
        if (unionName == null) {
            if (isAssignmentTarget(f)) {
                return;
            }
            if (someUnionHasField(fieldName)) {
                // the base's type is not known here: it may be that union, so the block may need `unsafe`
                uncertain(OperationKind.UNION_FIELD_ACCESS, model.rangeOf(f), "read of field `" + fieldName
                        + "`, which a union declares");
            } else if (!isKnownStructField(f.expression(), fieldName)) {
                // a value of unknown type: a union declared where the analysis cannot see (by a
                // macro, in another crate) would make this read unsafe; the block is not provably unneeded
                mayHide();
            }
            return;
        }
        java.util.Set<String> fields = unionFields(unionName);
        if (fields == null || !fields.contains(fieldName) || isAssignmentTarget(f)) {
            return;
        }
        record(OperationKind.UNION_FIELD_ACCESS, model.rangeOf(widenOverParentheses(f)), fieldName,
                "read of union field `" + unionName + "::" + fieldName + "`",
                "`" + Snippets.shorten(model.textOf(f.expression())) + "` is a `" + unionName + "` union", null, "");
    }

    /** The union a field's base expression is known to be: a typed binding, `self`, or a union literal. */
    private String unionTypeOf(RustParser.ExpressionContext e) {
        if (resolver.crate().unions().isEmpty() && localUnions.isEmpty()) {
            return null;
        }
        String type;
        if (e instanceof RustParser.StructExprContext literal) { // `U { a: 1 }.b`
            type = FileDeclarations.lastSegmentName(literal.pathInExpression().getText());
        } else if (e instanceof RustParser.ParenthesizedExprContext paren
                && paren.nested().expression() instanceof RustParser.StructExprContext literal) {
            type = FileDeclarations.lastSegmentName(literal.pathInExpression().getText());
        } else {
            type = types.nameOf(e);
        }
        if (type == null || unionFields(type) == null) {
            type = ExpressionTypes.peelReferences(exprTypes.of(e)).name();
        }
        return type != null && unionFields(type) != null ? type : null;
    }

    /** The fields of a union visible here by that name (a union declared in an enclosing block first). */
    private java.util.Set<String> unionFields(String union) {
        java.util.Set<String> local = localUnions.get(union);
        return local != null ? local : resolver.crate().unions().get(union);
    }

    private Set<String> externStatics;

    /**
     * The statics the file's extern blocks declare, in function bodies too (items are visible before
     * they stand; a binding or another static of the same name only makes a block look needed).
     * Read from the tokens: `extern "ABI"? {` ... `static mut? NAME` at the block's top level.
     */
    private Set<String> externStatics() {
        if (externStatics != null) {
            return externStatics;
        }
        externStatics = new HashSet<>();
        List<Token> all = model.parsed().tokens().getTokens();
        int depth = -1; // brace depth inside the extern block being read, -1 outside
        Token previous = null;
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            if (depth < 0) {
                if (type == RustLexer.LBRACE && previous != null && (previous.getType() == RustLexer.KW_EXTERN
                        || previous.getType() == RustLexer.STRING_LITERAL && isExternAbi(all, previous))) {
                    depth = 0;
                }
            } else if (type == RustLexer.LBRACE) {
                depth++;
            } else if (type == RustLexer.RBRACE) {
                depth--;
            } else if (type == RustLexer.KW_STATIC && depth == 0) {
                Token name = nextCode(all, i);
                if (name != null && name.getType() == RustLexer.KW_MUT) {
                    name = nextCode(all, name.getTokenIndex());
                }
                if (name != null) {
                    externStatics.add(name.getText());
                }
            }
            previous = t;
        }
        return externStatics;
    }

    private static boolean isExternAbi(List<Token> all, Token abi) {
        for (int i = abi.getTokenIndex() - 1; i >= 0; i--) {
            if (all.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                return all.get(i).getType() == RustLexer.KW_EXTERN;
            }
        }
        return false;
    }

    private static Token nextCode(List<Token> all, int index) {
        for (int i = index + 1; i < all.size(); i++) {
            if (all.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                return all.get(i).getType() == Token.EOF ? null : all.get(i);
            }
        }
        return null;
    }

    /** Whether the base is `self` or a typed binding of a struct the crate declares with this field. */
    private boolean isKnownStructField(RustParser.ExpressionContext base, String field) {
        String type = types.nameOf(base);
        return type != null && resolver.crate().hasStructField(type, field);
    }

    private boolean someUnionHasField(String field) {
        for (java.util.Set<String> fields : localUnions.values()) {
            if (fields.contains(field)) {
                return true;
            }
        }
        for (java.util.Set<String> fields : resolver.crate().unions().values()) {
            if (fields.contains(field)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a field is written, not read: the place an assignment assigns (`u.f = 1`), also through
     * a field of it (`u.f.x = 1`) and inside a destructuring assignment (`(u.f, n) = (1, 2)`).
     * `u.f += 1` reads the field too.
     */
    private static boolean isAssignmentTarget(RustParser.FieldExprContext f) {
        ParserRuleContext node = f;
        while (true) {
            ParserRuleContext parent = node.getParent();
            if (parent instanceof RustParser.AssignmentExprContext a) {
                return a.expression(0) == node && a.compoundAssignOperator() == null;
            }
            boolean place = parent instanceof RustParser.FieldExprContext fe && fe.expression() == node
                    || parent instanceof RustParser.TupleIndexPairExprContext
                    || parent instanceof RustParser.NestedContext
                    || parent instanceof RustParser.ParenthesizedExprContext
                    || parent instanceof RustParser.TupleExprContext
                    || parent instanceof RustParser.ArrayElementsContext
                    || parent instanceof RustParser.ArrayExprContext;
            if (!place) {
                return false;
            }
            node = parent;
        }
    }

    private void cast(RustParser.CastExprContext c) {
        RustParser.CastTypeContext type = c.castType();
        if (type.STAR() != null) {
            boolean toMut = type.KW_MUT() != null;
            boolean ofPlace = c.expression() instanceof RustParser.BorrowExprContext b && isRawBorrowable(b.expression());
            facts.inventory.add(new InventorySite(InventorySite.Kind.RAW_POINTER_CAST, model.rangeOf(c), toMut ? "*mut" : "*const",
                    ofPlace ? CastChecks.rawBorrowFixes(model, c, toMut, this::declaredType) : List.of())); // `&raw const 0` is E0745
            CastChecks.mutableFromShared(model, c, toMut, facts, this::declaredType, ofPlace);
            castStyle(c, toMut);
        } else if (type.getText().equals("_")) {
            inferredPointerCast(c);
        } else if (exprTypes.of(c) instanceof Ty.Ptr target) {
            namedPointerCast(c, target);
        }
        walkChildren(c);
    }

    /**
     * A cast to a pointer type that a name stands for (`p as MutPtr` with `type MutPtr = *mut u8;`,
     * `p as <S as Tr>::Ptr`): rustc and clippy judge the type, not its spelling, so a cast that changes
     * only the mutability and a `*mut` made from `.as_ptr()` are the same findings as with `*mut u8`
     * written out. `ptr_as_ptr` and `borrow_as_ptr` look at the written `*const`/`*mut` and stay silent,
     * and so does the raw-pointer-cast inventory (what the source writes).
     */
    private void namedPointerCast(RustParser.CastExprContext c, Ty.Ptr target) {
        if (!target.pointee().isKnown()) {
            return;
        }
        if (target.mutable() && c.expression() instanceof RustParser.MethodCallExprContext m
                && m.pathExprSegment().getText().equals("as_ptr")) {
            CastChecks.mutableFromShared(model, c, true, facts, this::declaredType, false);
        }
        constnessOnlyCast(c, target.mutable(), target.pointee());
    }

    /**
     * `p as _` where the expected type is a raw pointer of `p`'s mutability: the same `ptr-as-ptr`
     * as an explicit target, and `.cast()` infers the pointee from the same expected type.
     */
    private void inferredPointerCast(RustParser.CastExprContext c) {
        InferredCastType.ExpectedPointer expected = InferredCastType.expectedPointer(c, model.edition());
        if (expected == null) {
            expected = crateParameter(c);
        }
        if (expected == null) {
            return;
        }
        RustParser.ExpressionContext operand = c.expression();
        boolean sized = expected.pointee() == null || isSized(expected.pointee()) && !mayBeUnsized(c);
        if (expected.constness().equals(pointers.constness(operand)) && pointers.of(operand) != null && sized) {
            sameMutabilityCast(c, "");
        }
    }

    /**
     * The raw pointer type of the crate function parameter that {@code e} is passed to
     * (`shallow_clone(shared as _)`, `fill(&mut buf)`), or null: the callee must resolve (a path
     * through the module tree, or a method whose every same-named declaration agrees on it).
     */
    private InferredCastType.ExpectedPointer crateParameter(RustParser.ExpressionContext e) {
        ParserRuleContext node = widenOverParentheses(e);
        if (!(node.getParent() instanceof RustParser.NestedContext arg)
                || !(arg.getParent() instanceof RustParser.CallArgumentsContext args)) {
            return null;
        }
        int index = args.nested().indexOf(arg);
        List<DeclaredFn> candidates = new ArrayList<>();
        boolean method = args.getParent() instanceof RustParser.MethodCallExprContext;
        if (args.getParent() instanceof RustParser.CallExprContext call) {
            List<String> path = ExpressionPaths.callee(call.expression(), model.edition());
            Binding local = path != null && path.size() == 1 ? scopes.lookup(path.get(0)) : null;
            DeclaredFn fn = path == null ? null : local != null ? local.function()
                    : resolver.resolve(path, module, selfTypeName()).declaration();
            if (fn != null) {
                candidates.add(fn);
            }
        } else if (args.getParent() instanceof RustParser.MethodCallExprContext m) {
            for (DeclaredFn fn : resolver.crate().functionsNamed(m.pathExprSegment().pathIdentSegment().getText())) {
                if (fn.owner() != null) {
                    candidates.add(fn);
                }
            }
        }
        String type = null;
        for (DeclaredFn fn : candidates) {
            String t = fn.parameterType(index, method);
            if (t == null || type != null && !type.equals(t)) {
                return null; // no such parameter, or declarations that disagree
            }
            type = t;
        }
        if (type == null || type.matches("\\*(const|mut)([A-Z]|Self)")) {
            return null; // a type parameter of the callee's (`*mut T`) may be unsized
        }
        if (type.startsWith("*const")) {
            return new InferredCastType.ExpectedPointer("const", type.substring("*const".length()));
        }
        return type.startsWith("*mut") ? new InferredCastType.ExpectedPointer("mut", type.substring("*mut".length()))
                : null;
    }

    /** Whether the enclosing fn or impl relaxes `Sized` somewhere (then a generic pointee may be unsized). */
    private static boolean mayBeUnsized(ParserRuleContext node) {
        for (ParseTree p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof RustParser.Function_Context f && (relaxesSized(f.genericParams()) || relaxesSized(f.whereClause()))
                    || p instanceof RustParser.ImplementationContext i
                    && (relaxesSized(i.genericParams()) || relaxesSized(i.whereClause()))) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern UNSIZED_PARAMETER =
            java.util.regex.Pattern.compile("(\\w+):[^,<>]*\\?Sized");

    /**
     * Whether a pointee type names a type parameter that the enclosing fn or impl declares
     * `?Sized` (`ArcInner<T>` with `T: ?Sized`): such a pointee may be unsized, and `.cast()` needs
     * a sized one (clippy's `ptr_as_ptr` stays silent there too).
     */
    private static boolean namesUnsizedParameter(ParserRuleContext node, String pointee) {
        for (ParseTree p = node.getParent(); p != null; p = p.getParent()) {
            List<ParserRuleContext> generics = p instanceof RustParser.Function_Context f
                    ? java.util.Arrays.asList(f.genericParams(), f.whereClause())
                    : p instanceof RustParser.ImplementationContext i
                    ? java.util.Arrays.asList(i.genericParams(), i.whereClause()) : List.of();
            for (ParserRuleContext g : generics) {
                if (g == null) {
                    continue;
                }
                java.util.regex.Matcher m = UNSIZED_PARAMETER.matcher(g.getText().replaceFirst("^where", ","));
                while (m.find()) {
                    if (java.util.regex.Pattern.compile("\\b" + m.group(1) + "\\b").matcher(pointee).find()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean relaxesSized(ParserRuleContext generics) {
        return generics != null && generics.getText().contains("?Sized");
    }

    /** `&x as *const T` (use `&raw`) and `p as *const U` between pointers of the same mutability (use `cast`). */
    private void castStyle(RustParser.CastExprContext c, boolean toMut) {
        RustParser.ExpressionContext operand = c.expression();
        if (operand instanceof RustParser.BorrowExprContext b && b.KW_RAW() == null && b.AND() != null
                && (b.KW_MUT() != null) == toMut) {
            if (!isRawBorrowable(b.expression()) || c.castType().castType() != null
                    && isTraitObject(model.textOf(c.castType().castType()))) {
                return; // `&raw` cannot take a temporary; `&x as *const dyn T` unsizes (clippy is silent too)
            }
            facts.codeSites.add(new CodeSite.BorrowCast(model.rangeOf(widenOverParentheses(c)), model.textOf(b.expression()),
                    toMut, CastChecks.rawBorrowRange(model, c, b, this::declaredType)));
            return;
        }
        String from = pointers.constness(operand);
        if (from != null && from.equals(toMut ? "mut" : "const") && pointers.of(operand) != null
                && c.castType().castType() != null && isSized(model.textOf(c.castType().castType()))
                && !namesUnsizedParameter(c, model.textOf(c.castType().castType()))
                && !(model.textOf(c.castType().castType()).equals("_") && !expectsType(c))) {
            String target = model.textOf(c.castType().castType());
            if (!castToInferredPointee(operand)) {
                sameMutabilityCast(c, target.equals("_") ? "" : target);
            } else if (!target.equals("_")) {
                ptrAsPtrOverInferredCast(c, target);
            }
        } else if (c.castType().castType() != null) {
            constnessOnlyCast(c, toMut);
        }
    }

    /**
     * `p as *mut T` where `p` is a `*const T` (or the reverse): the cast changes the mutability
     * alone, which `p.cast_mut()` (`cast_const()`) says by name. Only when the type model knows
     * `p`'s pointee and the target's is the same: written out, or for `as *mut _`, the pointee the
     * place expects (a parameter of a declared fn, a std fn's, a declared return or `let` type).
     * Paths compare by their last segments (`ffi::EVP_CIPHER` is `EVP_CIPHER`); aliases do not
     * (`c_uchar` is not taken for `u8`), so the rule stays silent there.
     */
    private void constnessOnlyCast(RustParser.CastExprContext c, boolean toMut) {
        String target = model.textOf(c.castType().castType());
        if (target.equals("_")) {
            InferredCastType.ExpectedPointer expected = InferredCastType.expectedPointer(c, model.edition());
            if (expected == null) {
                expected = crateParameter(c);
            }
            if (expected == null || expected.pointee() == null
                    || !expected.constness().equals(toMut ? "mut" : "const")) {
                return;
            }
            target = expected.pointee();
        }
        constnessOnlyCast(c, toMut, TypeParser.parse(target));
    }

    /** `p as *mut T` where `p`'s pointee is the target's {@code pointee}: a cast of the mutability alone. */
    private void constnessOnlyCast(RustParser.CastExprContext c, boolean toMut, Ty pointee) {
        Ty operand = pointerTypeOf(c.expression());
        if (!(operand instanceof Ty.Ptr pointer) || pointer.mutable() == toMut || !pointer.pointee().isKnown()
                || !withoutPathPrefixes(pointer.pointee().display()).equals(withoutPathPrefixes(pointee.display()))) {
            return;
        }
        facts.codeSites.add(new CodeSite.MutabilityOnlyCast(model.rangeOf(widenOverParentheses(c)), model.rangeOf(c),
                receiverText(c.expression()), toMut));
    }

    /**
     * Whether the place of `p as *const _` gives the pointee, so that `p.cast()` infers it as the
     * cast did: not as the operand of another cast or the receiver of a method or field
     * (`p.cast() as *const u32` and `p.cast().add(1)` are E0282).
     */
    private static boolean expectsType(RustParser.CastExprContext c) {
        ParserRuleContext at = widenOverParentheses(c);
        ParseTree parent = at.getParent();
        return !(parent instanceof RustParser.CastExprContext
                || parent instanceof RustParser.MethodCallExprContext m && m.expression() == at
                || parent instanceof RustParser.FieldExprContext f && f.expression() == at
                || parent instanceof RustParser.AwaitExprContext || parent instanceof RustParser.TryExprContext);
    }

    /**
     * The type of a cast's operand, and for `&e as *const _` (whose pointee the compiler infers
     * from `e`) a pointer to `e`'s type.
     */
    private Ty pointerTypeOf(RustParser.ExpressionContext operand) {
        Ty type = exprTypes.of(operand);
        RustParser.ExpressionContext inner = operand;
        while (inner instanceof RustParser.ParenthesizedExprContext p) {
            inner = p.nested().expression();
        }
        if (type instanceof Ty.Ptr pointer && !pointer.pointee().isKnown()
                && inner instanceof RustParser.CastExprContext cast && cast.castType().castType() != null
                && model.textOf(cast.castType().castType()).equals("_")
                && cast.expression() instanceof RustParser.BorrowExprContext borrow && borrow.KW_RAW() == null) {
            Ty borrowed = exprTypes.of(borrow.expression());
            return borrowed.isKnown() ? new Ty.Ptr(pointer.mutable(), borrowed) : type;
        }
        return type;
    }

    private static final java.util.regex.Pattern PATH_PREFIX = java.util.regex.Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*::");

    /** A type's text without the paths before its names: `ffi::EVP_CIPHER` is `EVP_CIPHER`. */
    private static String withoutPathPrefixes(String type) {
        return PATH_PREFIX.matcher(type).replaceAll("");
    }

    /** `(p as *const _)`: a pointer whose pointee the compiler must infer, so no method can be called on it. */
    private boolean castToInferredPointee(RustParser.ExpressionContext e) {
        while (e instanceof RustParser.ParenthesizedExprContext p) {
            e = p.nested().expression();
        }
        return e instanceof RustParser.CastExprContext inner && inner.castType().castType() != null
                && model.textOf(inner.castType().castType()).equals("_");
    }

    private void sameMutabilityCast(RustParser.CastExprContext c, String pointee) {
        RustParser.ExpressionContext operand = c.expression();
        sameMutabilityCast(c, pointee, receiverText(operand));
    }

    /** An expression's text as a method's receiver: parenthesised where `.m()` would bind to a part of it. */
    private String receiverText(RustParser.ExpressionContext e) {
        return e instanceof RustParser.CastExprContext || e instanceof RustParser.BorrowExprContext
                || e instanceof RustParser.DerefExprContext ? "(" + model.textOf(e) + ")" : model.textOf(e);
    }

    /**
     * `x as *mut _ as *mut T` (FFI code's habit): clippy's `ptr_as_ptr` too, but `(x as *mut _).cast()`
     * does not compile (the compiler must know the pointee before a method call), so the fix starts
     * from `x` itself: `x.cast::<T>()` for a pointer `x` of the same mutability, `(&raw mut p).cast::<T>()`
     * for a borrow `&mut p` of a place. Without such a fix the cast is left alone.
     */
    private void ptrAsPtrOverInferredCast(RustParser.CastExprContext c, String pointee) {
        RustParser.ExpressionContext operand = c.expression();
        while (operand instanceof RustParser.ParenthesizedExprContext p) {
            operand = p.nested().expression();
        }
        if (!(operand instanceof RustParser.CastExprContext inner) || inner.castType().STAR() == null) {
            return;
        }
        boolean innerMut = inner.castType().KW_MUT() != null;
        RustParser.ExpressionContext x = inner.expression();
        if (x instanceof RustParser.BorrowExprContext b && b.KW_RAW() == null && b.AND() != null
                && (b.KW_MUT() != null) == innerMut && isRawBorrowable(b.expression())) {
            sameMutabilityCast(c, pointee, "(&raw " + (innerMut ? "mut " : "const ") + model.textOf(b.expression()) + ")");
        } else if (!(x instanceof RustParser.BorrowExprContext) && pointers.of(x) != null
                && (innerMut ? "mut" : "const").equals(pointers.constness(x))) {
            sameMutabilityCast(c, pointee, receiverText(x));
        }
    }

    private void sameMutabilityCast(RustParser.CastExprContext c, String pointee, String receiver) {
        facts.codeSites.add(new CodeSite.SameMutabilityCast(model.rangeOf(widenOverParentheses(c)), model.rangeOf(c),
                receiver, pointee));
    }

    /** The declared type text of a local name, or null. */
    private String declaredType(RustParser.ExpressionContext e) {
        if (e instanceof RustParser.PathExprContext p) {
            Binding b = scopes.lookup(p.getText());
            return b == null ? null : b.typeText();
        }
        return null;
    }

    /** `.cast()` needs a sized pointee: not slices, `str`, trait objects or other unsized std types. */
    private static boolean isSized(String type) {
        String t = type.replaceAll("\\s+", "");
        return !(t.startsWith("[") && !t.contains(";")) && !t.equals("str") && !t.startsWith("dyn")
                && !t.equals("CStr") && !t.equals("OsStr") && !t.equals("Path") && !t.endsWith("::CStr")
                && !t.endsWith("::OsStr") && !t.endsWith("::Path");
    }

    private void borrow(RustParser.BorrowExprContext b) {
        if (b.KW_RAW() != null) {
            facts.inventory.add(new InventorySite(InventorySite.Kind.RAW_BORROW, model.rangeOf(b),
                    b.KW_MUT() != null ? "&raw mut" : "&raw const"));
        } else {
            implicitBorrowAsPointer(b);
        }
        walkChildren(b);
    }

    /**
     * `ptr::read(&x)`, `let p: *const T = &x;`: a reference made only to become a raw pointer where
     * the expected type is one, as `&x as *const T` does explicitly. Only places (a temporary has no
     * address to take with `&raw`), and not in macro arguments (whose text is the macro's).
     */
    private void implicitBorrowAsPointer(RustParser.BorrowExprContext b) {
        if (b.AND() == null || !macros.isEmpty() || !isRawBorrowable(b.expression())) {
            return;
        }
        InferredCastType.ExpectedPointer target = InferredCastType.coercionTarget(b, model.edition());
        if (target == null) {
            target = crateParameter(b);
        }
        boolean mutBorrow = b.KW_MUT() != null;
        if (target == null || !target.constness().equals(mutBorrow ? "mut" : "const")) {
            return;
        }
        facts.codeSites.add(new CodeSite.BorrowCoercion(model.rangeOf(b), model.textOf(b.expression()), mutBorrow));
    }

    /**
     * A place that `&raw const` can take, so that the fix compiles: a local (parameters and
     * pattern bindings included), `self`, a static, or a deref of anything, and fields and
     * indexes of those. Not a temporary (`&0`, `&f()`, `&v.len()`, `&f().field`), nor a path that
     * may name a `const`, a unit struct or an enum variant (values, not places: `&raw const C`
     * is E0745).
     */
    private boolean isRawBorrowable(RustParser.ExpressionContext e) {
        if (e instanceof RustParser.ParenthesizedExprContext p) {
            return isRawBorrowable(p.nested().expression());
        }
        if (e instanceof RustParser.FieldExprContext f) {
            return isRawBorrowable(f.expression());
        }
        if (e instanceof RustParser.TupleIndexPairExprContext t) {
            return isRawBorrowable(t.expression());
        }
        if (e instanceof RustParser.IndexExprContext i) {
            return isRawBorrowable(i.expression());
        }
        if (e instanceof RustParser.PathExprContext p) {
            if (p.pathInExpression().pathExprSegment().stream().anyMatch(s -> s.genericArgs() != null)) {
                return false; // a fn or a const item by path: no place
            }
            List<String> written = ExpressionPaths.segments(p.pathInExpression(), model.edition());
            String name = written.get(written.size() - 1);
            if (written.size() == 1) {
                Binding local = scopes.lookup(name);
                if (name.equals("self") || local != null && local.function() == null) {
                    return true;
                }
                if (fileStatics().contains(name)) {
                    return true;
                }
            }
            return resolver.isStaticMut(written, module);
        }
        return e instanceof RustParser.DerefExprContext;
    }

    /** `dyn Trait` (also in parentheses, with lifetimes): a borrow cast to it is an unsizing cast. */
    private static boolean isTraitObject(String pointerType) {
        String t = pointerType.replaceAll("\\s+", " ").trim();
        t = t.replaceFirst("^\\*\\s*(const|mut)\\s*", "").replaceFirst("^\\(\\s*", "");
        return t.startsWith("dyn ") || t.startsWith("dyn(");
    }

    private Set<String> fileStatics;

    /** The names of the statics this file declares (`static NAME`, `static mut NAME`), read from its tokens. */
    private Set<String> fileStatics() {
        if (fileStatics != null) {
            return fileStatics;
        }
        fileStatics = new HashSet<>();
        List<Token> all = model.parsed().tokens().getTokens();
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() == RustLexer.KW_STATIC) {
                Token name = nextCode(all, i);
                if (name != null && name.getType() == RustLexer.KW_MUT) {
                    name = nextCode(all, name.getTokenIndex());
                }
                Token colon = name == null ? null : nextCode(all, name.getTokenIndex());
                if (colon != null && colon.getType() == RustLexer.COLON) {
                    fileStatics.add(name.getText());
                }
            }
        }
        return fileStatics;
    }

    private void macro(RustParser.MacroInvocationContext m) {
        List<RustParser.SimplePathSegmentContext> segments = m.simplePath().simplePathSegment();
        String name = segments.get(segments.size() - 1).getText();
        boolean expressionPosition = m.getParent() instanceof RustParser.MacroInvocationExprContext;
        if (ASM_MACROS.contains(name) || name.equals("global_asm")) {
            facts.inventory.add(new InventorySite(InventorySite.Kind.INLINE_ASM, model.rangeOf(m), name));
            if (expressionPosition && name.equals("asm")) {
                record(OperationKind.INLINE_ASM, model.rangeOf(m), name, "inline assembly (`" + name + "!`)",
                        "the compiler cannot check what assembly does", null, "");
            }
            macros.push(m);
            for (RustParser.ExpressionContext operand : MacroArguments.asmOperands(model, m)) {
                walk(operand);
            }
            macros.pop();
        } else if (ADDR_OF_MACROS.contains(name)) {
            facts.inventory.add(new InventorySite(InventorySite.Kind.RAW_BORROW, model.rangeOf(m), name + "!"));
            // the place is the user's code: `addr_of_mut!((*out).0)` projects through a raw pointer,
            // which needs `unsafe`, as `&raw mut (*out).0` does; `addr_of!(*p)` alone does not
            for (RustParser.NestedContext place : MacroArguments.places(model, m)) {
                rawBorrowArguments.add(place);
                walk(place.expression());
            }
        } else if (CfgMacroBranches.isOne(m) && cfgBranches(m)) {
            return; // its branches were walked as the code they are
        } else if (expand(m)) {
            return; // walked as the code the crate's macro writes
        } else {
            if (!blocks.isEmpty()) {
                blocks.peek().mayHoldHiddenOperations = true;
            }
            macros.push(m);
            for (RustParser.ExpressionContext argument : MacroArguments.parse(model, m, name)) {
                walk(argument);
            }
            macros.pop();
        }
    }

    /**
     * The macro whose text wrote the code at {@code range}, or null for code the user wrote: what
     * a transcriber writes takes its call's position (the innermost expansion at that position
     * names it, as rustc's "in this macro invocation" does).
     */
    /**
     * An operation whose expression the macro's text builds around code the call passes in (`$f(..)`
     * with `$f` the caller's path: it starts in the caller's tokens and ends in the macro's) is the
     * macro's expression: reported at the call, as rustc does, not at the passed-in part.
     */
    private TextRange atCallWhenMixed(TextRange range) {
        for (CallSite site : expansions) {
            int start = model.startOf(site.first());
            int end = model.endOf(site.last());
            if (range.end() == end && range.start() != start) {
                return new TextRange(start, end);
            }
        }
        return range;
    }

    private String writtenBy(TextRange range) {
        for (CallSite site : expansions) {
            if (range.start() == model.startOf(site.first()) || range.end() == model.endOf(site.last())) {
                return site.macroName();
            }
        }
        return null;
    }

    /**
     * Expands a call of one of the crate's `macro_rules!` and walks the expansion like written code,
     * when it can matter: the macro writes `unsafe`, the call passes `unsafe` code, or it stands in
     * unsafe code (where its operations count). False when the call is not expanded (unknown
     * macro, a position we do not expand, or a failure, which leaves a note at the call).
     */
    private boolean expand(RustParser.MacroInvocationContext m) {
        ExpansionParser.Position position = ExpansionParser.positionOf(m);
        if (position == null || budget != null && budget.exhausted()) {
            return false;
        }
        List<String> path = new ArrayList<>();
        for (RustParser.SimplePathSegmentContext segment : m.simplePath().simplePathSegment()) {
            path.add(segment.getText());
        }
        MacroDefinition definition = macroDefinitions.find(path, m.getStart().getTokenIndex());
        if (definition == null) {
            return false;
        }
        List<Token> input = MacroCallInput.of(model, m, definition.name());
        boolean matters = macroDefinitions.writesUnsafe(definition, m.getStart().getTokenIndex()) || !blocks.isEmpty()
                || !functions.isEmpty() && functions.peek().isUnsafe()
                || input.stream().anyMatch(t -> t.getType() == RustLexer.KW_UNSAFE);
        if (!matters) {
            return false;
        }
        CallSite site = CallSite.of(definition.name(), m.getStart(), m.getStop());
        if (definition.crateName() != null) {
            dependencySites.add(site);
        }
        // never "unneeded" because of what an expansion seems to hold: macros write code whose
        // unsafety only the compiler sees (a struct literal of a type with a validity range)
        mayHide();
        boolean outermost = budget == null;
        if (outermost) {
            budget = ExpansionBudget.standard();
        }
        int inventoryBefore = facts.inventory.size();
        int contextualBefore = facts.contextualSites.size();
        int codeSitesBefore = facts.codeSites.size();
        boolean entered = false;
        try {
            budget.enter(definition.name());
            entered = true;
            List<Token> tokens = MacroExpander.expand(definition, site, input, budget);
            java.util.Optional<List<ParserRuleContext>> code = ExpansionParser.parse(tokens, position, site,
                    macroDefinitions.signs());
            if (code.isEmpty()) {
                throw new ExpansionException("the expansion of `" + definition.name() + "!` does not parse as "
                        + switch (position) {
                            case EXPRESSION -> "an expression";
                            case STATEMENTS -> "statements";
                            case ITEMS -> "items";
                            case ASSOCIATED_ITEMS -> "associated items";
                            case EXTERNAL_ITEMS -> "items of an extern block";
                        });
            }
            dev.unsafehints.macros.LocalHygiene.separate(tokens, code.get(), site);
            walkExpansion(m, site, position == ExpansionParser.Position.STATEMENTS
                    ? statementsOf((RustParser.BlockExpressionContext) code.get().get(0)) : code.get());
            return true;
        } catch (ExpansionException e) {
            note(site, e.getMessage());
            return false;
        } finally {
            if (entered) {
                budget.exit();
            }
            if (outermost) {
                budget = null;
            }
            dropMacroWritten(inventoryBefore, contextualBefore, codeSitesBefore, site);
        }
    }

    /**
     * The statements a statement macro writes, walked in the caller's block (not in the block they
     * were parsed in): a `let $name = ..;` binds the caller's name for the code after the call, as
     * in rustc, while the locals of the macro's own text are apart by their hygiene.
     */
    private List<ParserRuleContext> statementsOf(RustParser.BlockExpressionContext block) {
        bindLocalFunctions(block);
        bindLocalImports(block);
        List<ParserRuleContext> statements = new ArrayList<>();
        for (int i = 0; i < block.getChildCount(); i++) {
            if (block.getChild(i) instanceof ParserRuleContext child) {
                statements.add(child);
            }
        }
        return statements;
    }

    private void walkExpansion(RustParser.MacroInvocationContext m, CallSite site, List<ParserRuleContext> code) {
        macros.push(m); // as for macro arguments: no style lints on what the macro's text writes
        expansions.push(site);
        try {
            for (ParserRuleContext c : code) {
                walkRecoveringExpansion(c);
            }
        } finally {
            expansions.pop();
            macros.pop();
        }
    }

    /**
     * Walks one node of an expansion; a failure there (code shapes the walk does not expect from
     * written code) leaves the facts found so far and a note, never the file's analysis.
     */
    private void walkRecoveringExpansion(ParserRuleContext node) {
        WalkState state = new WalkState();
        try {
            walk(node);
        } catch (java.util.concurrent.CancellationException | ExpansionException e) {
            throw e;
        } catch (RuntimeException e) {
            state.restore();
            note(expansions.isEmpty() ? null : expansions.peek(), "part of an expansion could not be analysed");
        }
    }

    /**
     * Inventory and style findings on code a macro's text wrote are the definition's, not the
     * call's: they are dropped here (the macro's text is checked once, where it is written). Only
     * the trait without a `# Safety` section stays at the call: each item a macro writes is API of its own.
     */
    private void dropMacroWritten(int inventoryBefore, int contextualBefore, int codeSitesBefore, CallSite site) {
        int start = model.startOf(site.first());
        int end = model.endOf(site.last());
        List<InventorySite> inventory = facts.inventory.subList(inventoryBefore, facts.inventory.size());
        inventory.removeIf(i -> i.range().start() == start || i.range().end() == end);
        List<UnsafeFacts.ContextualSite> contextual =
                facts.contextualSites.subList(contextualBefore, facts.contextualSites.size());
        contextual.removeIf(c -> c.kind() != UnsafeFacts.ContextualSite.Kind.UNSAFE_TRAIT_WITHOUT_SAFETY_DOC
                && (c.range().start() == start || c.range().end() == end));
        facts.codeSites.subList(codeSitesBefore, facts.codeSites.size())
                .removeIf(c -> c.range().start() == start || c.range().end() == end);
    }

    private void note(CallSite site, String message) {
        if (site == null) {
            return;
        }
        TextRange range = model.rangeOf(site.first(), site.last());
        for (UnsafeFacts.ExpansionNote n : facts.expansionNotes) {
            if (n.range().equals(range)) {
                return; // one note per call: the nested calls of a runaway expansion share its position
            }
        }
        facts.expansionNotes.add(new UnsafeFacts.ExpansionNote(range, site.macroName(), message));
    }

    /** Walks the branches of a `cfg_if!` or `cfg_select!`; false when they are not code we can parse. */
    private boolean cfgBranches(RustParser.MacroInvocationContext m) {
        java.util.Optional<List<ParserRuleContext>> branches = CfgMacroBranches.parse(model.parsed().tokens(), m);
        if (branches.isEmpty()) {
            return false;
        }
        for (ParserRuleContext branch : branches.get()) {
            walk(branch);
        }
        return true;
    }

    // ------------------------------------------------------------------ recording

    private void record(OperationKind kind, TextRange range, String subject, String what, String why,
                        RelatedLocation declaration, String safetyDoc) {
        record(kind, range, subject, what, why, declaration, safetyDoc, List.of());
    }

    private void record(OperationKind kind, TextRange range, String subject, String what, String why,
                        RelatedLocation declaration, String safetyDoc, List<String> arguments) {
        String macro = writtenBy(range);
        if (macro != null) {
            what = what + " in the expansion of `" + macro + "!`";
            range = atCallWhenMixed(range);
        }
        UnsafeOperation op = new UnsafeOperation(kind, range, subject, what, why, declaration, safetyDoc,
                blocks.peek(), functions.peek(), arguments);
        if (foreignUnsafe > 0) {
            blocks.peek().operations.add(op); // inside a dependency macro's own `unsafe` block
            return;
        }
        if (expansions.isEmpty() || !reported(op)) {
            facts.operations.add(op);
        }
        if (!blocks.isEmpty()) {
            blocks.peek().operations.add(op);
        } else if (!functions.isEmpty()) {
            functions.peek().bodyOperations.add(op);
        }
    }

    /**
     * Whether the same operation was recorded already: an argument that a macro writes twice
     * (`$e; $e`) is one operation in the text, reported once (rustc too reports one error per
     * span), though its block counts both.
     */
    private boolean reported(UnsafeOperation op) {
        for (int i = facts.operations.size() - 1; i >= 0; i--) {
            UnsafeOperation o = facts.operations.get(i);
            if (o.range().end() < op.range().start() && o.range().start() < op.range().start()) {
                return false; // operations are recorded in source order, nothing further back can be the same
            }
            if (o.kind() == op.kind() && o.range().equals(op.range()) && o.what().equals(op.what())
                    && o.block() == op.block() && o.function() == op.function()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The enclosing block may hold an operation the analysis cannot name (too vague to list as an
     * uncertain operation, but enough not to call the block unneeded).
     */
    private void mayHide() {
        if (!blocks.isEmpty()) {
            blocks.peek().mayHoldHiddenOperations = true;
        }
    }

    private void uncertain(OperationKind kind, TextRange range, String what) {
        if (!blocks.isEmpty()) {
            UnsafeBlockFact block = blocks.peek();
            block.uncertainOperations.add(new UnsafeOperation(kind, range, "", what, "not known", null, "", block,
                    functions.peek(), List.of()));
            block.mayHoldHiddenOperations = true;
        }
    }

    private RelatedLocation related(DeclaredFn decl) {
        if (decl == null) {
            return null;
        }
        java.nio.file.Path file = decl.file() != null && decl.file().equals(model.path()) ? null : decl.file();
        int offset = file == null ? model.source().offsetAt(decl.position()) : 0;
        TextRange range = file == null ? new TextRange(offset, offset + decl.name().length()) : new TextRange(0, 0);
        TextPosition end = new TextPosition(decl.position().line(), decl.position().column() + decl.name().length());
        return new RelatedLocation(file, range, decl.position(), end, "`" + decl.displayPath() + "` is declared here");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The node with the parentheses around it: rustc reports `(*p).f` at the `(`, and `((e))` stands
     * where the parentheses stand.
     */
    static ParserRuleContext widenOverParentheses(ParserRuleContext node) {
        ParserRuleContext n = node;
        while (n.getParent() instanceof RustParser.NestedContext nested
                && nested.getParent() instanceof RustParser.ParenthesizedExprContext paren) {
            n = paren;
        }
        return n;
    }

    /** The item, associated item, external item or statement that holds an item rule. */
    private static ParserRuleContext itemHolder(ParserRuleContext node) {
        ParseTree p = node.getParent();
        while (p instanceof RustParser.VisItemContext) {
            p = p.getParent();
        }
        return p instanceof ParserRuleContext c ? c : node;
    }

    /** The first token after outer attributes: visibility included, as rustc and the oracle anchor items. */
    private static Token firstTokenAfterAttributes(ParserRuleContext holder) {
        if (holder.children != null) {
            for (ParseTree child : holder.children) {
                if (!(child instanceof RustParser.OuterAttributeContext)) {
                    return child instanceof TerminalNode t ? t.getSymbol() : ((ParserRuleContext) child).getStart();
                }
            }
        }
        return holder.getStart();
    }

    private TextRange itemRange(ParserRuleContext node) {
        ParserRuleContext holder = itemHolder(node);
        Token start = holder == node ? node.getStart() : firstTokenAfterAttributes(holder);
        return model.rangeOf(start, node.getStop());
    }

    private static boolean isPublic(ParserRuleContext holder) {
        for (ParseTree child : holder.children == null ? List.<ParseTree>of() : holder.children) {
            if (child instanceof RustParser.VisItemContext v) {
                return isPlainPub(v.visibility());
            }
            if (child instanceof RustParser.VisibilityContext v) {
                return isPlainPub(v);
            }
        }
        return false;
    }

    private static boolean isPlainPub(RustParser.VisibilityContext v) {
        return v != null && v.LPAREN() == null;
    }

    /** Whether an item says {@code #[doc(hidden)]}: then it is no public API. */
    private static boolean isDocHidden(ParserRuleContext holder) {
        if (holder.children != null) {
            for (ParseTree child : holder.children) {
                if (child instanceof RustParser.OuterAttributeContext attr && FileDeclarations.isDocHidden(attr.attr())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean traitIsPublic(RustParser.Function_Context f) {
        for (ParseTree p = f.getParent(); p != null; p = p.getParent()) {
            if (p instanceof RustParser.Trait_Context t) {
                return t.getParent() instanceof RustParser.VisItemContext v && isPlainPub(v.visibility());
            }
        }
        return false;
    }

    private int line(ParserRuleContext ctx) {
        return model.positionOf(model.startOf(ctx.getStart())).line() + 1;
    }

    /** Small text helpers shared with other builders. */
    static final class FileDeclarationsText {
        private FileDeclarationsText() {
        }

        static String unquote(String s) {
            return s.length() >= 2 && s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
        }
    }
}
