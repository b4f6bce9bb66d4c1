package dev.casebook.casestudy.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.casebook.casestudy.markdown.ImportNote;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The answer to an import: the case study as it was stored, and what the import kept as prose, section by section. */
public record ImportedCaseStudyView(@JsonUnwrapped CaseStudyView caseStudy,
                                    @Schema(description = "What the import kept as its section's prose instead of structure, "
                                            + "or placed elsewhere than the writer did; empty when everything became structure")
                                    List<ImportNote> importNotes) {
}
