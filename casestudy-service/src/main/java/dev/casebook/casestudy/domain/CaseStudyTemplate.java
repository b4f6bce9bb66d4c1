package dev.casebook.casestudy.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one template every case study follows, as shipped with the service. */
@ApplicationScoped
public class CaseStudyTemplate {

    private static final String RESOURCE = "/templates/case-study-template.md";

    private final String markdown;

    public CaseStudyTemplate() {
        try (InputStream in = CaseStudyTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the service");
            }
            markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String markdown() {
        return markdown;
    }
}
