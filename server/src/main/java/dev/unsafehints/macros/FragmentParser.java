package dev.unsafehints.macros;

import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.grammar.RustParsing;
import java.util.function.Function;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * How many tokens of a call a fragment specifier takes. The single-token kinds (`ident`, `tt`,
 * `lifetime`, `literal`, `block`, `vis`) are read off the tokens; the kinds whose extent is the
 * language's syntax (`expr`, `ty`, `path`, `pat`, `stmt`, `item`, `meta`) are parsed with the rule
 * of our grammar that the Reference names for them, and take what that rule consumed.
 *
 * <p>Parsing rather than counting tokens is what rustc does (it runs its parser on the fragment),
 * and it is the only way to be faithful: an expression may hold top-level commas (`|a, b| a + b`,
 * `f::<A, B>()`) and a type may hold `>` and `>>`, which no token-level rule can tell apart from
 * the separator that follows.
 */
final class FragmentParser {
    private FragmentParser() {
    }

    /** The end of the fragment starting at {@code pos} (exclusive), or -1 when it does not match. */
    static int match(FragmentKind kind, TokenRun in, int pos, int end) {
        if (pos > end) {
            return -1;
        }
        switch (kind) {
            case TT:
                return pos < end && !TokenRun.isClose(in.get(pos).getType()) ? in.treeEnd(pos) : -1;
            case IDENT:
                return pos < end && isIdentifier(in.get(pos)) ? pos + 1 : -1;
            case LIFETIME:
                return pos < end && in.get(pos).getType() == RustLexer.LIFETIME ? pos + 1 : -1;
            case LITERAL: {
                int at = pos < end && in.get(pos).getType() == RustLexer.MINUS ? pos + 1 : pos;
                return at < end && isLiteral(in.get(at).getType()) ? at + 1 : -1;
            }
            case BLOCK:
                return pos < end && in.get(pos).getType() == RustLexer.LBRACE ? in.treeEnd(pos) : -1;
            case VIS:
                return visibility(in, pos, end);
            case STMT:
                return statement(in, pos, end);
            case EXPR:
            case EXPR_2021:
                if (loneToken(in, pos, end) && isOperand(in.get(pos))) {
                    return pos + 1;
                }
                return startsExpression(in, pos, end) ? parsed(in, pos, end, RustParser::expression) : -1;
            case TY:
            case PATH:
                if (loneToken(in, pos, end) && in.get(pos).getType() == RustLexer.IDENTIFIER) {
                    return pos + 1;
                }
                return parsed(in, pos, end, kind == FragmentKind.TY ? RustParser::type_ : RustParser::typePath);
            case PAT:
                return parsed(in, pos, end, RustParser::pattern);
            case PAT_PARAM:
                return parsed(in, pos, end, RustParser::patternNoTopAlt);
            case ITEM:
                return parsed(in, pos, end, RustParser::item);
            case META:
                return parsed(in, pos, end, RustParser::attr);
            default:
                return -1;
        }
    }

    /** An identifier or keyword (`$i:ident` matches `self` and `fn` too), never `_`. */
    static boolean isIdentifier(Token t) {
        String text = t.getText();
        if (text == null || text.isEmpty() || text.equals("_")) {
            return false;
        }
        char c = text.charAt(0);
        return (Character.isLetter(c) || c == '_') && t.getType() != RustLexer.LIFETIME && !isLiteral(t.getType())
                || t.getType() == RustLexer.KW_TRUE || t.getType() == RustLexer.KW_FALSE;
    }

    static boolean isLiteral(int type) {
        return type == RustLexer.STRING_LITERAL || type == RustLexer.RAW_STRING_LITERAL || type == RustLexer.CHAR_LITERAL
                || type == RustLexer.INTEGER_LITERAL || type == RustLexer.FLOAT_LITERAL || type == RustLexer.KW_TRUE
                || type == RustLexer.KW_FALSE;
    }

    /** `pub`, `pub(crate)`, `pub(in path)`, or nothing: `vis` may match no tokens at all. */
    private static int visibility(TokenRun in, int pos, int end) {
        if (pos >= end || in.get(pos).getType() != RustLexer.KW_PUB) {
            return pos;
        }
        int next = pos + 1;
        if (next < end && in.get(next).getType() == RustLexer.LPAREN) {
            int close = in.closer(next);
            Token inside = next + 1 < close ? in.get(next + 1) : null;
            // `pub (crate)`, `pub(self)`, `pub(super)`, `pub(in ..)`; not the fields of a tuple struct
            if (inside != null && (inside.getType() == RustLexer.KW_CRATE || inside.getType() == RustLexer.KW_SELFVALUE
                    || inside.getType() == RustLexer.KW_SUPER || inside.getType() == RustLexer.KW_IN)) {
                return close + 1;
            }
        }
        return next;
    }

    /** A statement without its `;`: an item, a `let`, or an expression. */
    private static int statement(TokenRun in, int pos, int end) {
        if (pos >= end) {
            return -1;
        }
        if (in.get(pos).getType() == RustLexer.KW_LET) {
            int i = pos + 1;
            while (i < end && in.get(i).getType() != RustLexer.SEMI) {
                i = in.treeEnd(i);
            }
            return i > pos + 1 ? i : -1;
        }
        int item = parsed(in, pos, end, RustParser::item);
        return item >= 0 ? item : match(FragmentKind.EXPR, in, pos, end);
    }

    /**
     * A single token followed by a separator no expression, type or path can go on with (or by the
     * end): the fragment is that token, as the parser would say, without starting one. Most
     * arguments are of this kind (`syscall!(close(fd))`, `test!(a, b)`).
     */
    private static boolean loneToken(TokenRun in, int pos, int end) {
        if (pos >= end || in.closer(pos) >= 0) {
            return false;
        }
        if (pos + 1 == end) {
            return true;
        }
        int next = in.get(pos + 1).getType();
        return next == RustLexer.COMMA || next == RustLexer.SEMI || next == RustLexer.FATARROW;
    }

    /** An identifier, a literal, `self`: an expression on its own. */
    private static boolean isOperand(Token t) {
        int type = t.getType();
        return type == RustLexer.IDENTIFIER || type == RustLexer.KW_SELFVALUE || isLiteral(type);
    }

    /** Tokens that can never start an expression: parsing them would only fail more slowly. */
    private static boolean startsExpression(TokenRun in, int pos, int end) {
        if (pos >= end) {
            return false;
        }
        int type = in.get(pos).getType();
        return type != RustLexer.COMMA && type != RustLexer.SEMI && type != RustLexer.FATARROW
                && !TokenRun.isClose(type);
    }

    private static int parsed(TokenRun in, int pos, int end, Function<RustParser, ParserRuleContext> rule) {
        if (pos >= end) {
            return -1;
        }
        int[] consumed = {-1};
        try {
            RustParsing.parseFragment(in.slice(pos, end), parser -> {
                ParserRuleContext ctx = rule.apply(parser);
                consumed[0] = parser.getInputStream().index();
                return ctx;
            });
        } catch (java.util.concurrent.CancellationException stop) {
            throw stop; // the watchdog's: the file takes too long
        } catch (RuntimeException e) {
            return -1; // a token run the grammar's predicates did not expect: no match
        }
        return consumed[0] > 0 ? pos + consumed[0] : -1;
    }
}
