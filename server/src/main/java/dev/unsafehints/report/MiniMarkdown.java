package dev.unsafehints.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the small Markdown subset our rule documents use (headings, paragraphs, lists, fenced
 * code, inline code, bold, emphasis, http links) as HTML. Everything is escaped first, so a
 * document can never inject markup.
 */
final class MiniMarkdown {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\((https?://[^)\\s]+)\\)");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![*\\w])[*_]([^*_]+)[*_](?![*\\w])");

    private MiniMarkdown() {
    }

    /** @param headingShift added to heading levels, so a document's "##" fits under the page's headings */
    static String toHtml(String markdown, int headingShift) {
        StringBuilder html = new StringBuilder();
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        StringBuilder paragraph = new StringBuilder();
        String list = null;
        boolean inCode = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                flushParagraph(html, paragraph);
                list = closeList(html, list);
                if (inCode) {
                    html.append("</code></pre>\n");
                } else {
                    html.append("<pre class=\"doc-code\"><code>");
                }
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                html.append(Html.escape(line)).append('\n');
                continue;
            }
            String t = line.strip();
            if (t.isEmpty()) {
                flushParagraph(html, paragraph);
                list = closeList(html, list);
                continue;
            }
            if (t.startsWith("#")) {
                flushParagraph(html, paragraph);
                list = closeList(html, list);
                int level = 0;
                while (level < t.length() && t.charAt(level) == '#') {
                    level++;
                }
                int h = Math.min(6, level + headingShift);
                html.append("<h").append(h).append('>').append(inline(t.substring(level).strip()))
                        .append("</h").append(h).append(">\n");
                continue;
            }
            String item = null;
            String kind = null;
            if (t.startsWith("- ") || t.startsWith("* ")) {
                item = t.substring(2);
                kind = "ul";
            } else if (t.matches("\\d+[.)] .*")) {
                item = t.substring(t.indexOf(' ') + 1);
                kind = "ol";
            }
            if (item != null) {
                flushParagraph(html, paragraph);
                if (!kind.equals(list)) {
                    closeList(html, list);
                    html.append('<').append(kind).append(">\n");
                    list = kind;
                }
                html.append("<li>").append(inline(item)).append("</li>\n");
                continue;
            }
            if (list != null && line.startsWith("  ")) {
                // a continuation line of the last list item
                int at = html.lastIndexOf("</li>");
                html.insert(at, " " + inline(t));
                continue;
            }
            list = closeList(html, list);
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            paragraph.append(t);
        }
        flushParagraph(html, paragraph);
        closeList(html, list);
        if (inCode) {
            html.append("</code></pre>\n");
        }
        return html.toString();
    }

    private static void flushParagraph(StringBuilder html, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            html.append("<p>").append(inline(paragraph.toString())).append("</p>\n");
            paragraph.setLength(0);
        }
    }

    private static String closeList(StringBuilder html, String list) {
        if (list != null) {
            html.append("</").append(list).append(">\n");
        }
        return null;
    }

    /** Inline markup on escaped text; code spans are protected from the other replacements. */
    static String inline(String text) {
        String escaped = Html.escape(text);
        StringBuilder out = new StringBuilder();
        Matcher code = CODE.matcher(escaped);
        int last = 0;
        while (code.find()) {
            out.append(spans(escaped.substring(last, code.start())));
            out.append("<code>").append(code.group(1)).append("</code>");
            last = code.end();
        }
        out.append(spans(escaped.substring(last)));
        return out.toString();
    }

    /** Escaped text with only `code spans` marked up: for analysis messages, which quote code. */
    static String codeSpans(String text) {
        return CODE.matcher(Html.escape(text)).replaceAll("<code>$1</code>");
    }

    private static String spans(String escaped) {
        String s = LINK.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement(
                "<a href=\"" + m.group(2) + "\">" + m.group(1) + "</a>"));
        s = BOLD.matcher(s).replaceAll("<strong>$1</strong>");
        return EMPHASIS.matcher(s).replaceAll("<em>$1</em>");
    }
}
