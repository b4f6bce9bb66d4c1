package dev.casebook.casestudy.markdown;

/**
 * Something an import kept in another form than the writer may expect, most often text kept as a section's prose
 * because it is not one of the section's structured fields. Nothing is left out in silence: every such choice is
 * named in the import's answer.
 *
 * @param section the template's heading of the section, such as {@code Business Challenge}
 * @param line    the line of the Markdown the note is about, counted from 1
 * @param note    what was done, in the writer's terms
 */
public record ImportNote(String section, int line, String note) {
}
