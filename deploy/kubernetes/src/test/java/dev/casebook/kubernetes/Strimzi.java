package dev.casebook.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * The parts of Strimzi's KafkaTopic and KafkaUser (kafka.strimzi.io/v1beta2) that Casebook uses, as records: a field
 * not named here is refused when read, so a typo in a topic's config key or an ACL fails a test instead of a deploy.
 */
final class Strimzi {

    private Strimzi() {
    }

    record Metadata(String name, String namespace, Map<String, String> labels) {
    }

    record KafkaTopic(String apiVersion, String kind, Metadata metadata, TopicSpec spec) {
    }

    record TopicSpec(String topicName, int partitions, int replicas, Map<String, String> config) {
    }

    record KafkaUser(String apiVersion, String kind, Metadata metadata, UserSpec spec) {
    }

    record UserSpec(Authentication authentication, Authorization authorization) {
    }

    record Authentication(String type) {
    }

    record Authorization(String type, List<Acl> acls) {
    }

    /** One grant: operations on a resource, from any host. */
    record Acl(Resource resource, List<String> operations, String host) {
    }

    /** {@code type} topic or group; {@code patternType} literal or prefix. */
    record Resource(String type, String name, String patternType) {
    }
}
