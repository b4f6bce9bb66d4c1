package dev.casebook.casestudy.markdown;

/** The headings and list labels of the template, shared by rendering and import so they cannot drift apart. */
final class Labels {

    static final String TITLE_PREFIX = "Case Study: ";
    static final String EXECUTIVE_SUMMARY = "Executive Summary";
    static final String BUSINESS_CHALLENGE = "Business Challenge";
    static final String TECHNICAL_CONTEXT = "Technical context";
    static final String PAIN_POINTS = "Pain points";
    static final String LIMITATIONS = "Limitations of existing solution";
    static final String SOLUTION_ARCHITECTURE = "Solution Architecture";
    static final String TECHNICAL_IMPLEMENTATION = "Technical Implementation";
    static final String TECHNOLOGY_STACK = "Technology Stack";
    static final String FRONTEND = "Frontend";
    static final String BACKEND = "Backend";
    static final String INFRASTRUCTURE = "Infrastructure";
    static final String TESTING = "Testing";
    static final String KEY_COMPONENTS = "Key Technical Components";
    static final String PERFORMANCE_METRICS = "Performance Metrics";
    static final String CHALLENGES = "Technical Challenges & Solutions";
    static final String APPROACH = "Approach";
    static final String PRO = "Pro";
    static final String CON = "Con";
    static final String FINAL_SOLUTION = "Final solution";
    static final String CODE_EXAMPLE = "Code Example";
    static final String DEPLOYMENT_STRATEGY = "Deployment Strategy";
    static final String RESULTS = "Results & Business Impact";
    static final String TECHNICAL_METRICS = "Technical metrics achieved";
    static final String BUSINESS_VALUE = "Business value delivered";
    static final String ROI = "ROI statistics";
    static final String LESSONS = "Lessons Learned";
    static final String INSIGHTS = "Technical insights";
    static final String PAID_OFF = "Architecture decisions that paid off";
    static final String FAILED = "Architecture decisions that failed";
    /** The template's own label, for writers who keep both kinds of decision in one list. */
    static final String DECISIONS = "Architecture decisions that paid off/failed";
    static final String DO_DIFFERENTLY = "What we would do differently next time";

    private Labels() {
    }
}
