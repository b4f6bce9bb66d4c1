package dev.casebook.devstack;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what on Casebook's Kafka, in one table: every topic with its settings, every principal, and what each
 * principal may write and read. An event is trusted because only its owner can write its topic; everything here is
 * denied unless granted ({@code allow.everyone.if.no.acl.found=false}). The README's "Kafka security" section shows
 * the same table, for a managed or Strimzi cluster.
 */
public final class KafkaAccess {

    /**
     * A topic as Casebook declares it; the broker creates no topic by itself. One description for the devstack, which
     * creates it so, and for an operator's (a Strimzi {@code KafkaTopic}): the README's "Topics" table is this list.
     *
     * @param name       the topic
     * @param partitions as many as the replicas of its busiest consumer, so that each has a share
     * @param key        what the record key is: records of one key keep their order on one partition
     * @param carries    what a record is, in a few words
     * @param configs    topic settings besides the broker's defaults: the cleanup policy and how long records stay
     */
    public record Topic(String name, int partitions, String key, String carries, Map<String, String> configs) {

        /** {@code delete} or {@code compact}. */
        public String cleanupPolicy() {
            return configs.get(CLEANUP_POLICY);
        }

        /** How long a record stays; none for a compacted topic, whose latest record per key stays for ever. */
        public Optional<Duration> retention() {
            return Optional.ofNullable(configs.get(RETENTION_MS)).map(ms -> Duration.ofMillis(Long.parseLong(ms)));
        }

        /** The principals that may write it. */
        public List<String> writers() {
            return PRINCIPALS.stream().filter(principal -> principal.writes().contains(name)).map(Principal::name).toList();
        }

        /** The principals that may read it. */
        public List<String> readers() {
            return PRINCIPALS.stream().filter(principal -> principal.reads().contains(name)).map(Principal::name).toList();
        }
    }

    /** What one principal may do: write these topics, read those (in these consumer groups, if any). */
    public record Principal(String name, List<String> writes, List<String> reads, List<String> groups) {
    }

    /** Three replicas of each service is what the connection budget and the README plan for: one partition each. */
    private static final int PARTITIONS = 3;
    static final String CLEANUP_POLICY = "cleanup.policy";
    static final String RETENTION_MS = "retention.ms";
    /** Events: a subscriber that is away for up to a week catches up from where it stopped. */
    private static final Duration EVENTS_RETENTION = Duration.ofDays(7);
    /** Raw samples are taken in within seconds; a day covers a metrics-service outage. */
    private static final Duration SAMPLES_RETENTION = Duration.ofDays(1);
    /** Dead letters wait for an operator, over a long weekend and more. */
    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

    public static final String CASESTUDY_EVENTS = "casestudy.events";
    public static final String METRICS_EVENTS = "metrics.events";
    public static final String METRICS_SAMPLES = "metrics.samples";
    /** Revocations, keyed by user id; compacted so that the latest word on each user stays for ever. */
    public static final String AUTH_EVENTS = "auth.events";
    /** Where a consumer of {@code topic} puts a record it can never apply. */
    public static String deadLetters(String topic) {
        return topic + ".dlq";
    }

    public static final List<Topic> TOPICS = List.of(
            deleted(CASESTUDY_EVENTS, "case study id", "a case study's lifecycle event (CloudEvent)", EVENTS_RETENTION),
            deleted(METRICS_EVENTS, "case study id", "a case study's metrics table, whole (CloudEvent)", EVENTS_RETENTION),
            deleted(METRICS_SAMPLES, "case study id", "raw samples: one, or an array", SAMPLES_RETENTION),
            new Topic(AUTH_EVENTS, PARTITIONS, "user id", "a user's access change (CloudEvent)",
                    Map.of(CLEANUP_POLICY, "compact")),
            deadLetter(CASESTUDY_EVENTS),
            deadLetter(METRICS_EVENTS),
            deadLetter(METRICS_SAMPLES));

    public static final String AUTH_SERVICE = "auth-service";
    public static final String CASESTUDY_SERVICE = "casestudy-service";
    public static final String METRICS_SERVICE = "metrics-service";
    public static final String GATEWAY = "gateway";
    /** Load-testing tools and the benchmark: they write raw samples and nothing else. */
    public static final String SAMPLES_PRODUCER = "samples-producer";
    /** Other teams' subscribers (and the benchmark's): they read Casebook's events and write nothing. */
    public static final String EVENTS_READER = "events-reader";

    // auth.events is read by every instance with assign() (all partitions, no consumer group): Read on the topic only.
    public static final List<Principal> PRINCIPALS = List.of(
            new Principal(AUTH_SERVICE, List.of(AUTH_EVENTS), List.of(AUTH_EVENTS), List.of()),
            new Principal(CASESTUDY_SERVICE, List.of(CASESTUDY_EVENTS, deadLetters(METRICS_EVENTS)),
                    List.of(METRICS_EVENTS, AUTH_EVENTS), List.of("casestudy-service")),
            new Principal(METRICS_SERVICE, List.of(METRICS_EVENTS, deadLetters(CASESTUDY_EVENTS), deadLetters(METRICS_SAMPLES)),
                    List.of(CASESTUDY_EVENTS, METRICS_SAMPLES, AUTH_EVENTS),
                    List.of("metrics-service.case-studies", "metrics-service.samples")),
            new Principal(GATEWAY, List.of(), List.of(AUTH_EVENTS), List.of()),
            new Principal(SAMPLES_PRODUCER, List.of(METRICS_SAMPLES), List.of(), List.of()),
            new Principal(EVENTS_READER, List.of(), List.of(CASESTUDY_EVENTS, METRICS_EVENTS), List.of(EVENTS_READER + ".")));

    private KafkaAccess() {
    }

    public static Principal principal(String name) {
        return PRINCIPALS.stream().filter(principal -> principal.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Kafka principal " + name));
    }

    public static boolean isPrincipal(String name) {
        return PRINCIPALS.stream().anyMatch(principal -> principal.name().equals(name));
    }

    /**
     * The ACLs of every principal. Write and Read imply Describe; an idempotent producer needs no cluster right
     * since Kafka 3.0 (KIP-679). A group ending in '.' is a prefix: other teams name their groups
     * {@code events-reader.<their service>}.
     */
    static Set<AclBinding> acls() {
        Set<AclBinding> acls = new LinkedHashSet<>();
        for (Principal principal : PRINCIPALS) {
            for (String topic : principal.writes()) {
                acls.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.WRITE));
            }
            for (String topic : principal.reads()) {
                acls.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.READ));
            }
            for (String group : principal.groups()) {
                acls.add(allow(principal, ResourceType.GROUP, group, AclOperation.READ));
            }
        }
        return acls;
    }

    private static AclBinding allow(Principal principal, ResourceType type, String name, AclOperation operation) {
        PatternType pattern = name.endsWith(".") ? PatternType.PREFIXED : PatternType.LITERAL;
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + principal.name(), "*", operation, AclPermissionType.ALLOW));
    }

    private static Topic deleted(String name, String key, String carries, Duration retention) {
        return new Topic(name, PARTITIONS, key, carries,
                Map.of(CLEANUP_POLICY, "delete", RETENTION_MS, String.valueOf(retention.toMillis())));
    }

    private static Topic deadLetter(String topic) {
        return deleted(deadLetters(topic), "the record's own", "a record of " + topic + " that could not be applied, "
                + "with its reason in the dead-letter-reason header", DEAD_LETTER_RETENTION);
    }
}
