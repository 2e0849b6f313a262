package dev.unsafehints.report;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the HTML report: plain shapes and text, no script, readable without colour. */
final class HtmlCharts {
    /** One bar: a label, a value, and an optional second value drawn as the bar's filled part. */
    record Bar(String label, int value, int part) {
    }

    private static final int LABEL_WIDTH = 230;
    private static final int BAR_WIDTH = 360;
    private static final int ROW = 22;

    private HtmlCharts() {
    }

    /** Horizontal bars scaled to the largest value, each labelled with its count. */
    static String bars(String title, List<Bar> bars) {
        if (bars.isEmpty()) {
            return "<p class=\"empty\">" + Html.escape(title) + ": nothing to show.</p>";
        }
        int max = Math.max(1, bars.stream().mapToInt(Bar::value).max().orElse(1));
        int height = bars.size() * ROW + 8;
        StringBuilder svg = open(title, height);
        int y = 4;
        for (Bar b : bars) {
            int w = Math.max(b.value() > 0 ? 2 : 0, BAR_WIDTH * b.value() / max);
            svg.append(label(b.label(), y));
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"2\"/>",
                    LABEL_WIDTH, y + 3, w, ROW - 8));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%d\" y=\"%d\">%d</text>",
                    LABEL_WIDTH + w + 6, y + ROW - 8, b.value()));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    /** 100% bars: the documented part in one colour, the rest in another, with the percentage. */
    static String coverage(String title, List<Bar> bars) {
        List<Bar> shown = bars.stream().filter(b -> b.value() > 0).toList();
        if (shown.isEmpty()) {
            return "<p class=\"empty\">" + Html.escape(title) + ": no unsafe blocks or impls.</p>";
        }
        int height = shown.size() * ROW + 8;
        StringBuilder svg = open(title, height);
        int y = 4;
        for (Bar b : shown) {
            int done = BAR_WIDTH * b.part() / b.value();
            svg.append(label(b.label(), y));
            svg.append(String.format(Locale.ROOT, "<rect class=\"missing\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"2\"/>",
                    LABEL_WIDTH, y + 3, BAR_WIDTH, ROW - 8));
            svg.append(String.format(Locale.ROOT, "<rect class=\"documented\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"2\"/>",
                    LABEL_WIDTH, y + 3, done, ROW - 8));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%d\" y=\"%d\">%s (%d/%d)</text>",
                    LABEL_WIDTH + BAR_WIDTH + 6, y + ROW - 8, new Coverage(b.part(), b.value()).percentText(),
                    b.part(), b.value()));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        int width = LABEL_WIDTH + BAR_WIDTH + 110;
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>",
                width, height, width, height, Html.escape(title)));
    }

    private static String label(String text, int y) {
        String shown = text.length() > 34 ? "…" + text.substring(text.length() - 33) : text;
        return String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\"><title>%s</title>%s</text>",
                LABEL_WIDTH - 8, y + ROW - 8, Html.escape(text), Html.escape(shown));
    }
}
