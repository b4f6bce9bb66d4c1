package dev.casebook.casestudy.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Every section of the case-study template, as authors write it. Limits keep a case study readable
 * and the service safe: texts are bounded, lists are short, diagrams must be mermaid, and no diagram, in its own
 * field or in a {@code ```mermaid} fence of prose, holds a directive or a click ({@link MermaidSource}).
 *
 * <p>Members without a value are left out of the JSON at every depth, never {@code null}, so that each record's
 * schema can say what a present member is.
 *
 * <p>Each section holds its structured fields and, beside them, free Markdown: {@code prose} comes before the
 * structured part of the section and {@code proseAfter} after it, so that whatever a writer wrote in a section
 * that is not one of its fields still has a place. The sections the document has no record of its own for
 * (Technical Implementation, Performance Metrics, the overview of Technical Challenges &amp; Solutions) have one
 * for their prose.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseStudyDocument(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\n]*", message = "must be one line") String title,
        @Size(max = SLUG_LENGTH) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens, such as checkout-rewrite") String slug,
        @Valid Client client,
        @NotBlank @Size(max = 20_000) @ProseDiagrams String summary,
        @Valid BusinessChallenge challenge,
        @Valid Diagrammed architecture,
        @Valid TechStack techStack,
        @Valid Diagrammed components,
        @Size(max = 20) List<@Valid TechnicalChallenge> challenges,
        @Valid CodeExample codeExample,
        @Valid Deployment deployment,
        @Valid Results results,
        @Valid Lessons lessons,
        @Size(max = 20) List<@NotBlank @Size(max = 50) @Pattern(regexp = "[^,\\n]*", message = "must not contain commas or line breaks") String> tags,
        @Valid SectionText implementation,
        @Valid SectionText performance,
        @Valid Diagrammed challengesOverview) {

    public static final int SLUG_LENGTH = 100;
    public static final int ITEM_LENGTH = 1_000;
    public static final int TEXT_LENGTH = 10_000;
    /** Free Markdown a writer keeps in a section beside its structured fields. */
    public static final int PROSE_LENGTH = 20_000;

    public CaseStudyDocument withSlug(String effectiveSlug) {
        return new CaseStudyDocument(title, effectiveSlug, client, summary, challenge, architecture, techStack, components,
                challenges, codeExample, deployment, results, lessons, tags, implementation, performance, challengesOverview);
    }

    /**
     * The prose of a section whose structure lives elsewhere: Technical Implementation (its own text and any
     * {@code ###} subsection besides the template's two) and Performance Metrics (text around the table, and
     * rows that are not numbers).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SectionText(@Size(max = PROSE_LENGTH) @ProseDiagrams String prose,
                              @Size(max = PROSE_LENGTH) @ProseDiagrams String proseAfter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Client(@Size(max = 200) String name,
                         @Size(max = 100) @Pattern(regexp = "[^\\n]*", message = "must be one line") String industry) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BusinessChallenge(@Size(max = TEXT_LENGTH) @ProseDiagrams String technicalContext,
                                    @Size(max = 50) List<@NotBlank @Size(max = ITEM_LENGTH) @ProseDiagrams String> painPoints,
                                    @Size(max = 50) List<@NotBlank @Size(max = ITEM_LENGTH) @ProseDiagrams String> limitations,
                                    @Size(max = PROSE_LENGTH) @ProseDiagrams String prose,
                                    @Size(max = PROSE_LENGTH) @ProseDiagrams String proseAfter) {
    }

    /**
     * A section made of prose and a mermaid diagram: the solution architecture, the key components, the overview
     * of the challenges. {@code description} comes before the diagram, {@code proseAfter} after it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Diagrammed(@Size(max = PROSE_LENGTH) @ProseDiagrams String description,
                             @MermaidDiagram @Size(max = 20_000) String diagram,
                             @Size(max = PROSE_LENGTH) @ProseDiagrams String proseAfter) {
    }

    /** Entries are listed comma-separated in the template, so an entry holds no comma. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TechStack(@Size(max = 30) List<@NotBlank @Size(max = 100) @Pattern(regexp = "[^,\\n]*", message = "must not contain commas or line breaks") String> frontend,
                            @Size(max = 30) List<@NotBlank @Size(max = 100) @Pattern(regexp = "[^,\\n]*", message = "must not contain commas or line breaks") String> backend,
                            @Size(max = 30) List<@NotBlank @Size(max = 100) @Pattern(regexp = "[^,\\n]*", message = "must not contain commas or line breaks") String> infrastructure,
                            @Size(max = 30) List<@NotBlank @Size(max = 100) @Pattern(regexp = "[^,\\n]*", message = "must not contain commas or line breaks") String> testing,
                            @Size(max = PROSE_LENGTH) @ProseDiagrams String prose,
                            @Size(max = PROSE_LENGTH) @ProseDiagrams String proseAfter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TechnicalChallenge(@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\n]*", message = "must be one line") String title,
                                     @Size(max = 10) List<@Valid Approach> approaches,
                                     @Size(max = TEXT_LENGTH) @ProseDiagrams String finalSolution,
                                     @MermaidDiagram @Size(max = 20_000) String diagram,
                                     @Size(max = PROSE_LENGTH) @ProseDiagrams String prose,
                                     @Size(max = PROSE_LENGTH) @ProseDiagrams String proseAfter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Approach(@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\n]*", message = "must be one line") String name,
                           @Size(max = 20) List<@NotBlank @Size(max = ITEM_LENGTH) @ProseDiagrams String> pros,
                           @Size(max = 20) List<@NotBlank @Size(max = ITEM_LENGTH) @ProseDiagrams String> cons) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @CodeExampleDiagram
    public record CodeExample(@Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_+#.-]*", message = "must be a language name such as java or typescript") String language,
                              @Size(max = 20_000) String code,
                              @Size(max = PROSE_LENGTH) @ProseDiagrams String caption,
                              @Size(max = PROSE_LENGTH) @ProseDiagrams String proseAfter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deployment(@Size(max = 20) List<@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\n]*", message = "must be one line") String> stages,
                             @MermaidDiagram @Size(max = 20_000) String diagram,
                             @Size(max = PROSE_LENGTH) @ProseDiagrams String prose,
                             @Size(max = PROSE_LENGTH) @ProseDiagrams String proseAfter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Results(@Size(max = 50) List<@NotBlank @Size(max = ITEM_LENGTH) @ProseDiagrams String> technicalMetrics,
                          @Size(max = 50) List<@NotBlank @Size(max = ITEM_LENGTH) @ProseDiagrams String> businessValue,
                          @Size(max = 50) List<@NotBlank @Size(max = ITEM_LENGTH) @ProseDiagrams String> roi,
                          @Size(max = PROSE_LENGTH) @ProseDiagrams String prose,
                          @Size(max = PROSE_LENGTH) @ProseDiagrams String proseAfter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lessons(@Size(max = 50) List<@NotBlank @Size(max = ITEM_LENGTH) @ProseDiagrams String> insights,
                          @Size(max = 50) List<@NotBlank @Size(max = ITEM_LENGTH) @ProseDiagrams String> paidOff,
                          @Size(max = 50) List<@NotBlank @Size(max = ITEM_LENGTH) @ProseDiagrams String> failed,
                          @Size(max = 50) List<@NotBlank @Size(max = ITEM_LENGTH) @ProseDiagrams String> doDifferently,
                          @Size(max = 50) List<@NotBlank @Size(max = ITEM_LENGTH) @ProseDiagrams String> decisions,
                          @Size(max = PROSE_LENGTH) @ProseDiagrams String prose,
                          @Size(max = PROSE_LENGTH) @ProseDiagrams String proseAfter) {
    }
}
