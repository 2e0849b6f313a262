package dev.unsafehints.analysis;

import dev.unsafehints.analysis.types.Ty;
import dev.unsafehints.analysis.types.TypeParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * The statics that `thread_local!` declares in a file and the methods of the `LocalKey<T>` each one
 * is. The macro writes the key itself, so no declaration says its type: `static NAME: T = ..;`
 * inside the macro's arguments makes `NAME` a `std::thread::LocalKey<T>`, whose `with` and
 * `try_with` call their closure with a `&T` (std's own signatures; known here without its sources).
 */
final class ThreadLocalKeys {
    private static final int MAX_KEYS = 4096; // a generated file with endless keys: the rest stay unknown

    /** Key name to the written type of its value; "" where two keys of one name disagree (cfg twins). */
    private final Map<String, String> declared;

    private ThreadLocalKeys(Map<String, String> declared) {
        this.declared = declared;
    }

    /** The keys that the `thread_local!` calls among {@code code} (a file's code tokens) declare. */
    static ThreadLocalKeys of(List<Token> code) {
        Map<String, String> declared = new HashMap<>();
        for (int i = 0; i + 2 < code.size() && declared.size() < MAX_KEYS; i++) {
            if (code.get(i).getText().equals("thread_local") && code.get(i + 1).getText().equals("!")
                    && isOpen(code.get(i + 2).getText())) {
                i = readKeys(code, i + 2, declared);
            }
        }
        return new ThreadLocalKeys(declared);
    }

    /** Reads `[attrs] [vis] static NAME: TYPE = init;` items up to the macro's closing delimiter; returns its index. */
    private static int readKeys(List<Token> code, int open, Map<String, String> into) {
        int depth = 0;
        for (int i = open; i < code.size(); i++) {
            String t = code.get(i).getText();
            if (isOpen(t)) {
                depth++;
            } else if (isClose(t)) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            } else if (depth == 1 && t.equals("static") && i + 2 < code.size()
                    && code.get(i + 2).getText().equals(":")) {
                String name = code.get(i + 1).getText();
                int end = typeEnd(code, i + 3);
                if (end < 0) {
                    return code.size();
                }
                StringBuilder type = new StringBuilder();
                for (int k = i + 3; k < end; k++) {
                    type.append(code.get(k).getText()).append(' ');
                }
                into.merge(name, type.toString().trim(), (a, b) -> a.equals(b) ? a : "");
                i = end;
            }
        }
        return code.size();
    }

    /** The index of the `=` that ends a type starting at {@code from} (brackets and `<..>` balanced), or -1. */
    private static int typeEnd(List<Token> code, int from) {
        int nesting = 0;
        for (int i = from; i < code.size(); i++) {
            String t = code.get(i).getText();
            if (isOpen(t) || t.equals("<")) {
                nesting++;
            } else if (isClose(t) || t.equals(">")) {
                nesting--;
                if (nesting < 0) {
                    return -1; // the macro closed before any `=`: not a key
                }
            } else if (nesting == 0 && (t.equals("=") || t.equals(";"))) {
                return t.equals("=") ? i : -1;
            }
        }
        return -1;
    }

    private static boolean isOpen(String t) {
        return t.equals("(") || t.equals("[") || t.equals("{");
    }

    private static boolean isClose(String t) {
        return t.equals(")") || t.equals("]") || t.equals("}");
    }

    /** The `LocalKey<T>` that {@code name} is, or unknown when no `thread_local!` of the file declares it (or two disagree). */
    Ty key(String name) {
        String value = declared.get(name);
        if (value == null || value.isEmpty()) {
            return Ty.UNKNOWN;
        }
        Ty t = TypeParser.parse(value);
        return t.isKnown() ? new Ty.Named(List.of("LocalKey"), List.of(t)) : Ty.UNKNOWN;
    }

    /** Whether {@code receiver} (references peeled) is a `LocalKey<T>` whose `T` is known. */
    static boolean isKey(Ty receiver) {
        return receiver instanceof Ty.Named n && n.is("LocalKey") && n.args().size() == 1 && n.arg(0).isKnown();
    }

    /** The parameters of the closure passed to `key.name(..)`: `with` and `try_with` give a `&T`. */
    static List<Ty> closureParameters(Ty.Named key, String name, int index, int arguments) {
        return arguments == 1 && index == 0 && (name.equals("with") || name.equals("try_with"))
                ? List.of(new Ty.Ref(false, key.arg(0))) : List.of();
    }

    /**
     * What `key.name(closure)` returns given what the closure returns: `with` the closure's value,
     * `try_with` a `Result` of it; null for other methods.
     */
    static Ty result(String name, Ty closureValue) {
        if (!closureValue.isKnown()) {
            return name.equals("with") || name.equals("try_with") ? Ty.UNKNOWN : null;
        }
        return switch (name) {
            case "with" -> closureValue;
            case "try_with" -> new Ty.Named(List.of("Result"), List.of(closureValue,
                    new Ty.Named(List.of("AccessError"), List.of())));
            default -> null;
        };
    }
}
