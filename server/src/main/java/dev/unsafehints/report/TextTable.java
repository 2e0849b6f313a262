package dev.unsafehints.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns: the first left-aligned, the others right-aligned. */
final class TextTable {
    private final List<List<String>> rows = new ArrayList<>();
    private int separatorBefore = -1;

    TextTable header(List<String> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    TextTable row(List<String> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    /** Draws a rule above the next row added (for a totals row). */
    TextTable ruleBeforeNext() {
        separatorBefore = rows.size();
        return this;
    }

    List<String> render() {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> r : rows) {
            for (int c = 0; c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).codePointCount(0, r.get(c).length()));
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i == 1 || i == separatorBefore) {
                lines.add(rule(width));
            }
            List<String> r = rows.get(i);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = c < r.size() ? r.get(c) : "";
                int pad = width[c] - cell.codePointCount(0, cell.length());
                if (c > 0) {
                    sb.append("  ");
                }
                if (c == 0) {
                    sb.append(cell).append(" ".repeat(pad));
                } else {
                    sb.append(" ".repeat(pad)).append(cell);
                }
            }
            lines.add(sb.toString().stripTrailing());
        }
        return lines;
    }

    private static String rule(int[] width) {
        int total = 0;
        for (int w : width) {
            total += w;
        }
        total += Math.max(0, width.length - 1) * 2;
        return "-".repeat(total);
    }
}
