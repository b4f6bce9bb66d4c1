package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.contract.CaseStudyDocument.Approach;
import dev.casebook.casestudy.contract.CaseStudyDocument.TechnicalChallenge;
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

    public String challenge(TechnicalChallenge challenge) {
        List<String> lines = new ArrayList<>();
        lines.add("graph TD");
        List<Approach> approaches = challenge.approaches() == null ? List.of() : challenge.approaches();
        String title = "C[" + label(challenge.title()) + "]";
        String solution = challenge.finalSolution() == null ? null : "F[" + label("Final Solution: " + challenge.finalSolution()) + "]";
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

    /**
     * A node label in mermaid's quoted form, every character kept: mermaid's entity codes stand for the characters
     * that would end the label or be read as markup ({@code "}, {@code #}, {@code <}, {@code >}, {@code &}, a backtick),
     * and for a {@code %} before another, so that no label holds a mermaid comment or directive ({@code %%{init: …}%%}).
     * Line breaks become spaces; nothing is cut.
     */
    static String label(String text) {
        StringBuilder label = new StringBuilder(text.length() + 8).append('"');
        boolean blank = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!blank) {
                    label.append(' ');
                }
                blank = true;
                continue;
            }
            blank = false;
            switch (c) {
                case '"' -> label.append("#quot;");
                case '#' -> label.append("#35;");
                case '<' -> label.append("#lt;");
                case '>' -> label.append("#gt;");
                case '&' -> label.append("#amp;");
                case '`' -> label.append("#96;");
                case '%' -> label.append(i + 1 < text.length() && text.charAt(i + 1) == '%' ? "#37;" : "%");
                default -> label.append(c);
            }
        }
        return label.append('"').toString();
    }
}
