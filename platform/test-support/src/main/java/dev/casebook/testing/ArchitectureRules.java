package dev.casebook.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every Casebook module keeps, checked by one test per module ({@code ArchitectureTest}):
 * <ul>
 *   <li>its packages form no cycle, so each can be read and changed from the bottom up;</li>
 *   <li>{@code domain} speaks the domain: no JAX-RS, Vert.x or HTTP problem types, it throws domain exceptions;</li>
 *   <li>nothing depends on {@code api}: views are built there and nowhere else.</li>
 * </ul>
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Checks the rules on the main classes of {@code basePackage}, such as {@code dev.casebook.casestudy}. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        noPackageCycles(basePackage).check(classes);
        domainSpeaksTheDomain().check(classes);
        onlyApiBuildsViews(basePackage).check(classes);
    }

    static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                .as("the packages of " + basePackage + " form no cycle");
    }

    static ArchRule domainSpeaksTheDomain() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.vertx..", "org.jboss.resteasy..",
                        "io.quarkus.vertx.http..", "org.apache.kafka..", "io.smallrye.reactive.messaging..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.casebook.platform.problem.ProblemException")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.casebook.platform.problem.Problem")
                .allowEmptyShould(true)
                .as("domain code knows nothing of HTTP or Kafka and throws domain exceptions (platform.domain)");
    }

    static ArchRule onlyApiBuildsViews(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..").and().resideOutsideOfPackage(basePackage + ".api..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".api..")
                .allowEmptyShould(true)
                .as("nothing depends on " + basePackage + ".api: views are built there only");
    }
}
