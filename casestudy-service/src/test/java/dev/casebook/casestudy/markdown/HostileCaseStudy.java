package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.contract.CaseStudyDocument.Approach;
import dev.casebook.casestudy.contract.CaseStudyDocument.BusinessChallenge;
import dev.casebook.casestudy.contract.CaseStudyDocument.Client;
import dev.casebook.casestudy.contract.CaseStudyDocument.CodeExample;
import dev.casebook.casestudy.contract.CaseStudyDocument.Deployment;
import dev.casebook.casestudy.contract.CaseStudyDocument.Diagrammed;
import dev.casebook.casestudy.contract.CaseStudyDocument.Lessons;
import dev.casebook.casestudy.contract.CaseStudyDocument.TechStack;
import dev.casebook.casestudy.contract.CaseStudyDocument.TechnicalChallenge;
import dev.casebook.casestudy.contract.MetricRow;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A case study that a writer with bad intent could save: raw HTML, links to {@code javascript:}, {@code data:} and
 * {@code vbscript:}, autolinks, a reference defined in one section and used in another, an HTML comment left open,
 * links revealed by dropping others, in every kind of field the Markdown shows, and code that must stay as written.
 */
public final class HostileCaseStudy {

    /** Raw HTML and unsafe links, each on a line of its own. */
    public static final List<String> ATTACKS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">a tag</a>",
            "<svg/onload=alert(1)>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<<script>script>alert(1)<</script>/script>",
            "[inline](javascript:alert(1))",
            "[mixed case](JaVaScRiPt:alert(1))",
            "[entity tab](java&#9;script:alert(1))",
            "[colon entity](javascript&colon;alert(1))",
            "[pointy](<javascript:alert(1)>)",
            "[titled](javascript:alert(1) \"title\")",
            "[vb](vbscript:msgbox(1))",
            "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "<javascript:alert(1)>",
            "[by reference][evil] and [evil]",
            "[[revealed](javascript:alert(1))](javascript:alert(2))",
            "[![nested](javascript:alert(1))](javascript:alert(2))");

    private HostileCaseStudy() {
    }

    /** Every attack in prose, and the one-line ones in titles, items, stages and the metrics table. */
    public static CaseStudyDocument document() {
        String prose = String.join("\n\n", ATTACKS);
        String oneLine = "<script>alert(1)</script> [x](javascript:alert(1))";
        return new CaseStudyDocument(
                "Hostile <script>alert(1)</script>",
                null,
                new Client("Evil \"Corp\"\n---\nslug: taken\n<script>alert(1)</script>", "Security: \"red\" team"),
                prose + "\n\nCode stays as written: `List<String>` and `<b>`.\n\n<!-- an HTML comment never closed",
                new BusinessChallenge(oneLine, List.of(oneLine, "<div>\n<script>alert(1)</script>\n</div>"), null,
                        "<div onclick=\"alert(1)\">\n\n*a block of HTML*\n\n</div>", null),
                new Diagrammed("<style>body { display: none }</style>", "graph TD\n    A[\"#lt;script#gt;\"] --> B", null),
                new TechStack(List.of("<script>alert(1)</script>"), null, null, null, null, null),
                null,
                List.of(new TechnicalChallenge("<img src=x onerror=alert(1)>",
                        List.of(new Approach("<script>alert(1)</script>", List.of(oneLine), null)), oneLine, null, null, null)),
                new CodeExample("java", "List<String> names = List.of(\"<script>\");", "A caption <script>alert(1)</script>", null),
                new Deployment(List.of("<script>alert(1)</script>", "Production"), null, null, null),
                null,
                new Lessons(List.of(oneLine), null, null, null, null, null, "[evil]: javascript:alert(1)\n\n" + oneLine),
                List.of("<script>", "tag"),
                null, null, null);
    }

    public static List<MetricRow> metrics() {
        return List.of(new MetricRow("<script>alert(1)</script>", "ms", new BigDecimal("120"), new BigDecimal("45"), "LOWER",
                new BigDecimal("62.5"), null));
    }

    /** Raw HTML, and links and images to anything but the safe destinations, as commonmark reads {@code markdown}. */
    public static List<String> unsafeParts(String markdown) {
        List<String> unsafe = new ArrayList<>();
        Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                unsafe.add("inline HTML " + html.getLiteral());
            }

            @Override
            public void visit(HtmlBlock html) {
                unsafe.add("HTML block " + html.getLiteral());
            }

            @Override
            public void visit(Link link) {
                check(link, link.getDestination());
            }

            @Override
            public void visit(Image image) {
                check(image, image.getDestination());
            }

            private void check(Node node, String destination) {
                if (!LinkDestinations.safe(destination)) {
                    unsafe.add("link to " + destination);
                }
                visitChildren(node);
            }
        });
        return unsafe;
    }
}
