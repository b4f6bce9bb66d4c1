package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.CaseStudyDocument;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Which sections of a case study a change touched, by their JSON names. */
final class DocumentChanges {

    private static final RecordComponent[] SECTIONS = CaseStudyDocument.class.getRecordComponents();

    private DocumentChanges() {
    }

    static List<String> sections() {
        return Arrays.stream(SECTIONS).map(RecordComponent::getName).toList();
    }

    static List<String> between(CaseStudyDocument before, CaseStudyDocument after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent section : SECTIONS) {
            if (!Objects.equals(value(section, before), value(section, after))) {
                changed.add(section.getName());
            }
        }
        return changed;
    }

    private static Object value(RecordComponent section, CaseStudyDocument document) {
        try {
            return section.getAccessor().invoke(document);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
