package dev.casebook.kubernetes;

import dev.casebook.devstack.KafkaAccess;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Kafka operator's cluster gets exactly what the devstack's broker has (deploy/devstack KafkaAccess): each topic as
 * a KafkaTopic with its partitions, cleanup and retention, each principal as a KafkaUser with exactly its ACLs.
 */
class KafkaResourcesTest {

    private final Manifests base = Base.all();

    @Test
    void everyTopicIsAKafkaTopicWithItsSettings() {
        Set<String> declared = KafkaAccess.TOPICS.stream().map(KafkaAccess.Topic::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> resources = base.topics().stream().map(t -> t.spec().topicName()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, resources, "a KafkaTopic for each topic of KafkaAccess.TOPICS, and no other");
        for (KafkaAccess.Topic topic : KafkaAccess.TOPICS) {
            Strimzi.TopicSpec spec = base.topics().stream().filter(t -> t.spec().topicName().equals(topic.name()))
                    .findFirst().orElseThrow().spec();
            assertEquals(topic.partitions(), spec.partitions(), topic.name() + " partitions");
            assertEquals(topic.configs(), spec.config(), topic.name() + " cleanup and retention");
            assertEquals(3, spec.replicas(), topic.name() + " is kept on three brokers");
        }
    }

    @Test
    void everyPrincipalIsAKafkaUserWithExactlyItsAcls() {
        Set<String> declared = KafkaAccess.PRINCIPALS.stream().map(KafkaAccess.Principal::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> resources = base.users().stream().map(u -> u.metadata().name()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, resources, "a KafkaUser for each principal of KafkaAccess.PRINCIPALS, and no other");
        for (KafkaAccess.Principal principal : KafkaAccess.PRINCIPALS) {
            Strimzi.KafkaUser user = base.users().stream().filter(u -> u.metadata().name().equals(principal.name()))
                    .findFirst().orElseThrow();
            assertEquals("scram-sha-512", user.spec().authentication().type(), principal.name() + " logs in with SCRAM");
            assertEquals("simple", user.spec().authorization().type());
            assertEquals(expected(principal), granted(user), principal.name() + "'s ACLs");
        }
    }

    /** As the devstack grants them: Write on its topics, Read on the topics it reads and on its groups. */
    private static Set<String> expected(KafkaAccess.Principal principal) {
        Set<String> acls = new TreeSet<>();
        principal.writes().forEach(topic -> acls.add(acl("topic", topic, "Write")));
        principal.reads().forEach(topic -> acls.add(acl("topic", topic, "Read")));
        principal.groups().forEach(group -> acls.add(acl("group", group, "Read")));
        return acls;
    }

    private static Set<String> granted(Strimzi.KafkaUser user) {
        Set<String> acls = new TreeSet<>();
        for (Strimzi.Acl acl : user.spec().authorization().acls()) {
            assertEquals("*", acl.host(), "from any host, as the devstack grants");
            String pattern = acl.resource().name().endsWith(".") ? "prefix" : "literal";
            assertEquals(pattern, acl.resource().patternType(), acl.resource().name());
            acl.operations().forEach(operation -> acls.add(acl(acl.resource().type(), acl.resource().name(), operation)));
        }
        return acls;
    }

    private static String acl(String type, String name, String operation) {
        return operation + " " + type + " " + name;
    }
}
