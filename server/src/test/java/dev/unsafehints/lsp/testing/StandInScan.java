package dev.unsafehints.lsp.testing;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * A token-level scan that finds what the stand-in rules report: unsafe blocks with the raw
 * pointer dereferences and unsafe fn calls inside, and unsafe fns with their doc comments. Deliberately
 * simple; the real rules work on the syntax tree. The stand-ins exist so the language server's
 * protocol tests have findings of the contracted shape without depending on rule details.
 */
final class StandInScan {
    record Operation(String kind, TextRange range, String message, String name) {
    }

    record Block(Token unsafeToken, TextRange keyword, TextRange whole, List<Operation> operations) {
    }

    record UnsafeFn(Token unsafeToken, TextRange keyword, String name, String safetyDoc) {
    }

    final List<Block> blocks = new ArrayList<>();
    final List<UnsafeFn> fns = new ArrayList<>();
    /** The "# Safety" text of each unsafe fn of the file by name (null: none). */
    final Map<String, String> fnDocs = new HashMap<>();
    final FileModel model;

    private StandInScan(FileModel model) {
        this.model = model;
    }

    static StandInScan of(FileModel model) {
        StandInScan scan = new StandInScan(model);
        scan.run();
        return scan;
    }

    private void run() {
        List<Token> code = new ArrayList<>();
        for (Token t : model.parsed().tokens().getTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                code.add(t);
            }
        }
        Map<String, String> unsafeFnDocs = fnDocs;
        for (int i = 0; i + 2 < code.size(); i++) {
            if (code.get(i).getType() == RustLexer.KW_UNSAFE && code.get(i + 1).getType() == RustLexer.KW_FN) {
                String name = code.get(i + 2).getText();
                String doc = safetyDoc(model.source(), model.source().lineOf(model.startOf(code.get(i))));
                unsafeFnDocs.put(name, doc);
                fns.add(new UnsafeFn(code.get(i), model.rangeOf(code.get(i)), name, doc));
            }
        }
        for (int i = 0; i + 1 < code.size(); i++) {
            if (code.get(i).getType() != RustLexer.KW_UNSAFE || code.get(i + 1).getType() != RustLexer.LBRACE) {
                continue;
            }
            int depth = 0;
            int close = -1;
            for (int k = i + 1; k < code.size(); k++) {
                if (code.get(k).getType() == RustLexer.LBRACE) {
                    depth++;
                } else if (code.get(k).getType() == RustLexer.RBRACE && --depth == 0) {
                    close = k;
                    break;
                }
            }
            if (close < 0) {
                continue;
            }
            List<Operation> ops = new ArrayList<>();
            for (int k = i + 2; k < close; k++) {
                Token t = code.get(k);
                Token prev = code.get(k - 1);
                Token next = code.get(k + 1);
                if (t.getType() == RustLexer.STAR && next.getType() == RustLexer.IDENTIFIER && startsOperand(prev)) {
                    ops.add(new Operation("raw-pointer-deref", model.rangeOf(t, next),
                            "dereference of raw pointer `" + next.getText() + "`", next.getText()));
                } else if (t.getType() == RustLexer.IDENTIFIER && next.getType() == RustLexer.LPAREN
                        && unsafeFnDocs.containsKey(t.getText()) && prev.getType() != RustLexer.KW_FN) {
                    int end = matchingParen(code, k + 1);
                    ops.add(new Operation("unsafe-call", model.rangeOf(t, code.get(end)),
                            "call to unsafe function `" + t.getText() + "`", t.getText()));
                }
            }
            blocks.add(new Block(code.get(i), model.rangeOf(code.get(i)), model.rangeOf(code.get(i), code.get(close)), ops));
        }
    }

    private static boolean startsOperand(Token prev) {
        int type = prev.getType();
        return type == RustLexer.LBRACE || type == RustLexer.SEMI || type == RustLexer.LPAREN
                || type == RustLexer.EQ || type == RustLexer.COMMA || type == RustLexer.PLUS || type == RustLexer.MINUS;
    }

    private static int matchingParen(List<Token> code, int open) {
        int depth = 0;
        for (int k = open; k < code.size(); k++) {
            if (code.get(k).getType() == RustLexer.LPAREN) {
                depth++;
            } else if (code.get(k).getType() == RustLexer.RPAREN && --depth == 0) {
                return k;
            }
        }
        return open;
    }

    /** True when the lines directly above {@code line} are comments and one says SAFETY:. */
    static boolean hasSafetyComment(SourceText source, int line) {
        for (int l = line - 1; l >= 0; l--) {
            String text = source.lineText(l).strip();
            if (!text.startsWith("//")) {
                return false;
            }
            if (text.toUpperCase(Locale.ROOT).contains("SAFETY:")) {
                return true;
            }
        }
        return false;
    }

    /** The "# Safety" section of the /// doc above the line, or null. */
    static String safetyDoc(SourceText source, int line) {
        StringBuilder section = null;
        List<String> doc = new ArrayList<>();
        for (int l = line - 1; l >= 0 && source.lineText(l).strip().startsWith("///"); l--) {
            doc.add(0, source.lineText(l).strip().substring(3).strip());
        }
        for (String d : doc) {
            if (d.startsWith("#")) {
                if (section != null) {
                    break;
                }
                if (d.replace("#", "").strip().equalsIgnoreCase("safety")) {
                    section = new StringBuilder();
                }
            } else if (section != null) {
                section.append(section.length() > 0 ? " " : "").append(d);
            }
        }
        return section == null ? null : section.toString().strip();
    }
}
