package dev.casebook.casestudy.markdown;

import java.util.Arrays;
import java.util.Optional;

/** The {@code ##} sections of the template, in the template's order. */
enum TemplateSection {

    EXECUTIVE_SUMMARY(Labels.EXECUTIVE_SUMMARY),
    BUSINESS_CHALLENGE(Labels.BUSINESS_CHALLENGE),
    SOLUTION_ARCHITECTURE(Labels.SOLUTION_ARCHITECTURE),
    TECHNICAL_IMPLEMENTATION(Labels.TECHNICAL_IMPLEMENTATION),
    PERFORMANCE_METRICS(Labels.PERFORMANCE_METRICS),
    CHALLENGES(Labels.CHALLENGES),
    CODE_EXAMPLE(Labels.CODE_EXAMPLE),
    DEPLOYMENT_STRATEGY(Labels.DEPLOYMENT_STRATEGY),
    RESULTS(Labels.RESULTS),
    LESSONS(Labels.LESSONS);

    private final String heading;
    private final String key;

    TemplateSection(String heading) {
        this.heading = heading;
        this.key = Headings.key(heading);
    }

    /** The heading as the template writes it. */
    String heading() {
        return heading;
    }

    /** The section a writer's heading names: case, blanks and {@code &} against {@code and} do not matter. */
    static Optional<TemplateSection> named(String heading) {
        String wanted = Headings.key(heading);
        return Arrays.stream(values()).filter(section -> section.key.equals(wanted)).findFirst();
    }

    static String headings() {
        return String.join(", ", Arrays.stream(values()).map(TemplateSection::heading).toList());
    }
}
