package dev.unsafehints.devtools;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Analyzer;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.TextPosition;
import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.parse.SourceDocument;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A development aid for the lead engineer: minimal SARIF of all findings under a crate root, for the
 * eval scorer while the real `scan` command is being built. Not part of the product.
 */
public final class MiniSarif {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".rs")).sorted().toList();
        }
        CargoManifests manifests = new CargoManifests();
        WorkspaceIndex index = WorkspaceIndex.empty();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            CrateInfo crate = manifests.crateOf(f);
            FileModel model = new FileModel(new SourceDocument(f, text, crate),
                    new dev.unsafehints.analysis.SourceText(text), RustParsing.parse(text, crate.edition()), index,
                    AnalysisSettings.DEFAULT);
            index.update(crate, model.declarations());
        }
        Analyzer analyzer = new Analyzer();
        StringBuilder sb = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"mini\"}},\"results\":[");
        boolean first = true;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            FileAnalysis a = analyzer.analyze(new SourceDocument(f, text, manifests.crateOf(f)), AnalysisSettings.DEFAULT, index);
            for (Finding finding : a.findings()) {
                TextPosition s = a.start(finding);
                TextPosition e = a.end(finding);
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append("{\"ruleId\":\"").append(finding.ruleId()).append("\",\"message\":{\"text\":\"x\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"")
                        .append(root.relativize(f).toString().replace('\\', '/')).append("\"},\"region\":{\"startLine\":")
                        .append(s.line() + 1).append(",\"startColumn\":").append(s.column() + 1).append(",\"endLine\":")
                        .append(e.line() + 1).append(",\"endColumn\":").append(e.column() + 1).append("}}}]}");
            }
        }
        sb.append("]}]}");
        System.out.println(sb);
    }
}
