package dev.unsafehints.review;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.text.TextRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The items of one parsed file (fns, impls, modules, traits, statics, structs, ...), nested as in
 * the source, with the names that make up an item path such as {@code raw::impl Foo::fn bar}.
 * Found with an explicit stack, so deeply nested code cannot overflow the caller's stack.
 */
final class SourceItems {
    /** What an item is; decides which item a site belongs to. */
    enum Kind { FN, IMPL, TRAIT, MODULE, STRUCT, ENUM, UNION, CONST, STATIC, TYPE, EXTERN_BLOCK, MACRO, OTHER }

    /**
     * One item: its holder (the node with its outer attributes), the item node itself, its label
     * in item paths, and its extent in UTF-16 offsets (attributes included).
     */
    static final class Item {
        final Kind kind;
        final String label;
        final String name;
        final ParserRuleContext holder;
        final ParserRuleContext node;
        final Item parent;
        final TextRange range;
        final int depth;

        Item(Kind kind, String label, String name, ParserRuleContext holder, ParserRuleContext node, Item parent,
             TextRange range) {
            this.kind = kind;
            this.label = label;
            this.name = name;
            this.holder = holder;
            this.node = node;
            this.parent = parent;
            this.range = range;
            this.depth = parent == null ? 0 : parent.depth + 1;
        }

        /** The labels from the outermost item in the file down to this one, joined with {@code ::}. */
        String pathInFile() {
            Deque<String> labels = new ArrayDeque<>();
            for (Item i = this; i != null; i = i.parent) {
                labels.push(i.label);
            }
            return String.join("::", labels);
        }

        /** The impl this item sits in directly, or null. */
        Item enclosingImpl() {
            return parent != null && parent.kind == Kind.IMPL ? parent : null;
        }
    }

    private final List<Item> items = new ArrayList<>();

    private SourceItems() {
    }

    static SourceItems of(FileModel model) {
        SourceItems result = new SourceItems();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {model.parsed().tree(), null});
        while (!stack.isEmpty()) {
            Object[] frame = stack.pop();
            ParseTree node = (ParseTree) frame[0];
            Item parent = (Item) frame[1];
            if (!(node instanceof ParserRuleContext ctx) || ctx.getStart() == null) {
                continue;
            }
            Item item = result.itemOf(model, ctx, parent);
            if (item != null) {
                result.items.add(item);
                parent = item;
            }
            if (ctx.children != null) {
                for (int i = ctx.children.size() - 1; i >= 0; i--) {
                    stack.push(new Object[] {ctx.children.get(i), parent});
                }
            }
        }
        result.items.sort((a, b) -> a.range.start() != b.range.start()
                ? Integer.compare(a.range.start(), b.range.start()) : Integer.compare(a.depth, b.depth));
        return result;
    }

    List<Item> all() {
        return items;
    }

    /** The deepest item whose extent holds {@code offset}, or null. */
    Item innermostAt(int offset) {
        Item best = null;
        for (Item i : items) {
            if (i.range.start() > offset) {
                break;
            }
            if (offset < i.range.end() && (best == null || i.depth > best.depth)) {
                best = i;
            }
        }
        return best;
    }

    /** The deepest fn holding {@code offset}; else the deepest item of any kind; else null. */
    Item enclosingFnOrItem(int offset) {
        Item innermost = innermostAt(offset);
        for (Item i = innermost; i != null; i = i.parent) {
            if (i.kind == Kind.FN) {
                return i;
            }
        }
        return innermost;
    }

    /** The struct, enum or union definitions of this file with the given name. */
    List<Item> typeDefinitions(String name) {
        List<Item> found = new ArrayList<>();
        for (Item i : items) {
            if ((i.kind == Kind.STRUCT || i.kind == Kind.ENUM || i.kind == Kind.UNION) && name.equals(i.name)) {
                found.add(i);
            }
        }
        return found;
    }

    private Item itemOf(FileModel model, ParserRuleContext ctx, Item parent) {
        ParserRuleContext node = itemNode(ctx);
        if (node == null) {
            return null;
        }
        Kind kind = kindOf(node);
        String name = nameOf(node);
        String label = labelOf(model, node, kind, name);
        if (label == null) {
            return null;
        }
        TextRange range = model.rangeOf(ctx);
        return new Item(kind, label, name, ctx, node, parent, range);
    }

    /** For an item holder (item, associated item, extern item, item statement), the item node inside. */
    private static ParserRuleContext itemNode(ParserRuleContext ctx) {
        RustParser.VisItemContext vis = null;
        RustParser.MacroItemContext macro = null;
        RustParser.MacroRulesDefinitionContext rules = null;
        if (ctx instanceof RustParser.ItemContext i) {
            vis = i.visItem();
            macro = i.macroItem();
        } else if (ctx instanceof RustParser.ItemStatementContext s) {
            vis = s.visItem();
            rules = s.macroRulesDefinition();
        } else if (ctx instanceof RustParser.AssociatedItemContext a) {
            macro = a.macroItem();
            return macro != null ? macroNode(macro) : firstOf(a.function_(), a.constantItem(), a.typeAlias());
        } else if (ctx instanceof RustParser.ExternalItemContext e) {
            macro = e.macroItem();
            return macro != null ? macroNode(macro) : firstOf(e.function_(), e.staticItem(), e.typeAlias());
        } else {
            return null;
        }
        if (rules != null) {
            return rules;
        }
        if (macro != null) {
            return macroNode(macro);
        }
        if (vis == null || vis.externCrate() != null || vis.useDeclaration() != null) {
            return null;
        }
        return firstOf(vis.module(), vis.function_(), vis.typeAlias(), vis.struct_(), vis.enumeration(),
                vis.union_(), vis.constantItem(), vis.staticItem(), vis.trait_(), vis.traitAlias(),
                vis.implementation(), vis.externBlock(), vis.macro2Definition());
    }

    private static ParserRuleContext macroNode(RustParser.MacroItemContext macro) {
        return macro.macroRulesDefinition() != null ? macro.macroRulesDefinition() : macro.macroInvocation();
    }

    private static ParserRuleContext firstOf(ParserRuleContext... candidates) {
        for (ParserRuleContext c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static Kind kindOf(ParserRuleContext node) {
        if (node instanceof RustParser.Function_Context) {
            return Kind.FN;
        } else if (node instanceof RustParser.ImplementationContext) {
            return Kind.IMPL;
        } else if (node instanceof RustParser.Trait_Context || node instanceof RustParser.TraitAliasContext) {
            return Kind.TRAIT;
        } else if (node instanceof RustParser.ModuleContext) {
            return Kind.MODULE;
        } else if (node instanceof RustParser.Struct_Context) {
            return Kind.STRUCT;
        } else if (node instanceof RustParser.EnumerationContext) {
            return Kind.ENUM;
        } else if (node instanceof RustParser.Union_Context) {
            return Kind.UNION;
        } else if (node instanceof RustParser.ConstantItemContext) {
            return Kind.CONST;
        } else if (node instanceof RustParser.StaticItemContext) {
            return Kind.STATIC;
        } else if (node instanceof RustParser.TypeAliasContext) {
            return Kind.TYPE;
        } else if (node instanceof RustParser.ExternBlockContext) {
            return Kind.EXTERN_BLOCK;
        } else if (node instanceof RustParser.MacroRulesDefinitionContext || node instanceof RustParser.MacroInvocationContext
                || node instanceof RustParser.Macro2DefinitionContext) {
            return Kind.MACRO;
        }
        return Kind.OTHER;
    }

    private static String nameOf(ParserRuleContext node) {
        ParserRuleContext id = null;
        if (node instanceof RustParser.Function_Context f) {
            id = f.identifier();
        } else if (node instanceof RustParser.Trait_Context t) {
            id = t.identifier();
        } else if (node instanceof RustParser.TraitAliasContext t) {
            id = t.identifier();
        } else if (node instanceof RustParser.ModuleContext m) {
            id = m.identifier();
        } else if (node instanceof RustParser.Struct_Context s) {
            id = s.identifier();
        } else if (node instanceof RustParser.EnumerationContext e) {
            id = e.identifier();
        } else if (node instanceof RustParser.Union_Context u) {
            id = u.identifier();
        } else if (node instanceof RustParser.ConstantItemContext c) {
            return c.identifier() == null ? "_" : c.identifier().getText();
        } else if (node instanceof RustParser.StaticItemContext s) {
            id = s.identifier();
        } else if (node instanceof RustParser.TypeAliasContext t) {
            id = t.identifier();
        } else if (node instanceof RustParser.MacroRulesDefinitionContext m) {
            id = m.identifier();
        } else if (node instanceof RustParser.Macro2DefinitionContext m) {
            id = m.identifier();
        } else if (node instanceof RustParser.MacroInvocationContext m) {
            return m.simplePath() == null ? "macro" : m.simplePath().getText();
        } else if (node instanceof RustParser.ImplementationContext i) {
            return i.type_() == null ? "impl" : selfTypeName(i);
        }
        return id == null ? "" : id.getText();
    }

    /** The last path segment of an impl's self type, without generics: {@code SmallVec} for {@code SmallVec<A>}. */
    static String selfTypeName(RustParser.ImplementationContext impl) {
        String text = impl.type_().getText();
        int lt = text.indexOf('<');
        if (lt >= 0) {
            text = text.substring(0, lt);
        }
        int colons = text.lastIndexOf("::");
        if (colons >= 0) {
            text = text.substring(colons + 2);
        }
        text = text.replace("&", "").replace("mut", "").replace("*const", "").replace("*", "").strip();
        return text.isEmpty() ? impl.type_().getText() : text;
    }

    /** The trait an impl implements ({@code Send} for {@code unsafe impl Send for X}), or null. */
    static String traitName(RustParser.ImplementationContext impl) {
        if (impl.typePath() == null) {
            return null;
        }
        String text = impl.typePath().getText();
        int lt = text.indexOf('<');
        if (lt >= 0) {
            text = text.substring(0, lt);
        }
        int colons = text.lastIndexOf("::");
        return colons >= 0 ? text.substring(colons + 2) : text;
    }

    private static String labelOf(FileModel model, ParserRuleContext node, Kind kind, String name) {
        return switch (kind) {
            case FN -> "fn " + name;
            case MODULE -> name;
            case TRAIT -> "trait " + name;
            case STRUCT -> "struct " + name;
            case ENUM -> "enum " + name;
            case UNION -> "union " + name;
            case CONST -> "const " + name;
            case STATIC -> "static " + name;
            case TYPE -> "type " + name;
            case MACRO -> node instanceof RustParser.MacroInvocationContext ? name + "!" : "macro " + name;
            case EXTERN_BLOCK -> {
                RustParser.ExternBlockContext e = (RustParser.ExternBlockContext) node;
                yield e.abi() == null ? "extern" : "extern " + e.abi().getText();
            }
            case IMPL -> implLabel(model, (RustParser.ImplementationContext) node);
            case OTHER -> null;
        };
    }

    /** {@code impl Trait for Type} or {@code impl Type}, whitespace collapsed, without the impl's own generics. */
    private static String implLabel(FileModel model, RustParser.ImplementationContext impl) {
        StringBuilder sb = new StringBuilder("impl ");
        if (impl.NOT() != null) {
            sb.append('!');
        }
        if (impl.typePath() != null) {
            sb.append(collapse(model.textOf(impl.typePath()))).append(" for ");
        }
        sb.append(impl.type_() == null ? "?" : collapse(model.textOf(impl.type_())));
        return sb.toString();
    }

    static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
