package dev.unsafehints.analysis.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a type from its source text (`&'a mut [u8]`, `*const Node<T>`, `Option<&'static str>`,
 * `unsafe extern "C" fn(*mut c_void) -> i32`). The declarations index keeps types as text; this
 * turns them into {@link Ty}. Whatever it cannot read becomes {@link Ty#UNKNOWN}: a qualified path
 * (`<T as Trait>::Output`), a macro in type position, text that is not a type. Never throws.
 */
public final class TypeParser {
    private static final int MAX_DEPTH = 64; // `&&&&..` or `Vec<Vec<..>>` nested deeper says nothing useful

    private final List<String> tokens;
    private int at;
    private int depth;

    private TypeParser(List<String> tokens) {
        this.tokens = tokens;
    }

    /** The type that {@code text} writes, or unknown. */
    public static Ty parse(String text) {
        if (text == null || text.isBlank() || text.length() > 4_000) {
            return Ty.UNKNOWN;
        }
        List<String> tokens = tokenize(text);
        if (tokens == null) {
            return Ty.UNKNOWN;
        }
        TypeParser p = new TypeParser(tokens);
        Ty t = p.type();
        return p.at == tokens.size() ? t : Ty.UNKNOWN;
    }

    private static final java.util.regex.Pattern GLUED_KEYWORD = java.util.regex.Pattern.compile(
            "\\b(impl|dyn)(?=[A-Z_(])|(?<=\\*)(const|mut)(?=\\S)|(?<=&)mut(?=[A-Z_\\[(&*]|(?:u8|u16|u32|u64|u128|usize"
                    + "|i8|i16|i32|i64|i128|isize|f32|f64|bool|char|str)\\b)");

    /**
     * Like {@link #parse}, for a type's text with its tokens run together as the parse tree's
     * {@code getText()} gives it (`implFnOnce(*constT)->R`): keywords glued to what follows are
     * split off first. A lifetime glued to `mut` (`&'amutT`) stays unreadable.
     */
    public static Ty parseCompact(String text) {
        return text == null ? Ty.UNKNOWN : parse(GLUED_KEYWORD.matcher(text).replaceAll("$0 "));
    }

    // ------------------------------------------------------------------ tokens

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int j = i;
                if (s.startsWith("r#", i)) {
                    j += 2;
                    i += 2; // a raw identifier: the name without `r#`
                }
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (c == '\'') { // a lifetime
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (c == '"') { // an ABI string
                int j = s.indexOf('"', i + 1);
                if (j < 0) {
                    return null;
                }
                out.add(s.substring(i, j + 1));
                i = j + 1;
            } else if (s.startsWith("::", i) || s.startsWith("->", i) || s.startsWith("&&", i)) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : "";
    }

    private String peek(int ahead) {
        return at + ahead < tokens.size() ? tokens.get(at + ahead) : "";
    }

    private boolean accept(String token) {
        if (peek().equals(token)) {
            at++;
            return true;
        }
        return false;
    }

    private static boolean isIdentifier(String t) {
        return !t.isEmpty() && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') && !t.equals("_");
    }

    // ------------------------------------------------------------------ grammar

    private Ty type() {
        if (++depth > MAX_DEPTH) {
            at = tokens.size() + 1; // give up on the whole text
            return Ty.UNKNOWN;
        }
        try {
            return typeUnbounded();
        } finally {
            depth--;
        }
    }

    private Ty typeUnbounded() {
        String t = peek();
        switch (t) {
            case "&", "&&" -> {
                at++;
                if (peek().startsWith("'")) {
                    at++;
                }
                boolean mutable = accept("mut");
                Ty inner = new Ty.Ref(mutable, type());
                return t.equals("&&") ? new Ty.Ref(false, inner) : inner;
            }
            case "*" -> {
                at++;
                boolean mutable = accept("mut");
                if (!mutable && !accept("const")) {
                    return fail();
                }
                return new Ty.Ptr(mutable, type());
            }
            case "(" -> {
                at++;
                List<Ty> elements = new ArrayList<>();
                boolean comma = false;
                while (!peek().equals(")") && !peek().isEmpty()) {
                    elements.add(type());
                    comma = accept(",");
                    if (!comma) {
                        break;
                    }
                }
                if (!accept(")")) {
                    return fail();
                }
                return elements.size() == 1 && !comma ? elements.get(0) : new Ty.Tuple(elements);
            }
            case "[" -> {
                at++;
                Ty element = type();
                if (accept("]")) {
                    return new Ty.Slice(element, false);
                }
                if (!accept(";")) {
                    return fail();
                }
                int nesting = 0; // the length: any expression, skipped
                while (!peek().isEmpty() && !(nesting == 0 && peek().equals("]"))) {
                    String x = tokens.get(at++);
                    nesting += x.equals("[") || x.equals("(") || x.equals("{") ? 1
                            : x.equals("]") || x.equals(")") || x.equals("}") ? -1 : 0;
                }
                return accept("]") ? new Ty.Slice(element, true) : fail();
            }
            case "for" -> { // `for<'a> fn(&'a u8)`
                at++;
                if (!skipAngles()) {
                    return fail();
                }
                return type();
            }
            case "unsafe", "extern", "fn" -> {
                return fnPointer();
            }
            case "dyn", "impl" -> {
                at++;
                return bounds();
            }
            case "_", "!" -> {
                at++;
                return Ty.UNKNOWN;
            }
            case "<" -> { // `<T as Trait>::Assoc`: the model does not project
                if (!skipAngles()) {
                    return fail();
                }
                while (accept("::")) {
                    if (!isIdentifier(peek())) {
                        return fail();
                    }
                    at++;
                    if (peek().equals("<")) {
                        skipAngles();
                    }
                }
                return Ty.UNKNOWN;
            }
            default -> {
                if (t.equals("::") || isIdentifier(t)) {
                    Ty.Named path = path();
                    if (path == null) {
                        return fail();
                    }
                    if (peek().equals("+")) { // a bare trait object of edition 2015: `Trait + Send`
                        List<Ty.Named> all = new ArrayList<>(List.of(path));
                        while (accept("+")) {
                            Ty.Named b = bound();
                            if (b != null) {
                                all.add(b);
                            }
                        }
                        return new Ty.Opaque(all);
                    }
                    return path;
                }
                return fail();
            }
        }
    }

    private Ty fail() {
        at = tokens.size() + 1;
        return Ty.UNKNOWN;
    }

    private Ty fnPointer() {
        boolean isUnsafe = accept("unsafe");
        if (accept("extern") && peek().startsWith("\"")) {
            at++;
        }
        if (!accept("fn") || !accept("(")) {
            return fail();
        }
        List<Ty> params = new ArrayList<>();
        while (!peek().equals(")") && !peek().isEmpty()) {
            if (isIdentifier(peek()) && peek(1).equals(":") || peek().equals("_") && peek(1).equals(":")) {
                at += 2; // a named parameter: `fn(x: u8)`
            }
            if (peek().equals(".")) { // `...` of a variadic
                while (accept(".")) {
                    // skip
                }
            } else {
                params.add(type());
            }
            if (!accept(",")) {
                break;
            }
        }
        if (!accept(")")) {
            return fail();
        }
        Ty result = accept("->") ? type() : new Ty.Tuple(List.of());
        return new Ty.FnPtr(isUnsafe, params, result);
    }

    private Ty bounds() {
        List<Ty.Named> all = new ArrayList<>();
        do {
            Ty.Named b = bound();
            if (b != null) {
                all.add(b);
            }
        } while (accept("+"));
        return new Ty.Opaque(all);
    }

    /** A trait bound (`Send`, `?Sized`, `Fn(u8) -> u8`, `for<'a> Trait<'a>`), or null for a lifetime or `?Sized`. */
    private Ty.Named bound() {
        if (peek().startsWith("'")) {
            at++;
            return null;
        }
        boolean maybe = accept("?");
        if (accept("for")) {
            skipAngles();
        }
        boolean paren = accept("(");
        Ty.Named p = path();
        if (paren) {
            accept(")");
        }
        return maybe ? null : p;
    }

    /** `a::b::C<T, U>`, `Fn(A) -> B`, `Iterator<Item = u8>`; null when malformed. */
    private Ty.Named path() {
        List<String> segments = new ArrayList<>();
        List<Ty> args = List.of();
        if (accept("::")) {
            segments.add("::");
        }
        while (true) {
            String s = peek();
            if (!isIdentifier(s)) {
                return null;
            }
            at++;
            segments.add(s);
            if (peek().equals("::") && peek(1).equals("<")) {
                at++; // `Vec::<u8>`
            }
            if (peek().equals("<")) {
                args = genericArgs(ITERATOR_TRAITS.contains(s));
                if (args == null) {
                    return null;
                }
            } else if (peek().equals("(") && segments.size() >= 1
                    && (s.equals("Fn") || s.equals("FnMut") || s.equals("FnOnce"))) {
                Ty sig = fnSugar();
                if (sig == null) {
                    return null;
                }
                args = List.of(sig);
            } else {
                args = List.of();
            }
            if (!peek().equals("::") || !isIdentifier(peek(1))) {
                break;
            }
            at++;
        }
        if (segments.get(0).equals("::")) {
            segments.remove(0);
        }
        return new Ty.Named(segments, args);
    }

    /** `Fn(A, B) -> R` written as one argument, a fn pointer type of that signature. */
    private Ty fnSugar() {
        at++; // (
        List<Ty> params = new ArrayList<>();
        while (!peek().equals(")") && !peek().isEmpty()) {
            params.add(type());
            if (!accept(",")) {
                break;
            }
        }
        if (!accept(")")) {
            return null;
        }
        Ty result = accept("->") ? type() : new Ty.Tuple(List.of());
        return new Ty.FnPtr(false, params, result);
    }

    /**
     * The traits whose `Item = X` binding the model keeps as their one argument: they take no type
     * parameters, so `impl Iterator<Item = *mut T>` reads as `Iterator<*mut T>` and displays so.
     */
    public static final java.util.Set<String> ITERATOR_TRAITS = java.util.Set.of("Iterator", "IntoIterator",
            "DoubleEndedIterator", "ExactSizeIterator", "FusedIterator");

    /**
     * `<'a, T, N, Item = u8>`: the type arguments (lifetimes dropped, constants unknown); null when
     * malformed. With {@code keepItem}, an `Item = X` binding is kept as an argument.
     */
    private List<Ty> genericArgs(boolean keepItem) {
        at++; // <
        List<Ty> args = new ArrayList<>();
        while (!peek().equals(">") && !peek().isEmpty()) {
            String t = peek();
            if (t.startsWith("'")) {
                at++;
            } else if (isIdentifier(t) && (peek(1).equals("=") || peek(1).equals(":"))) {
                boolean item = keepItem && t.equals("Item") && peek(1).equals("=");
                at += 2; // an associated type binding or bound: not a positional argument
                Ty bound = type();
                if (item) {
                    args.add(bound);
                }
            } else if (t.equals("{") || Character.isDigit(t.charAt(0)) || t.equals("-")) {
                skipConstArgument();
                args.add(Ty.UNKNOWN);
            } else {
                args.add(type());
            }
            if (!accept(",")) {
                break;
            }
        }
        return accept(">") ? args : null;
    }

    private void skipConstArgument() {
        int nesting = 0;
        while (!peek().isEmpty()) {
            String x = peek();
            if (nesting == 0 && (x.equals(",") || x.equals(">"))) {
                return;
            }
            nesting += x.equals("{") || x.equals("(") ? 1 : x.equals("}") || x.equals(")") ? -1 : 0;
            at++;
        }
    }

    /** Skips a balanced `<..>`; false when unbalanced. */
    private boolean skipAngles() {
        if (!accept("<")) {
            return false;
        }
        int nesting = 1;
        while (nesting > 0 && !peek().isEmpty()) {
            String x = tokens.get(at++);
            nesting += x.equals("<") ? 1 : x.equals(">") ? -1 : 0;
        }
        return nesting == 0;
    }
}
