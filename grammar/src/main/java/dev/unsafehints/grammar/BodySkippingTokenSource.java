package dev.unsafehints.grammar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * The lexer's tokens with the insides of some function bodies left out: `fn f(x: u8) -> u8 { ... }`
 * reaches the parser as `fn f(x: u8) -> u8 { }`. Bodies hold most of a file's tokens, so a parse of
 * this stream is several times cheaper than a full one. Two uses:
 * <ul>
 * <li>{@link Mode#ALL_BODIES}: what a file declares to other files (signatures, attributes, doc
 * comments, types, imports) is all outside bodies; items declared inside one are local to it.
 * <li>{@link Mode#SAFE_BODIES}: the unsafe-code analysis needs only the bodies that can hold unsafe
 * code or raw pointers. A body is kept when its function is declared `unsafe` (its body is an
 * unsafe context before the 2024 edition), or when one of its tokens is a sign of unsafe code or
 * raw pointers: `unsafe`, `extern`, `static`, `union`, `raw`, `*const`, `*mut`, or one of the
 * macros and attributes in {@link #SIGNS}; also `as _` when the signature names a raw pointer type
 * (the cast may take a pointer type from the declared return type). A body without any of them has
 * no unsafe operation, raw pointer cast, unsafe item or unsafe attribute for the analysis to find.
 * </ul>
 *
 * <p>A function item is `fn` followed by anything but `(` (`fn(` is a function pointer type). Its
 * body is the first `{` after it outside parentheses, brackets and generic arguments (a `{` inside
 * them is a const generic argument's block, like `Foo<{ N + 1 }>`); a `;` first (a declaration
 * without body) or a closing bracket that was never opened (a `fn` inside a macro pattern) ends the
 * search with nothing skipped. The kept tokens have their own positions, so offsets into the text
 * stay exact; inside macro token trees the result stays balanced, because whole brace-delimited
 * groups are dropped. A kept body's tokens pass through again, so functions nested in it are
 * judged on their own.
 */
public final class BodySkippingTokenSource implements TokenSource {
    /** Which bodies to leave out. */
    public enum Mode { ALL_BODIES, SAFE_BODIES }

    /** Identifiers that make a body worth parsing: raw-pointer macros, inline assembly, unsafe attributes. */
    static final Set<String> SIGNS = Set.of("addr_of", "addr_of_mut", "asm", "global_asm", "naked_asm",
            "no_mangle", "export_name", "link_section");

    private final TokenSource lexer;
    private final Mode mode;
    private final ArrayDeque<Token> pending = new ArrayDeque<>(); // read and judged, to be returned
    private final ArrayDeque<Token> replay = new ArrayDeque<>(); // read ahead, to be judged again
    private final int[] recent = new int[6]; // the last code token types returned, for `unsafe fn`
    private int recentCount;
    private final int focus; // code point offset of the `{` of the one body judged, all others dropped; -1: none
    private int focusEnd = -1;
    private final IntPairs judged = new IntPairs();
    private final IntPairs dropped = new IntPairs();
    private final List<Token> lexedCode = new ArrayList<>(); // every code token, dropped ones included
    /** Names of the crate's macros that write unsafe code: a call of one is a sign too. */
    private Set<String> macroSigns = Set.of();

    public BodySkippingTokenSource(TokenSource lexer, Mode mode) {
        this(lexer, mode, -1);
    }

    /**
     * A filter that judges only the body whose `{` starts at code point {@code focus} (and the
     * bodies nested in it) and drops every other body: for re-analysing one edited function.
     */
    public BodySkippingTokenSource(TokenSource lexer, Mode mode, int focus) {
        this.lexer = lexer;
        this.mode = mode;
        this.focus = focus;
    }

    /** Also keeps the bodies that name one of these macros (the crate's macros that write `unsafe`). */
    public BodySkippingTokenSource withMacroSigns(Set<String> names) {
        this.macroSigns = names;
        return this;
    }

    /** The bodies met so far (all of them once the end of the file was returned). */
    public FunctionBodies bodies() {
        return new FunctionBodies(judged.toArray(), dropped.toArray(), focusEnd);
    }

    /**
     * Every code token the lexer gave so far, those of left-out bodies included: the file's code
     * tokens do not depend on which bodies a parse left out. Kept for the analysis
     * ({@link Mode#SAFE_BODIES}) only; a declarations parse has no use for them (empty).
     */
    public List<Token> lexedCode() {
        return lexedCode;
    }

    @Override
    public Token nextToken() {
        Token t = pending.isEmpty() ? judge() : pending.poll();
        if (t.getChannel() == Token.DEFAULT_CHANNEL) {
            recent[recentCount++ % recent.length] = t.getType();
        }
        return t;
    }

    private Token read() {
        if (!replay.isEmpty()) {
            return replay.poll();
        }
        Token t = lexer.nextToken();
        if (mode == Mode.SAFE_BODIES && t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
            lexedCode.add(t);
        }
        return t;
    }

    private Token judge() {
        Token t = read();
        if (t.getType() == RustLexer.KW_FN) {
            boolean declaredUnsafe = declaredUnsafe();
            pending.add(t);
            readSignature(declaredUnsafe);
            return pending.poll();
        }
        if (t.getType() == RustLexer.KW_MACRORULES) {
            pending.add(t);
            passMacroBody();
            return pending.poll();
        }
        return t;
    }

    /**
     * Queues a `macro_rules!` definition's tokens whole, to the end of its body: the `fn`s in a
     * macro's text are no function bodies of this file, and the text is what expansions copy
     * (a declarations-only parse and a full one must read the same definition).
     */
    private void passMacroBody() {
        int depth = 0;
        boolean bang = false;
        while (true) {
            Token t = read();
            pending.add(t);
            int type = t.getType();
            if (type == Token.EOF) {
                return;
            }
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (!bang) {
                if (type != RustLexer.NOT) {
                    return; // `macro_rules` as a name, not a definition
                }
                bang = true;
            } else if (type == RustLexer.LPAREN || type == RustLexer.LBRACKET || type == RustLexer.LBRACE) {
                depth++;
            } else if (type == RustLexer.RPAREN || type == RustLexer.RBRACKET || type == RustLexer.RBRACE) {
                if (--depth <= 0) {
                    return;
                }
            }
        }
    }

    /**
     * Whether the qualifiers right before this `fn` (`const async unsafe safe extern "abi"`) hold
     * `unsafe`. Only the qualifiers count: the judgment of a body must not depend on the tokens
     * of the body before it, which another parse may have left out.
     */
    private boolean declaredUnsafe() {
        int n = Math.min(recentCount, recent.length);
        for (int i = 1; i <= n; i++) {
            int type = recent[Math.floorMod(recentCount - i, recent.length)];
            if (type == RustLexer.KW_UNSAFE) {
                return true;
            }
            if (type != RustLexer.KW_CONST && type != RustLexer.KW_ASYNC && type != RustLexer.KW_SAFE
                    && type != RustLexer.KW_EXTERN && type != RustLexer.STRING_LITERAL
                    && type != RustLexer.RAW_STRING_LITERAL) {
                return false;
            }
        }
        return false;
    }

    /** Queues the tokens after `fn` up to its body's `{`, then the body as the mode says. */
    private void readSignature(boolean declaredUnsafe) {
        int depth = 0; // ( [ and < nesting
        int constBlocks = 0; // { } nesting of const generic blocks
        boolean first = true;
        boolean pointerInSignature = false;
        int previous = -1;
        while (true) {
            Token t = read();
            pending.add(t);
            int type = t.getType();
            if (type == Token.EOF) {
                return;
            }
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            pointerInSignature |= previous == RustLexer.STAR && (type == RustLexer.KW_CONST || type == RustLexer.KW_MUT);
            previous = type;
            if (first) {
                first = false;
                if (type == RustLexer.LPAREN) {
                    return; // a function pointer type, not an item
                }
            }
            if (constBlocks > 0) {
                constBlocks += type == RustLexer.LBRACE ? 1 : type == RustLexer.RBRACE ? -1 : 0;
            } else if (type == RustLexer.LPAREN || type == RustLexer.LBRACKET || type == RustLexer.LT) {
                depth++;
            } else if (type == RustLexer.RPAREN || type == RustLexer.RBRACKET || type == RustLexer.GT) {
                if (--depth < 0) {
                    return;
                }
            } else if (type == RustLexer.RBRACE) {
                return;
            } else if (type == RustLexer.SEMI && depth == 0) {
                return;
            } else if (type == RustLexer.LBRACE) {
                if (depth == 0) {
                    body(t, declaredUnsafe, pointerInSignature);
                    return;
                }
                constBlocks = 1;
            }
        }
    }

    /** Reads the body up to its closing `}`; queues that brace alone, or replays the body when it is kept. */
    private void body(Token open, boolean declaredUnsafe, boolean pointerInSignature) {
        int start = open.getStartIndex();
        boolean outsideFocus = focus >= 0 && start != focus && !(focusEnd >= 0 && start > focus && start < focusEnd);
        List<Token> tokens = new ArrayList<>();
        boolean keep = mode == Mode.SAFE_BODIES && declaredUnsafe && !outsideFocus;
        int previous = -1;
        Token previousToken = null;
        int braces = 1;
        while (true) {
            Token t = read();
            int type = t.getType();
            tokens.add(t);
            if (type == Token.EOF) {
                break;
            }
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (mode == Mode.SAFE_BODIES && !keep && !outsideFocus) {
                keep = isSign(t, previous)
                        || type == RustLexer.NOT && previousToken != null && previousToken.getType() == RustLexer.IDENTIFIER
                        && !macroSigns.isEmpty() && macroSigns.contains(previousToken.getText()) // `name!`
                        || pointerInSignature && type == RustLexer.UNDERSCORE && previous == RustLexer.KW_AS;
            }
            previous = type;
            previousToken = t;
            if (type == RustLexer.LBRACE) {
                braces++;
            } else if (type == RustLexer.RBRACE && --braces == 0) {
                break;
            }
        }
        Token last = tokens.get(tokens.size() - 1);
        int end = last.getType() == Token.EOF ? last.getStartIndex() : last.getStopIndex() + 1;
        if (start == focus) {
            focusEnd = end;
        }
        if (!outsideFocus) {
            judged.add(start, end);
        }
        if (keep) {
            for (int i = tokens.size() - 1; i >= 0; i--) {
                replay.addFirst(tokens.get(i));
            }
        } else {
            dropped.add(start, end);
            pending.add(last); // the closing brace, or the end of the file
        }
    }

    /** A growable list of int pairs. */
    private static final class IntPairs {
        private int[] values = new int[16];
        private int size;

        void add(int a, int b) {
            if (size + 2 > values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = a;
            values[size++] = b;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    private static boolean isSign(Token t, int previous) {
        return switch (t.getType()) {
            case RustLexer.KW_UNSAFE, RustLexer.KW_EXTERN, RustLexer.KW_STATIC, RustLexer.KW_UNION,
                 RustLexer.KW_RAW -> true;
            case RustLexer.KW_CONST, RustLexer.KW_MUT -> previous == RustLexer.STAR;
            case RustLexer.IDENTIFIER -> SIGNS.contains(t.getText());
            default -> false;
        };
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
