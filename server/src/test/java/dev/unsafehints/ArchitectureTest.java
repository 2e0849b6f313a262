package dev.unsafehints;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The architecture invariant of ARCHITECTURE.md: the packages form layers that depend only downwards,
 * with no cycle among them, and only the language-server layer knows LSP4J.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.unsafehints");

    /** The layers from the bottom up; each may depend on the layers before it, never on one after it. */
    private static final List<String[]> LAYERS = List.of(
            new String[] {"dev.unsafehints.grammar.."},
            new String[] {"dev.unsafehints.text..", "dev.unsafehints.version.."},
            new String[] {"dev.unsafehints.parse.."},
            new String[] {"dev.unsafehints.macros.."},
            new String[] {"dev.unsafehints.workspace.."},
            new String[] {"dev.unsafehints.analysis.."},
            new String[] {"dev.unsafehints.rules"},
            new String[] {"dev.unsafehints.rules.guideline..", "dev.unsafehints.rules.inventory..",
                    "dev.unsafehints.rules.operations.."},
            new String[] {"dev.unsafehints.engine.."},
            new String[] {"dev.unsafehints.config.."},
            new String[] {"dev.unsafehints.report.."},
            new String[] {"dev.unsafehints.review.."},
            new String[] {"dev.unsafehints.lsp.document.."},
            new String[] {"dev.unsafehints.lsp.features..", "dev.unsafehints.lsp.inventory.."},
            new String[] {"dev.unsafehints.lsp"},
            new String[] {"dev.unsafehints.cli.."});

    @Test
    void noPackageCycles() {
        slices().matching("dev.unsafehints.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void lowerLayersNeverDependOnHigherOnes() {
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] higher = LAYERS.subList(i + 1, LAYERS.size()).stream().flatMap(Arrays::stream)
                    .toArray(String[]::new);
            noClasses().that().resideInAnyPackage(LAYERS.get(i))
                    .should().dependOnClassesThat().resideInAnyPackage(higher)
                    .check(CLASSES);
        }
    }

    @Test
    void everyPackageIsInALayer() {
        String[] all = LAYERS.stream().flatMap(Arrays::stream).toArray(String[]::new);
        noClasses().should().resideOutsideOfPackages(all).check(CLASSES);
    }

    @Test
    void onlyTheLspLayerUsesLsp4j() {
        noClasses().that().resideOutsideOfPackage("dev.unsafehints.lsp..")
                .and().resideOutsideOfPackage("dev.unsafehints.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.lsp4j..")
                .check(CLASSES);
    }

    @Test
    void analysisKnowsNothingOfReportsOrTheServer() {
        noClasses().that().resideInAnyPackage("dev.unsafehints.text..", "dev.unsafehints.parse..", "dev.unsafehints.macros..",
                        "dev.unsafehints.workspace..", "dev.unsafehints.analysis..", "dev.unsafehints.rules..",
                        "dev.unsafehints.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.unsafehints.lsp..",
                        "dev.unsafehints.report..", "dev.unsafehints.review..", "dev.unsafehints.cli..")
                .check(CLASSES);
    }
}
