package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.domain.CaseStudyDocument.Approach;
import dev.casebook.casestudy.domain.CaseStudyDocument.TechnicalChallenge;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws the template's diagrams for sections that have none of their own: a challenge branching into
 * its approaches, each with its pros and cons, leading to the final solution; deployment stages from
 * left to right.
 */
@ApplicationScoped
public class TemplateDiagrams {

    private static final int LABEL_LENGTH = 80;

    public String challenge(TechnicalChallenge challenge) {
        List<String> lines = new ArrayList<>();
        lines.add("graph TD");
        List<Approach> approaches = challenge.approaches() == null ? List.of() : challenge.approaches();
        String title = "C[" + label(challenge.title()) + "]";
        String solution = challenge.finalSolution() == null ? null : "F[Final Solution: " + label(challenge.finalSolution()) + "]";
        if (approaches.isEmpty()) {
            lines.add("    " + title + (solution == null ? "" : " --> " + solution));
        }
        for (int i = 0; i < approaches.size(); i++) {
            Approach approach = approaches.get(i);
            String approachNode = "A" + (i + 1);
            String resultNode = "R" + (i + 1);
            lines.add("    " + (i == 0 ? title : "C") + " --> " + approachNode + "[" + label(approach.name()) + "]");
            lines.add("    " + approachNode + " --> " + resultNode + "[" + label(outcome(approach)) + "]");
        }
        for (int i = 0; i < approaches.size() && solution != null; i++) {
            lines.add("    R" + (i + 1) + " --> " + (i == 0 ? solution : "F"));
        }
        return String.join("\n", lines);
    }

    public String pipeline(List<String> stages) {
        List<String> lines = new ArrayList<>();
        lines.add("flowchart LR");
        if (stages.size() == 1) {
            lines.add("    S1[" + label(stages.get(0)) + "]");
        }
        for (int i = 1; i < stages.size(); i++) {
            String from = i == 1 ? "S1[" + label(stages.get(0)) + "]" : "S" + i;
            lines.add("    " + from + " --> S" + (i + 1) + "[" + label(stages.get(i)) + "]");
        }
        return String.join("\n", lines);
    }

    private static String outcome(Approach approach) {
        String pros = approach.pros() == null ? "none" : String.join(", ", approach.pros());
        String cons = approach.cons() == null ? "none" : String.join(", ", approach.cons());
        return "Pros: " + pros + " / Cons: " + cons;
    }

    // Mermaid node labels end at brackets and break on quotes; long labels make unreadable boxes.
    private static String label(String text) {
        String plain = text.replaceAll("[\\[\\]{}()\"|<>#;]", " ").replaceAll("\\s+", " ").strip();
        return plain.length() <= LABEL_LENGTH ? plain : plain.substring(0, LABEL_LENGTH - 3).stripTrailing() + "...";
    }
}
