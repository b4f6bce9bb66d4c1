package dev.casebook.casestudy;

import java.util.UUID;

/** Case studies as clients send them. */
final class Documents {

    private Documents() {
    }

    /** Every section filled in; {@code title} varies so that slugs do not collide between tests. */
    static String full(String title) {
        return """
                {
                  "title": "%s",
                  "client": {"name": "Acme Retail", "industry": "Retail"},
                  "summary": "Acme's checkout fell over every Black Friday.\\n\\nWe rebuilt it as **event-driven** services.",
                  "challenge": {
                    "technicalContext": "A monolith on one database.",
                    "painPoints": ["Timeouts at peak", "Deploys took a day"],
                    "limitations": ["Vertical scaling only"]
                  },
                  "architecture": {
                    "description": "Requests enter through a gateway.",
                    "diagram": "flowchart TD\\n    A[Client] --> B[Gateway]"
                  },
                  "techStack": {
                    "frontend": ["React", "TypeScript"],
                    "backend": ["Java 17", "Quarkus"],
                    "infrastructure": ["PostgreSQL", "Kafka"],
                    "testing": ["JUnit", "REST Assured"]
                  },
                  "components": {
                    "description": "Three services share one database.",
                    "diagram": "graph LR\\n    A[Orders] -- \\"Async Events\\" --> B[Payments]"
                  },
                  "challenges": [{
                    "title": "Consistency across services",
                    "approaches": [
                      {"name": "Two-phase commit", "pros": ["Strong consistency"], "cons": ["Blocks on failure", "Slow"]},
                      {"name": "Transactional outbox", "pros": ["No distributed locks"], "cons": ["Eventual consistency"]}
                    ],
                    "finalSolution": "Transactional outbox with idempotent consumers."
                  }],
                  "codeExample": {
                    "language": "java",
                    "code": "outbox.record(topic, id, type, subject, data);",
                    "caption": "Every change writes its event in the same transaction."
                  },
                  "deployment": {"stages": ["CI Pipeline", "Automated Tests", "Staging", "Production"]},
                  "results": {
                    "technicalMetrics": ["p99 latency down 60%%"],
                    "businessValue": ["No lost orders on Black Friday"],
                    "roi": ["Paid back in 4 months"]
                  },
                  "lessons": {
                    "insights": ["Measure before you cut"],
                    "paidOff": ["Idempotent consumers"],
                    "failed": ["Shared caches"],
                    "doDifferently": ["Start with the outbox"]
                  },
                  "tags": ["checkout", "event-driven"]
                }
                """.formatted(title);
    }

    static String minimal(String title) {
        return "{\"title\": \"" + title + "\", \"summary\": \"A short summary.\"}";
    }

    static String uniqueTitle(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
