package dev.unsafehints.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.report.UnsafeCodePolicy;
import dev.unsafehints.workspace.CrateInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Reads a crate root ({@code [lib] path}, else {@code src/lib.rs}, else {@code src/main.rs}) for
 * {@code #![forbid(unsafe_code)]} or {@code #![deny(unsafe_code)]}, also inside
 * {@code #![cfg_attr(condition, ...)]}. Works on tokens, so comments and strings never fool it.
 */
final class UnsafeCodePolicies {
    private static final TomlMapper TOML = new TomlMapper();

    private UnsafeCodePolicies() {
    }

    static UnsafeCodePolicy of(CrateInfo crate) {
        if (crate.root() == null) {
            return UnsafeCodePolicy.UNKNOWN;
        }
        Path root = crateRoot(crate.root());
        if (root == null) {
            return UnsafeCodePolicy.UNKNOWN;
        }
        try {
            return ofText(Files.readString(root));
        } catch (IOException | RuntimeException e) {
            return UnsafeCodePolicy.UNKNOWN;
        }
    }

    private static Path crateRoot(Path folder) {
        try {
            JsonNode manifest = TOML.readTree(Files.readString(folder.resolve("Cargo.toml")));
            String lib = manifest.path("lib").path("path").asText("");
            if (!lib.isEmpty() && Files.isRegularFile(folder.resolve(lib))) {
                return folder.resolve(lib);
            }
        } catch (IOException | RuntimeException e) {
            // fall back to the conventional places
        }
        for (String candidate : List.of("src/lib.rs", "src/main.rs")) {
            if (Files.isRegularFile(folder.resolve(candidate))) {
                return folder.resolve(candidate);
            }
        }
        return null;
    }

    /** The strongest unsafe_code level among the file's inner attributes; unconditional wins ties. */
    static UnsafeCodePolicy ofText(String text) {
        RustLexer lexer = new RustLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t : lexer.getAllTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(t);
            }
        }
        UnsafeCodePolicy best = UnsafeCodePolicy.NONE;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            if (type == RustLexer.LBRACE) {
                depth++;
            } else if (type == RustLexer.RBRACE) {
                depth--;
            }
            if (depth != 0 || type != RustLexer.POUND || i + 2 >= tokens.size()
                    || tokens.get(i + 1).getType() != RustLexer.NOT || tokens.get(i + 2).getType() != RustLexer.LBRACKET) {
                continue;
            }
            int close = closing(tokens, i + 2);
            UnsafeCodePolicy found = attribute(tokens.subList(i + 3, close), text);
            if (stronger(found, best)) {
                best = found;
            }
            i = close;
        }
        return best;
    }

    /** The policy one attribute body ({@code forbid(unsafe_code)}, {@code cfg_attr(c, deny(unsafe_code))}) sets. */
    private static UnsafeCodePolicy attribute(List<Token> body, String text) {
        if (body.isEmpty()) {
            return UnsafeCodePolicy.NONE;
        }
        String name = body.get(0).getText();
        if ((name.equals("forbid") || name.equals("deny")) && mentionsUnsafeCode(body)) {
            return new UnsafeCodePolicy(name.equals("forbid") ? UnsafeCodePolicy.Level.FORBID : UnsafeCodePolicy.Level.DENY, "");
        }
        if (name.equals("cfg_attr") && body.size() > 2 && body.get(1).getType() == RustLexer.LPAREN) {
            int depth = 0;
            for (int k = 1; k < body.size(); k++) {
                int type = body.get(k).getType();
                if (type == RustLexer.LPAREN || type == RustLexer.LBRACKET) {
                    depth++;
                } else if (type == RustLexer.RPAREN || type == RustLexer.RBRACKET) {
                    depth--;
                } else if (type == RustLexer.COMMA && depth == 1) {
                    String condition = text.substring(body.get(2).getStartIndex(), body.get(k - 1).getStopIndex() + 1)
                            .replaceAll("\\s+", " ");
                    UnsafeCodePolicy inner = UnsafeCodePolicy.NONE;
                    List<Token> rest = body.subList(k + 1, body.size());
                    for (int j = 0; j < rest.size(); j++) {
                        String word = rest.get(j).getText();
                        if ((word.equals("forbid") || word.equals("deny")) && mentionsUnsafeCode(rest.subList(j, rest.size()))) {
                            inner = new UnsafeCodePolicy(word.equals("forbid") ? UnsafeCodePolicy.Level.FORBID
                                    : UnsafeCodePolicy.Level.DENY, condition);
                            if (word.equals("forbid")) {
                                break;
                            }
                        }
                    }
                    return inner;
                }
            }
        }
        return UnsafeCodePolicy.NONE;
    }

    /** Does the lint list right after the level name hold unsafe_code? */
    private static boolean mentionsUnsafeCode(List<Token> from) {
        if (from.size() < 2 || from.get(1).getType() != RustLexer.LPAREN) {
            return false;
        }
        int depth = 0;
        for (int k = 1; k < from.size(); k++) {
            int type = from.get(k).getType();
            if (type == RustLexer.LPAREN) {
                depth++;
            } else if (type == RustLexer.RPAREN) {
                depth--;
                if (depth == 0) {
                    return false;
                }
            } else if (from.get(k).getText().equals("unsafe_code")) {
                return true;
            }
        }
        return false;
    }

    private static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            int type = tokens.get(k).getType();
            if (type == RustLexer.LBRACKET) {
                depth++;
            } else if (type == RustLexer.RBRACKET && --depth == 0) {
                return k;
            }
        }
        return tokens.size() - 1;
    }

    private static boolean stronger(UnsafeCodePolicy a, UnsafeCodePolicy b) {
        int ra = rank(a);
        int rb = rank(b);
        return ra > rb;
    }

    private static int rank(UnsafeCodePolicy p) {
        int base = switch (p.level()) {
            case FORBID -> 4;
            case DENY -> 2;
            default -> 0;
        };
        return base == 0 ? 0 : base + (p.condition().isEmpty() ? 1 : 0);
    }
}
