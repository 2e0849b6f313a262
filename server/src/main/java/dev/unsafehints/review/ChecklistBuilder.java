package dev.unsafehints.review;

import dev.unsafehints.analysis.Concern;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.FunctionFact;
import dev.unsafehints.analysis.Obligations;
import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.SafetyComments;
import dev.unsafehints.analysis.UnsafeBlockFact;
import dev.unsafehints.analysis.UnsafeOperation;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.parse.SafetyDocs;
import dev.unsafehints.review.ChecklistItem.Mark;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.rules.inventory.ExternBlockRule;
import dev.unsafehints.rules.inventory.InlineAsmRule;
import dev.unsafehints.rules.inventory.StaticMutRule;
import dev.unsafehints.rules.inventory.UnionRule;
import dev.unsafehints.rules.inventory.UnsafeAttrRule;
import dev.unsafehints.rules.inventory.UnsafeBlockRule;
import dev.unsafehints.rules.inventory.UnsafeFnRule;
import dev.unsafehints.rules.inventory.UnsafeImplRule;
import dev.unsafehints.rules.inventory.UnsafeTraitRule;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the reviewer checklist of one site: per unsafe operation the obligations to argue (with
 * the callee's {@code # Safety} section quoted), whether a {@code // SAFETY:} comment exists and
 * which obligations it leaves unmentioned, whether the unsafe region could be smaller or isolated
 * in a small function, what the enclosing safe or unsafe function promises, and the analysis'
 * own findings inside the site. Follows the four guidelines for unsafe code: minimize it, isolate
 * it in small documented functions, review it, wrap it in safe abstractions.
 */
final class ChecklistBuilder {
    /**
     * Rules whose findings the checklist already covers (the sites, their operations, and the points
     * it makes itself), as each rule declares ({@link RuleInfo#review()}): every other rule's findings
     * are gaps.
     */
    private static final Set<String> SITE_RULES = RuleCatalog.all().stream()
            .filter(r -> r.review() != RuleInfo.ReviewRole.GAP).map(RuleDescriptor::id)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** A fn longer than this many lines is "long" when its unsafe block is a small part of it. */
    private static final int LONG_FN_LINES = 40;
    private static final int MAX_QUOTE_LINES = 14;
    /**
     * Standard macros that expand to safe code; the analysis reads their arguments, so a statement
     * calling only these holds an unsafe operation only where the analysis shows one.
     */
    private static final Set<String> SAFE_STD_MACROS = Set.of("println", "print", "eprintln", "eprint", "format",
            "write", "writeln", "assert", "assert_eq", "assert_ne", "debug_assert", "debug_assert_eq",
            "debug_assert_ne", "panic", "todo", "unimplemented", "unreachable", "vec", "dbg", "matches",
            "format_args", "concat", "stringify", "line", "column", "file", "cfg", "env", "include_str",
            "include_bytes", "module_path", "trace", "debug", "info", "warn", "error");

    private final FileSites file;
    private final FileSites.Site site;
    private final List<Finding> findings;
    private final SourceText source;
    private final List<ChecklistItem> items = new ArrayList<>();

    private ChecklistBuilder(FileSites file, FileSites.Site site, List<Finding> findings) {
        this.file = file;
        this.site = site;
        this.findings = findings;
        this.source = file.source();
    }

    static List<ChecklistItem> build(FileSites file, FileSites.Site site, List<Finding> findings) {
        ChecklistBuilder b = new ChecklistBuilder(file, site, findings);
        b.buildHere();
        return List.copyOf(b.items);
    }

    private void buildHere() {
        switch (site.kind) {
            case UnsafeBlockRule.ID -> unsafeBlock();
            case UnsafeFnRule.ID -> unsafeFn();
            case UnsafeImplRule.ID -> unsafeImpl();
            case UnsafeTraitRule.ID -> unsafeTrait();
            case StaticMutRule.ID -> staticMut();
            case UnionRule.ID -> union();
            case ExternBlockRule.ID -> externBlock();
            case UnsafeAttrRule.ID -> unsafeAttr();
            case InlineAsmRule.ID -> add(0, Mark.ARGUE, "The assembly declares every register, memory access and flag it"
                    + " touches, and keeps the stack and Rust's memory model intact.");
            default -> add(0, Mark.ARGUE, "Explain why this code upholds what the compiler can no longer check.");
        }
        analysisFindings();
    }

    // ------------------------------------------------------------------ unsafe blocks

    private void unsafeBlock() {
        UnsafeBlockFact block = site.block;
        if (block == null) {
            add(0, Mark.ARGUE, "Explain why every operation in this block is sound.");
            return;
        }
        String comment = SafetyComments.blockText(file.model, (RustParser.UnsafeBlockContext) block.context());
        if (block.isSafetyTemplate()) {
            add(0, Mark.GAP, "The `// SAFETY:` comment is still the template: replace its `<...>` placeholder with"
                    + " why each obligation below holds here.");
        } else {
            safetyComment(comment, block.isSafetyCommented());
        }
        List<UnsafeOperation> operations = block.operations();
        if (operations.isEmpty() && block.uncertainOperations().isEmpty()) {
            add(0, Mark.GAP, "The analysis finds no unsafe operation in this block: if there is none (look inside"
                    + " macros), the block is not needed.");
        }
        java.util.Set<String> staticsSeen = new java.util.HashSet<>();
        for (UnsafeOperation op : operations) {
            if (op.kind() == OperationKind.STATIC_MUT_ACCESS && !staticsSeen.add(op.subject())) {
                continue; // one set of obligations per static: they are the same at each use in the block
            }
            operation(op, comment, block.isSafetyCommented());
        }
        uncertain(block.uncertainOperations());
        minimize(block);
        enclosingFunction(block);
    }

    private void safetyComment(String comment, boolean present) {
        if (present) {
            List<String> quote = quoteLines(comment);
            items.add(new ChecklistItem(0, Mark.OK, "A `// SAFETY:` comment argues for the block; check that the"
                    + " argument is true and complete.", quote, null, null));
        } else {
            add(0, Mark.GAP, "No `// SAFETY:` comment: write one above the block that argues each obligation below.");
        }
    }

    /** One operation with the obligations it brings, and which of them the SAFETY comment leaves out. */
    private void operation(UnsafeOperation op, String comment, boolean commented) {
        String at = source.positionAt(op.range().start()).line() + 1 + ":" + (source.positionAt(op.range().start()).column() + 1);
        Obligations.Contract contract = Obligations.of(op, source);
        String header;
        switch (op.kind()) {
            case RAW_POINTER_DEREF -> header = "`" + Obligations.shorten(source.slice(op.range())) + "` (" + at + "): "
                    + contract.access().description() + " of raw pointer " + code(Obligations.shorten(op.subject()));
            case STATIC_MUT_ACCESS -> {
                long uses = site.block == null ? 1 : site.block.operations().stream()
                        .filter(o -> o.kind() == op.kind() && o.subject().equals(op.subject())).count();
                header = "`" + Obligations.shorten(source.slice(op.range())) + "` (" + at + (uses > 1 ? ", and " + (uses - 1)
                        + " more use" + (uses > 2 ? "s" : "") + " in this block" : "") + "): use of mutable static "
                        + code(op.subject());
            }
            case INLINE_ASM -> header = "`" + Obligations.shorten(source.slice(op.range())) + "` (" + at + "): inline assembly";
            case UNSAFE_CALL, UNION_FIELD_ACCESS -> header = "`" + Obligations.shorten(source.slice(op.range())) + "` (" + at
                    + "): " + op.what();
            default -> header = op.what() + " (" + at + ")";
        }
        items.add(new ChecklistItem(0, Mark.INFO, header + (op.why() == null || op.why().isBlank() ? ""
                : " — " + op.why()), List.of(), op.range(), source.positionAt(op.range().start())));
        if (!contract.calleeSafety().isEmpty()) {
            items.add(new ChecklistItem(1, Mark.INFO, "The callee's `# Safety` section:",
                    quoteLines(contract.calleeSafety()), null, null));
        }
        for (Obligations.Obligation o : contract.obligations()) {
            if (commented && !o.concern().isMentionedIn(comment, o.extraWords())) {
                add(1, Mark.GAP, o.text() + " (The SAFETY comment does not mention " + o.concern().topic() + ".)");
            } else {
                add(1, Mark.ARGUE, o.text());
            }
        }
    }

    private void uncertain(List<UnsafeOperation> uncertain) {
        if (uncertain.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (UnsafeOperation op : uncertain) {
            if (lines.size() == 8) {
                lines.add("... and " + (uncertain.size() - 8) + " more");
                break;
            }
            lines.add("line " + (source.positionAt(op.range().start()).line() + 1) + ": " + op.what());
        }
        items.add(new ChecklistItem(0, Mark.INFO, "The analysis could not tell whether these are unsafe (unknown"
                + " callee or pointer type); if one is, it needs its own argument:", lines, null, null));
    }

    /** Guideline "minimize": statements in the block that hold no unsafe operation could move out. */
    private void minimize(UnsafeBlockFact block) {
        RustParser.UnsafeBlockContext ctx = (RustParser.UnsafeBlockContext) block.context();
        List<RustParser.StatementContext> statements = ctx.blockExpression().statement();
        List<Integer> safeLines = new ArrayList<>();
        for (RustParser.StatementContext s : statements) {
            TextRange r = file.model.rangeOf(s);
            if (!holdsOperation(block, r) && !holdsMacroCall(s) && !(s instanceof RustParser.ItemStatementContext)) {
                safeLines.add(source.positionAt(r.start()).line() + 1);
            }
        }
        int total = statements.size();
        if (!safeLines.isEmpty() && total > 1) {
            add(0, Mark.GAP, safeLines.size() + " of the block's " + total + " statements "
                    + (safeLines.size() == 1 ? "holds" : "hold") + " no unsafe operation"
                    + " (line" + (safeLines.size() == 1 ? " " : "s ") + joinNumbers(safeLines) + "): move "
                    + (safeLines.size() == 1 ? "it" : "them") + " out so the block holds only what needs `unsafe`"
                    + " (minimize).");
        }
        int operations = block.operations().size();
        if (operations > 1) {
            add(0, Mark.INFO, "The block holds " + operations + " unsafe operations: one block per operation, each"
                    + " with its own SAFETY comment, keeps each argument next to its code.");
        }
    }

    private static boolean holdsOperation(UnsafeBlockFact block, TextRange r) {
        for (UnsafeOperation op : block.operations()) {
            if (r.intersects(op.range())) {
                return true;
            }
        }
        for (UnsafeOperation op : block.uncertainOperations()) {
            if (r.intersects(op.range())) {
                return true;
            }
        }
        return false;
    }

    /** A macro call may expand to unsafe operations the analysis cannot see: never call such a statement safe. */
    private static boolean holdsMacroCall(org.antlr.v4.runtime.tree.ParseTree root) {
        java.util.Deque<org.antlr.v4.runtime.tree.ParseTree> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            org.antlr.v4.runtime.tree.ParseTree node = todo.pop();
            if (node instanceof RustParser.MacroInvocationContext m) {
                String name = m.simplePath().getText();
                String last = name.substring(name.lastIndexOf(':') + 1);
                if (!SAFE_STD_MACROS.contains(last)) {
                    return true;
                }
            }
            for (int i = 0; i < node.getChildCount(); i++) {
                todo.push(node.getChild(i));
            }
        }
        return false;
    }

    /** Guidelines "isolate" and "wrap in safe abstractions": what the fn around the block promises. */
    private void enclosingFunction(UnsafeBlockFact block) {
        FunctionFact fn = site.function;
        if (fn == null) {
            return;
        }
        String name = code("fn " + fn.name());
        if (fn.isUnsafe()) {
            if (fn.hasSafetySection()) {
                add(0, Mark.ARGUE, name + " is unsafe: each obligation it does not establish itself must be a"
                        + " condition of its `# Safety` section.");
            } else {
                add(0, Mark.GAP, name + " is unsafe but has no `# Safety` section: callers cannot know which of these"
                        + " obligations are theirs.");
            }
        } else {
            List<String> pointerParams = new ArrayList<>();
            for (String param : fn.rawPointerParams()) {
                for (UnsafeOperation op : block.operations()) {
                    if (op.subject() != null && Pattern.compile("\\b" + Pattern.quote(param) + "\\b")
                            .matcher(op.subject()).find()) {
                        pointerParams.add(param);
                        break;
                    }
                }
            }
            if (!pointerParams.isEmpty()) {
                add(0, fn.isPublic() ? Mark.GAP : Mark.ARGUE, name + " is safe yet uses its raw-pointer parameter"
                        + (pointerParams.size() == 1 ? " " : "s ") + codeList(pointerParams) + " here: any caller can"
                        + " pass any pointer. Either the fn checks everything the obligations need, or it must be"
                        + " `unsafe fn` with a `# Safety` section.");
            } else {
                add(0, Mark.ARGUE, name + " is safe, so it is a safe abstraction: no argument value and no state a"
                        + " caller can reach through safe code may break the obligations above.");
            }
        }
        int fnLines = lines(fn.itemRange());
        int blockLines = lines(block.range());
        if (fnLines > LONG_FN_LINES && blockLines * 4 < fnLines) {
            add(0, Mark.INFO, "The block is " + blockLines + " of the " + fnLines + " lines of " + name + ": a small"
                    + " fn around just the unsafe part, with a documented contract, would be easier to review"
                    + " (isolate).");
        }
    }

    // ------------------------------------------------------------------ unsafe fns, impls, traits

    private void unsafeFn() {
        FunctionFact fn = site.function;
        String name = code("fn " + (fn == null ? site.item.name : fn.name()));
        String docs = fn == null ? "" : fn.docs();
        String section = SafetyDocs.safetySection(docs);
        if (fn != null && fn.hasSafetySection()) {
            items.add(new ChecklistItem(0, Mark.OK, "The `# Safety` section of " + name + " states the caller's"
                    + " obligations:", quoteLines(section.isEmpty() ? "(empty)" : section), null, null));
            add(0, Mark.ARGUE, "The section lists every condition the body relies on and does not check itself, and"
                    + " nothing a caller cannot know or check.");
        } else {
            add(0, Mark.GAP, name + " has no `# Safety` section: callers cannot know what they must uphold. Write one"
                    + " that lists each condition.");
        }
        if (fn == null) {
            return;
        }
        List<UnsafeOperation> bodyOps = fn.bodyOperations();
        if (!bodyOps.isEmpty()) {
            add(0, Mark.GAP, bodyOps.size() + " unsafe operation" + (bodyOps.size() == 1 ? " is" : "s are")
                    + " directly in the body, outside any `unsafe {}` block (lint `unsafe_op_in_unsafe_fn`, a"
                    + " warning in edition 2024): wrap each in a block with its own SAFETY comment.");
            for (UnsafeOperation op : bodyOps) {
                operation(op, section, !section.isEmpty());
            }
        }
        boolean hasBlocks = file.model.facts().blocks().stream().anyMatch(b -> b.function() != null
                && b.function().context() == fn.context());
        if (bodyOps.isEmpty() && !hasBlocks && fn.context().blockExpression() != null) {
            add(0, Mark.ARGUE, "The body performs no unsafe operation the analysis can see: `unsafe` here marks a"
                    + " contract (an invariant that other unsafe code relies on). The `# Safety` section must name"
                    + " it; otherwise the fn can be safe.");
        }
        if (fn.place() == FunctionFact.Place.TRAIT) {
            add(0, Mark.ARGUE, "Every implementation relies only on what this declaration's `# Safety` section"
                    + " promises.");
        }
    }

    private void unsafeImpl() {
        RustParser.ImplementationContext impl = (RustParser.ImplementationContext) site.item.node;
        String comment = SafetyComments.itemText(file.model, site.item.holder, impl.KW_UNSAFE().getSymbol());
        String trait = SourceItems.traitName(impl);
        String type = code(SourceItems.collapse(file.model.textOf(impl.type_())));
        boolean commented = !comment.isEmpty();
        if (commented) {
            items.add(new ChecklistItem(0, Mark.OK, "A `// SAFETY:` comment argues for the impl:", quoteLines(comment),
                    null, null));
        } else {
            add(0, Mark.GAP, "No `// SAFETY:` comment above the impl: write down why " + type + " upholds the"
                    + " trait's contract.");
        }
        List<String> fields = fieldsOf(SourceItems.selfTypeName(impl));
        if ("Send".equals(trait) || "Sync".equals(trait)) {
            String claim = "Send".equals(trait)
                    ? type + " may be moved to another thread: every field must be safe to own there (raw pointers,"
                    + " `Rc`, thread-bound handles are not, unless the type manages them so)."
                    : "`&" + type.substring(1) + " may be used from several threads at once: every way to mutate"
                    + " through a shared reference (`Cell`, `RefCell`, `UnsafeCell`, writes through raw pointers)"
                    + " must be synchronised.";
            if (commented && !Concern.THREADS.isMentionedIn(comment, List.of(trait))) {
                add(0, Mark.GAP, claim + " (The SAFETY comment does not mention threads.)");
            } else {
                add(0, Mark.ARGUE, claim);
            }
            String header = file.model.source().slice(new TextRange(site.range.start(),
                    file.model.rangeOf(impl.LBRACE()).start()));
            boolean generic = impl.genericParams() != null && !impl.genericParams().genericParam().isEmpty();
            if (generic && countWord(header, trait) < 2) {
                add(0, Mark.GAP, "The impl has type parameters but no `" + trait + "` bound on them: it claims "
                        + trait + " for every parameter type, including ones that are not (`Rc<_>`, `Cell<_>`).");
            }
            if (!fields.isEmpty()) {
                items.add(new ChecklistItem(0, Mark.INFO, "The fields of " + type + " (defined in this file) that the"
                        + " argument must cover:", fields, null, null));
            }
        } else {
            add(0, Mark.ARGUE, type + " upholds every guarantee the documentation of the unsafe trait "
                    + code(trait == null ? "?" : trait) + " asks of implementors, and keeps upholding it under"
                    + " every safe method.");
        }
    }

    private void unsafeTrait() {
        String docs = file.model.docsOf(site.item.holder);
        String section = SafetyDocs.safetySection(docs);
        String name = code("trait " + site.item.name);
        if (SafetyDocs.hasSafetySection(docs)) {
            items.add(new ChecklistItem(0, Mark.OK, "The `# Safety` section of " + name + " states what implementors"
                    + " must guarantee:", quoteLines(section.isEmpty() ? "(empty)" : section), null, null));
        } else {
            add(0, Mark.GAP, name + " has no `# Safety` section: implementors cannot know what they must guarantee.");
        }
        add(0, Mark.ARGUE, "The unsafe code that relies on this trait relies on nothing beyond the documented"
                + " guarantee, and the guarantee is one an implementor can actually give.");
    }

    private void staticMut() {
        String name = code(site.item.name);
        add(0, Mark.ARGUE, "Every access to " + name + " is synchronised, or the program provably touches it from"
                + " one thread only and never re-entrantly (signal handlers and interrupts included).");
        add(0, Mark.ARGUE, "No reference to " + name + " outlives a single access (lint `static_mut_refs`, denied in"
                + " edition 2024): use `&raw const`/`&raw mut` and copy values out.");
        add(0, Mark.INFO, "Usually one of these is safe and enough: an atomic type, `Mutex`/`RwLock`, `OnceLock`/"
                + "`LazyLock`, or `thread_local!`.");
    }

    private void union() {
        String name = code("union " + site.item.name);
        add(0, Mark.ARGUE, "The code knows which field of " + name + " holds a value at each read (a tag next to it,"
                + " or a protocol), or reads only fields for which every bit pattern is valid.");
        add(0, Mark.ARGUE, "Fields whose type needs drop are wrapped in `ManuallyDrop` and dropped by hand exactly"
                + " once.");
        if (!fieldsOf(site.item.name).isEmpty()) {
            items.add(new ChecklistItem(0, Mark.INFO, "Its fields:", fieldsOf(site.item.name), null, null));
        }
    }

    private void externBlock() {
        add(0, Mark.ARGUE, "Each declaration matches the foreign definition exactly: argument and return types,"
                + " ABI, nullability of pointers, who owns returned memory.");
        add(0, Mark.ARGUE, "Each foreign fn is called through a small safe wrapper that checks what the foreign code"
                + " assumes (wrap in safe abstractions).");
        if (file.model.edition().ordinal() >= Edition.E2024.ordinal()
                && !source.slice(site.range).startsWith("unsafe")) {
            add(0, Mark.GAP, "Edition 2024 requires `unsafe extern`: the block's signatures are a promise the author"
                    + " makes.");
        }
    }

    private void unsafeAttr() {
        String text = source.slice(site.range);
        if (text.contains("link_section")) {
            add(0, Mark.ARGUE, "The section exists on every target built, and placing this item there is valid for"
                    + " its type.");
        } else {
            add(0, Mark.ARGUE, "The exported symbol name is unique in the final binary (no other crate or C library"
                    + " defines it), and its signature matches what the other side expects.");
        }
    }

    // ------------------------------------------------------------------ findings and helpers

    private void analysisFindings() {
        TextRange scope = site.kind.equals(UnsafeBlockRule.ID) || site.kind.equals(UnsafeFnRule.ID) ? site.range
                : site.item.range;
        for (Finding f : findings) {
            if (SITE_RULES.contains(f.ruleId()) || !scope.contains(f.range().start())) {
                continue;
            }
            if (site.kind.equals(UnsafeFnRule.ID) && insideBlockOf(f.range().start())) {
                continue; // reported with that block's own site
            }
            items.add(new ChecklistItem(0, Mark.GAP, "[" + f.ruleId() + "] " + f.message(), List.of(), f.range(),
                    source.positionAt(f.range().start())));
        }
    }

    private boolean insideBlockOf(int offset) {
        for (FileSites.Site other : file.sites) {
            if (other != site && other.kind.equals(UnsafeBlockRule.ID) && other.range.contains(offset)) {
                return true;
            }
        }
        return false;
    }

    /** {@code name: Type} for each field of the struct or union of that name in this file. */
    private List<String> fieldsOf(String typeName) {
        List<String> fields = new ArrayList<>();
        for (SourceItems.Item def : file.items.typeDefinitions(typeName)) {
            RustParser.StructFieldsContext named = null;
            if (def.node instanceof RustParser.Struct_Context s) {
                named = s.structFields();
                if (s.tupleFields() != null) {
                    int i = 0;
                    for (RustParser.TupleFieldContext t : s.tupleFields().tupleField()) {
                        fields.add(i++ + ": " + SourceItems.collapse(file.model.textOf(t.type_())));
                    }
                }
            } else if (def.node instanceof RustParser.Union_Context u) {
                named = u.structFields();
            }
            if (named != null) {
                for (RustParser.StructFieldContext f : named.structField()) {
                    if (f.identifier() != null && f.type_() != null) {
                        fields.add(f.identifier().getText() + ": " + SourceItems.collapse(file.model.textOf(f.type_())));
                    }
                }
            }
        }
        return fields;
    }

    private int lines(TextRange r) {
        return source.lineOf(r.end()) - source.lineOf(r.start()) + 1;
    }

    private void add(int level, Mark mark, String text) {
        items.add(ChecklistItem.of(level, mark, text));
    }

    private static List<String> quoteLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            if (lines.size() == MAX_QUOTE_LINES) {
                lines.add("[...]");
                break;
            }
            lines.add(line.strip());
        }
        return lines;
    }

    private static int countWord(String text, String word) {
        return (int) Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text).results().count();
    }

    private static String joinNumbers(List<Integer> numbers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            if (i > 0) {
                sb.append(i == numbers.size() - 1 ? " and " : ", ");
            }
            sb.append(numbers.get(i));
        }
        return sb.toString();
    }

    private static String codeList(List<String> names) {
        List<String> quoted = names.stream().map(ChecklistBuilder::code).toList();
        return String.join(", ", quoted);
    }

    static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }


}
