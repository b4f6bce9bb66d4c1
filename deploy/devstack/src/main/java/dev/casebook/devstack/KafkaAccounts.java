package dev.casebook.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Applies {@link KafkaAccess} to an embedded broker, as its super user: creates the topics that are missing and sets
 * the declared settings of all of them, gives every principal a SCRAM login with a fresh password (nothing to keep
 * between runs, as {@link ServiceRoles} does for the database), and grants the ACLs. All of it may run again on the
 * same data directory, one from before authentication included.
 */
public final class KafkaAccounts {

    private static final int SCRAM_ITERATIONS = 4096; // the least Kafka takes; each login costs this many hashes on a small machine
    private static final long WAIT_SECONDS = 30;

    private KafkaAccounts() {
    }

    /** Topics, logins and ACLs of the whole table; answers each principal's login. */
    public static Map<String, KafkaCredentials> make(KafkaBroker broker) throws IOException {
        try (Admin admin = Admin.create(broker.adminConfig())) {
            whileMetadataSettles(() -> createTopics(admin));
            Map<String, KafkaCredentials> logins = logins(broker, admin, KafkaAccess.PRINCIPALS.stream()
                    .map(KafkaAccess.Principal::name).toList());
            admin.createAcls(KafkaAccess.acls()).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return logins;
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("Could not set up Kafka's topics, logins and ACLs: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while setting up Kafka", e);
        }
    }

    /** A login with no rights at all (no ACL names it): for tests of what the broker refuses. */
    public static KafkaCredentials withoutRights(KafkaBroker broker, String username) throws IOException {
        try (Admin admin = Admin.create(broker.adminConfig())) {
            return logins(broker, admin, List.of(username)).get(username);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("Could not make the Kafka login " + username + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while making a Kafka login", e);
        }
    }

    private interface AdminStep {
        void run() throws ExecutionException, InterruptedException, TimeoutException;
    }

    // Just after a restart the broker may still be loading the metadata log: the topics exist, but it answers
    // "does not host this topic-partition" for a moment. Such an error is retriable; the step runs again.
    private static void whileMetadataSettles(AdminStep step) throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            try {
                step.run();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void createTopics(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        List<NewTopic> topics = KafkaAccess.TOPICS.stream()
                .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs()))
                .toList();
        for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(topics).values().entrySet()) {
            try {
                created.getValue().get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        // A topic made by an earlier run (or auto-created before topics were declared) gets the declared partitions and
        // settings too. Partitions only grow: Kafka cannot take one away.
        Map<String, NewPartitions> grow = new HashMap<>();
        admin.describeTopics(KafkaAccess.TOPICS.stream().map(KafkaAccess.Topic::name).toList()).allTopicNames()
                .get(WAIT_SECONDS, TimeUnit.SECONDS).forEach((name, description) -> {
                    int declared = KafkaAccess.TOPICS.stream().filter(topic -> topic.name().equals(name)).findFirst()
                            .orElseThrow().partitions();
                    if (description.partitions().size() < declared) {
                        grow.put(name, NewPartitions.increaseTo(declared));
                    }
                });
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        Map<ConfigResource, Collection<AlterConfigOp>> settings = new HashMap<>();
        for (KafkaAccess.Topic topic : KafkaAccess.TOPICS) {
            if (!topic.configs().isEmpty()) {
                settings.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), topic.configs().entrySet().stream()
                        .map(entry -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()), AlterConfigOp.OpType.SET))
                        .toList());
            }
        }
        admin.incrementalAlterConfigs(settings).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static Map<String, KafkaCredentials> logins(KafkaBroker broker, Admin admin, List<String> usernames)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, KafkaCredentials> logins = new TreeMap<>();
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        for (String username : usernames) {
            KafkaCredentials login = new KafkaCredentials(username, Passwords.random(24));
            logins.put(username, login);
            upserts.add(new UserScramCredentialUpsertion(username,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), login.password()));
        }
        admin.alterUserScramCredentials(upserts).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        for (KafkaCredentials login : logins.values()) {
            awaitLogin(broker, login);
        }
        return logins;
    }

    // The controller has them once the call returns, the broker's login check a moment later: a login is ready once
    // it logs in.
    private static void awaitLogin(KafkaBroker broker, KafkaCredentials login) throws InterruptedException, TimeoutException {
        Map<String, Object> config = new HashMap<>(broker.clientConfig(login));
        config.put("request.timeout.ms", 3000);
        config.put("default.api.timeout.ms", 3000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        try (Admin client = Admin.create(config)) {
            while (true) {
                try {
                    client.describeCluster().nodes().get(WAIT_SECONDS, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new TimeoutException("Kafka does not take the login " + login.username() + ": " + notYet.getCause());
                    }
                    Thread.sleep(100);
                }
            }
        }
    }
}
