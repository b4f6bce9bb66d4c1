package dev.casebook.platform.testapp;

import dev.casebook.platform.events.KafkaConnection;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The test app's topic: the broker creates none by itself, and the devstack declares Casebook's only. The test app
 * connects as the broker's super user, so it may create it.
 */
@ApplicationScoped
public class NotesTopic {

    void create(@Observes StartupEvent started, KafkaConnection kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic("notes", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
