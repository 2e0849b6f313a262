package dev.unsafehints.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Review mode is protocol-free: the command line and the language server both sit on top of it. */
class ReviewArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.unsafehints");

    @Test
    void reviewKnowsNothingOfTheFrontEnds() {
        noClasses().that().resideInAPackage("dev.unsafehints.review..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.unsafehints.lsp..", "dev.unsafehints.cli..",
                        "org.eclipse.lsp4j..", "picocli..")
                .check(CLASSES);
    }

}
