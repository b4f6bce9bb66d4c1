package dev.casebook.auth;

import dev.casebook.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The rules every module keeps (no package cycle, a domain that speaks the domain, views in api only). */
class ArchitectureTest {

    @Test
    void keepsCasebooksArchitecture() {
        ArchitectureRules.check("dev.casebook.auth");
    }
}
