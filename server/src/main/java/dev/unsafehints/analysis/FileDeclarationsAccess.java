package dev.unsafehints.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.unsafehints.grammar.RustParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/** Reads `#[target_feature(enable = "...")]` from an item's outer attributes. */
final class FileDeclarationsAccess {
    private static final Pattern ENABLE = Pattern.compile("enable=\"([^\"]*)\"");

    private FileDeclarationsAccess() {
    }

    static List<String> targetFeatures(ParserRuleContext holder) {
        List<String> features = new ArrayList<>();
        if (holder.children == null) {
            return features;
        }
        for (ParseTree child : holder.children) {
            if (child instanceof RustParser.OuterAttributeContext attr && attr.attr().attrBody() != null
                    && attr.attr().attrBody().simplePath().getText().equals("target_feature")
                    && attr.attr().attrBody().attrInput() != null) {
                Matcher m = ENABLE.matcher(attr.attr().attrBody().attrInput().getText());
                while (m.find()) {
                    for (String f : m.group(1).split(",")) {
                        features.add(f.trim());
                    }
                }
            }
        }
        return features;
    }
}
