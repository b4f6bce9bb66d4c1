package dev.casebook.devstack;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what on Casebook's Kafka, in one table: every topic with its settings, every principal, and what each
 * principal may write and read. An event is trusted because only its owner can write its topic; everything here is
 * denied unless granted ({@code allow.everyone.if.no.acl.found=false}). The README's "Kafka security" section shows
 * the same table, for a managed or Strimzi cluster.
 */
public final class KafkaAccess {

    /** A topic as Casebook declares it; the broker creates no topic by itself. */
    public record Topic(String name, int partitions, Map<String, String> configs) {
    }

    /** What one principal may do: write these topics, read those (in these consumer groups, if any). */
    public record Principal(String name, List<String> writes, List<String> reads, List<String> groups) {
    }

    private static final int PARTITIONS = 3;

    public static final String CASESTUDY_EVENTS = "casestudy.events";
    public static final String METRICS_EVENTS = "metrics.events";
    public static final String METRICS_SAMPLES = "metrics.samples";
    /** Revocations, keyed by user id; compacted so that the latest word on each user stays for ever. */
    public static final String AUTH_EVENTS = "auth.events";

    public static final List<Topic> TOPICS = List.of(
            topic(CASESTUDY_EVENTS),
            topic(METRICS_EVENTS),
            topic(METRICS_SAMPLES),
            new Topic(AUTH_EVENTS, PARTITIONS, Map.of("cleanup.policy", "compact")),
            topic(CASESTUDY_EVENTS + ".dlq"),
            topic(METRICS_EVENTS + ".dlq"),
            topic(METRICS_SAMPLES + ".dlq"));

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
            new Principal(CASESTUDY_SERVICE, List.of(CASESTUDY_EVENTS, METRICS_EVENTS + ".dlq"),
                    List.of(METRICS_EVENTS, AUTH_EVENTS), List.of("casestudy-service")),
            new Principal(METRICS_SERVICE, List.of(METRICS_EVENTS, CASESTUDY_EVENTS + ".dlq", METRICS_SAMPLES + ".dlq"),
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

    private static Topic topic(String name) {
        return new Topic(name, PARTITIONS, Map.of());
    }
}
