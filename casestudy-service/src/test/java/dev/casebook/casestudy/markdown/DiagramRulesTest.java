package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.contract.CaseStudyDocument.BusinessChallenge;
import dev.casebook.casestudy.contract.CaseStudyDocument.CodeExample;
import dev.casebook.casestudy.contract.CaseStudyDocument.Diagrammed;
import dev.casebook.casestudy.contract.MermaidSource;
import dev.casebook.platform.domain.FieldError;
import dev.casebook.platform.problem.InputValidation;
import jakarta.validation.Validation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** No diagram a frontend draws, in its own field or in prose, holds a mermaid directive or a click. */
class DiagramRulesTest {

    private static final InputValidation VALIDATION = new InputValidation(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    private static void refusedOnLine(String diagram, int line, String what) {
        MermaidSource.Refusal refusal = MermaidSource.refusal(diagram);
        assertThat(diagram, refusal, notNullValue());
        assertThat(diagram, refusal.line(), equalTo(line));
        assertThat(diagram, refusal.what(), containsString(what));
    }

    private static void accepted(String diagram) {
        assertThat(diagram, MermaidSource.refusal(diagram), nullValue());
    }

    @Test
    void everyDirectiveIsRefusedWhereverItStands() {
        refusedOnLine("%%{init: {'securityLevel': 'loose'}}%%\ngraph TD\n    A --> B", 1, "directive");
        refusedOnLine("graph TD\n    A --> B\n    %%{wrap}%%", 3, "directive");
        refusedOnLine("graph TD\n    A[\"label %%{init: {}}%%\"] --> B", 2, "directive");
        refusedOnLine("sequenceDiagram\r\n    A->>B: hi\r\n%%{ init: { \"theme\": \"dark\" } }%%", 3, "directive");
    }

    @Test
    void everyClickIsRefused() {
        refusedOnLine("flowchart LR\n    A --> B\n    click A callback", 3, "'click'");
        refusedOnLine("flowchart LR\n    A --> B\n    click A href \"javascript:alert(1)\"", 3, "'click'");
        refusedOnLine("flowchart LR\n    A --> B\n    click A call alert(1)", 3, "'click'");
        refusedOnLine("graph TD; A --> B; click A cb", 1, "'click'");
        refusedOnLine("graph TD\n\tCLICK A cb", 2, "'click'");
        refusedOnLine("gantt\n    task1 :t1, 2024-01-01, 1d\n    click t1 href \"javascript:alert(1)\"", 3, "'click'");
        refusedOnLine("graph TD\r\nclick A cb", 2, "'click'");
    }

    @Test
    void classAndSequenceDiagramsLinksAndCallbacksAreInteractionToo() {
        refusedOnLine("classDiagram\n    class A\n    link A \"javascript:alert(1)\"", 3, "'link'");
        refusedOnLine("classDiagram\n    class A\n    callback A \"alert\"", 3, "'callback'");
        refusedOnLine("sequenceDiagram\n    participant A\n    link A: Board @ javascript:alert(1)", 3, "'link'");
        refusedOnLine("sequenceDiagram\n    participant A\n    links A: {\"Board\": \"javascript:alert(1)\"}", 3, "'links'");
    }

    @Test
    void wordsThatOnlyLookLikeInteractionAreDiagrams() {
        accepted("graph TD\n    A[\"click here\"] --> B");
        accepted("graph TD\n    A[\"first; click here\"] --> B");
        accepted("flowchart LR\n    clickable --> B");
        accepted("flowchart LR\n    A --> link");
        accepted("%% a comment, not a directive\ngraph TD\n    A -->|\"p99 > 6 s, 100%\"| B");
    }

    @Test
    void aDiagramFieldSaysWhatItHoldsAndOnWhichLine() {
        List<FieldError> errors = VALIDATION.errorsOf(withArchitecture("%%{init: {\"securityLevel\": \"loose\"}}%%\ngraph TD\n    A --> B"), "");
        assertThat(errors.get(0).field(), equalTo("architecture.diagram"));
        assertThat(errors.get(0).message(), equalTo("must not hold a mermaid directive (%%{…}%%), as its line 1 does: "
                + "directives change mermaid's settings, its security level among them"));
        errors = VALIDATION.errorsOf(withArchitecture("graph TD\n    A --> B\n    click A callback"), "");
        assertThat(errors.get(0).message(), containsString("'click' statement, as its line 3 does"));
        assertThat(VALIDATION.errorsOf(withArchitecture("not a diagram"), "").get(0).message(), containsString("diagram kind"));
    }

    @Test
    void mermaidFencesInProseKeepTheSameRules() {
        String inQuote = "Before.\n\n> ```mermaid\n> %%{init: {\"securityLevel\": \"loose\"}}%%\n> graph TD\n> ```\n";
        String inItem = "- A point\n\n  ~~~Mermaid\n  graph TD\n      A --> B\n      click A callback\n  ~~~\n";
        List<FieldError> errors = VALIDATION.errorsOf(withChallenge(inQuote, List.of(inItem)), "");
        assertThat(errors.stream().map(FieldError::field).toList(), equalTo(List.of("challenge.painPoints[0]", "challenge.prose")));
        assertThat(errors.get(0).message(), containsString("'click' statement in a mermaid diagram, as its line 6 does"));
        assertThat(errors.get(1).message(), containsString("directive (%%{…}%%) in a mermaid diagram, as its line 4 does"));
    }

    @Test
    void proseAndOtherCodeMayTalkAboutClicks() {
        String prose = "Click Save to publish.\n\n```js\nclick(button)\n%%{not mermaid}%%\n```\n\n```mermaid\ngraph TD\n    A --> B\n```\n\n"
                + "click here, after the diagram, is prose again.\n";
        assertThat(VALIDATION.errorsOf(withChallenge(prose, null), ""), empty());
    }

    @Test
    void aCodeExampleInMermaidIsADiagram() {
        CaseStudyDocument mermaid = withCode(new CodeExample("mermaid", "graph TD\n    click A call alert(1)", null, null));
        assertThat(VALIDATION.errorsOf(mermaid, "").get(0).field(), equalTo("codeExample.code"));
        assertThat(VALIDATION.errorsOf(withCode(new CodeExample("js", "click A call alert(1)", null, null)), ""), empty());
    }

    @Test
    void theDiagramsCasebookDrawsHoldNoDirectiveWhateverTheWriterTyped() {
        String drawn = new TemplateDiagrams().pipeline(List.of("%%{init: {\"securityLevel\": \"loose\"}}%%", "Canary at 10%", "click A cb"));
        assertThat(drawn, MermaidSource.refusal(drawn), nullValue());
        assertThat(drawn, containsString("S1[\"#37;%{init: {#quot;securityLevel#quot;: #quot;loose#quot;}}#37;%\"]"));
        assertThat(drawn, containsString("\"Canary at 10%\""));
    }

    private static CaseStudyDocument withArchitecture(String diagram) {
        return new CaseStudyDocument("Diagrams", null, null, "Summary.", null, new Diagrammed(null, diagram, null),
                null, null, null, null, null, null, null, null, null, null, null);
    }

    private static CaseStudyDocument withChallenge(String prose, List<String> painPoints) {
        return new CaseStudyDocument("Diagrams", null, null, "Summary.", new BusinessChallenge(null, painPoints, null, prose, null),
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static CaseStudyDocument withCode(CodeExample code) {
        return new CaseStudyDocument("Diagrams", null, null, "Summary.", null, null, null, null, null, code,
                null, null, null, null, null, null, null);
    }
}
