package dev.casebook.casestudy.markdown;

import dev.casebook.platform.problem.ProblemException;

import java.util.List;

/** The section being read: where its text comes from, where it starts, and where its notes go. */
record SectionContext(MarkdownSource source, String section, int line, List<ImportNote> notes) {

    SectionContext within(String subsection, int subsectionLine) {
        return new SectionContext(source, section + " / " + subsection, subsectionLine, notes);
    }

    void note(int atLine, String note) {
        notes.add(new ImportNote(section, atLine, note));
    }

    ProblemException problem(int atLine, String detail) {
        return problem(section, atLine, detail);
    }

    /** A 422 naming the section and the line: the document is not written in the template there. */
    static ProblemException problem(String section, int line, String detail) {
        return new ProblemException(422, "Line " + line + ", " + section + ": " + detail)
                .with("section", section)
                .with("line", line);
    }
}
