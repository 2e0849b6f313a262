package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.parse.SafetyDocs;
import dev.unsafehints.workspace.DeclaredFn;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.FnPointerTypes;
import dev.unsafehints.workspace.TypeShapes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The structs that a file declares inside fn bodies (smallvec's `struct DropOnPanic<T>` guard in
 * `insert_many`), and the methods of the impls inside fn bodies. The declarations index reads
 * signatures only, so it does not see them; the type model reads them from the file's full tree,
 * once, when the file's tokens write `struct NAME` for a name its module-level declarations do not
 * account for.
 */
final class BodyStructs {
    private BodyStructs() {
    }

    /** How often {@code code} (a file's code tokens) writes `struct NAME`, by name: a cheap test before the tree is walked. */
    static Map<String, Integer> written(List<Token> code) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 1 < code.size(); i++) {
            if (code.get(i).getText().equals("struct")) {
                counts.merge(code.get(i + 1).getText(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The shapes of the structs inside blocks of {@code tree}, by name; same-named ones keep the fields they agree on. */
    static Map<String, TypeShapes.Struct> of(ParseTree tree) {
        Map<String, TypeShapes.Struct> found = new HashMap<>();
        Deque<ParseTree> todo = new ArrayDeque<>(); // no recursion: deep trees cannot overflow the stack
        Deque<Boolean> inBlock = new ArrayDeque<>();
        todo.push(tree);
        inBlock.push(false);
        while (!todo.isEmpty()) {
            ParseTree node = todo.pop();
            boolean block = inBlock.pop();
            if (node instanceof RustParser.Struct_Context s && block && s.identifier() != null) {
                found.merge(s.identifier().getText(), TypeShapes.shape(s), TypeShapes::agreeing);
            }
            boolean below = block || node instanceof RustParser.BlockExpressionContext;
            for (int i = node.getChildCount() - 1; i >= 0; i--) {
                todo.push(node.getChild(i));
                inBlock.push(below);
            }
        }
        return found;
    }

    /**
     * The fns of the impls inside blocks of the file, by the last name of the impl's self type
     * (`impl<T> Drop for Guard<T>` gives `Guard`), declared as the index declares an impl's methods.
     */
    static Map<String, List<DeclaredFn>> methods(FileModel file) {
        Map<String, List<DeclaredFn>> found = new HashMap<>();
        Deque<ParseTree> todo = new ArrayDeque<>();
        Deque<Boolean> inBlock = new ArrayDeque<>();
        todo.push(file.parsed().tree());
        inBlock.push(false);
        while (!todo.isEmpty()) {
            ParseTree node = todo.pop();
            boolean block = inBlock.pop();
            if (node instanceof RustParser.ImplementationContext impl && block && impl.type_() != null) {
                String owner = FileDeclarations.lastSegmentName(impl.type_().getText());
                String implType = FnPointerTypes.sourceText(impl.type_());
                List<String> generics = TypeShapes.typeParameters(impl.genericParams());
                for (RustParser.AssociatedItemContext a : impl.associatedItem()) {
                    RustParser.Function_Context f = a.function_();
                    if (f == null || f.identifier() == null) {
                        continue;
                    }
                    found.computeIfAbsent(owner, k -> new ArrayList<>()).add(new DeclaredFn(f.identifier().getText(),
                            List.of(), owner, f.functionQualifiers().KW_UNSAFE() != null,
                            SafetyDocs.safetySection(file.docsOf(a)), List.of(), file.path(),
                            file.positionOf(file.startOf(f.identifier().getStart())), DeclaredFn.returnTypeOf(f),
                            DeclaredFn.parameterTypesOf(f), false, implType,
                            concat(generics, TypeShapes.typeParameters(f.genericParams())), List.of()));
                }
            }
            boolean below = block || node instanceof RustParser.BlockExpressionContext;
            for (int i = node.getChildCount() - 1; i >= 0; i--) {
                todo.push(node.getChild(i));
                inBlock.push(below);
            }
        }
        return found;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
