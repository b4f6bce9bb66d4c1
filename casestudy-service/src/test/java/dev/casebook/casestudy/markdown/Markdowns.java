package dev.casebook.casestudy.markdown;

import dev.casebook.platform.problem.InputValidation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The importer and the renderer as the service wires them, without the service, and the corpus they are tested on. */
final class Markdowns {

    static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    static final CaseStudyMarkdownImport IMPORT = new CaseStudyMarkdownImport(new TemplateDiagrams(),
            new InputValidation(VALIDATOR));
    static final CaseStudyMarkdown RENDER = new CaseStudyMarkdown(new TemplateDiagrams());

    private Markdowns() {
    }

    /** Imports and renders the way a reader sees it: with the metrics table the import put on the case study. */
    static String roundTrip(String markdown, boolean frontMatter) {
        CaseStudyMarkdownImport.Imported imported = IMPORT.read(markdown);
        return RENDER.render(imported.document(), imported.metricsAsWritten(), frontMatter);
    }

    static List<Path> corpus() {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(file -> file.getFileName().toString().matches("\\d\\d-.*\\.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            String text = Files.readString(file);
            // The CRLF document is kept with LF in the repository, as git would check it out anyway.
            return file.getFileName().toString().contains("crlf") ? text.replace("\n", "\r\n") : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
