package dev.unsafehints.report;

import java.util.List;

/**
 * The workspace's dependency graph as a tree, as {@code cargo tree} prints it: each package under
 * the one that depends on it, children sorted by name, a package whose dependencies were shown
 * already marked {@code repeated} ({@code (*)}) and not expanded again.
 */
public record DependencyTree(List<Line> lines) {
    public static final DependencyTree EMPTY = new DependencyTree(List.of());

    public DependencyTree {
        lines = List.copyOf(lines);
    }

    /**
     * One package at its depth (0: a workspace member). {@code crateKey} is its row of the report
     * ({@link CrateReport#key()}), or null when the scan has none (a member that was not scanned).
     */
    public record Line(int depth, String name, String version, String source, String crateKey, boolean repeated) {
        public String label() {
            return name + " " + version + (source.equals("registry") || source.equals("workspace") ? ""
                    : " (" + source + ")") + (repeated ? " (*)" : "");
        }
    }

    /** The lines in text: {@code ├──}, {@code └──} and {@code │} as cargo tree draws them. */
    public List<String> render() {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            StringBuilder prefix = new StringBuilder();
            for (int d = 1; d <= line.depth(); d++) {
                boolean last = !hasSiblingAfter(i, d);
                if (d == line.depth()) {
                    prefix.append(last ? "└── " : "├── ");
                } else {
                    prefix.append(last ? "    " : "│   ");
                }
            }
            out.add(prefix + line.label());
        }
        return out;
    }

    /** Whether a later line sits at {@code depth} under the same parent as line {@code i}'s ancestor there. */
    private boolean hasSiblingAfter(int i, int depth) {
        for (int j = i + 1; j < lines.size(); j++) {
            int d = lines.get(j).depth();
            if (d < depth) {
                return false;
            }
            if (d == depth) {
                return true;
            }
        }
        return false;
    }
}
