package dev.unsafehints;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The architecture invariant of ARCHITECTURE.md: only the language-server layer knows LSP4J. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.unsafehints");

    @Test
    void onlyTheLspLayerUsesLsp4j() {
        noClasses().that().resideOutsideOfPackage("dev.unsafehints.lsp..")
                .and().resideOutsideOfPackage("dev.unsafehints.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.lsp4j..")
                .check(CLASSES);
    }

    @Test
    void analysisKnowsNothingOfReportsOrTheServer() {
        noClasses().that().resideInAnyPackage("dev.unsafehints.analysis..", "dev.unsafehints.rules..",
                        "dev.unsafehints.workspace..", "dev.unsafehints.parse..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.unsafehints.lsp..",
                        "dev.unsafehints.report..", "dev.unsafehints.cli..")
                .check(CLASSES);
    }
}
