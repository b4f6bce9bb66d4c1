package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.domain.CaseStudyDocument.Approach;
import dev.casebook.casestudy.domain.CaseStudyDocument.TechnicalChallenge;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Draws the template's diagrams for sections that have none of their own: a challenge branching into
 * its approaches, their pros and cons, and the final solution; deployment stages from left to right.
 */
@ApplicationScoped
public class TemplateDiagrams {

    public String challenge(TechnicalChallenge challenge) {
        StringBuilder mermaid = new StringBuilder("graph TD\n");
        mermaid.append("    C[").append(label(challenge.title())).append("]\n");
        List<Approach> approaches = challenge.approaches() == null ? List.of() : challenge.approaches();
        for (int i = 0; i < approaches.size(); i++) {
            Approach approach = approaches.get(i);
            String id = "A" + (i + 1);
            mermaid.append("    C --> ").append(id).append("[").append(label(approach.name())).append("]\n");
            mermaid.append("    ").append(id).append(" --> R").append(i + 1).append("[")
                    .append(label(outcome(approach))).append("]\n");
            if (challenge.finalSolution() != null) {
                mermaid.append("    R").append(i + 1).append(" --> F\n");
            }
        }
        if (challenge.finalSolution() != null) {
            if (approaches.isEmpty()) {
                mermaid.append("    C --> F\n");
            }
            mermaid.append("    F[Final Solution: ").append(label(firstLine(challenge.finalSolution()))).append("]\n");
        }
        return mermaid.toString().stripTrailing();
    }

    public String pipeline(List<String> stages) {
        StringBuilder mermaid = new StringBuilder("flowchart LR");
        for (int i = 0; i < stages.size(); i++) {
            mermaid.append("\n    S").append(i + 1).append("[").append(label(stages.get(i))).append("]");
            if (i > 0) {
                mermaid.append("\n    S").append(i).append(" --> S").append(i + 1);
            }
        }
        return mermaid.toString();
    }

    private static String outcome(Approach approach) {
        int pros = approach.pros() == null ? 0 : approach.pros().size();
        int cons = approach.cons() == null ? 0 : approach.cons().size();
        return "Result: " + pros + (pros == 1 ? " pro" : " pros") + " / " + cons + (cons == 1 ? " con" : " cons");
    }

    private static String firstLine(String text) {
        String line = text.strip().split("\n", 2)[0];
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    // Mermaid node labels end at brackets and break on quotes: keep them out.
    private static String label(String text) {
        return text.replaceAll("[\\[\\]{}()\"|<>]", " ").replaceAll("\\s+", " ").strip();
    }
}
