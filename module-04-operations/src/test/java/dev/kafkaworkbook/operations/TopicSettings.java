package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Cluster;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** A topic's configuration as the broker describes it, with where each value comes from. */
final class TopicSettings {

    /** A change the controller accepted reaches every broker within milliseconds; this much is a generous bound. */
    private static final Duration PROPAGATION = Duration.ofSeconds(5);

    private TopicSettings() {
    }

    static ConfigEntry entry(Cluster cluster, String topic, String name) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return Cluster.get(cluster.admin().describeConfigs(List.of(resource)).all()).get(resource).get(name);
    }

    /** True when the topic itself sets {@code name} to {@code value} (not a broker, not a default). */
    static boolean isOwn(ConfigEntry entry, String value) {
        return entry != null && entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && value.equals(entry.value());
    }

    /** Waits until the topic itself sets {@code name} to {@code value}; returns the entry as it is then, or at the bound. */
    static ConfigEntry awaitOwn(Cluster cluster, String topic, String name, String value) {
        return awaitEntry(cluster, topic, name, entry -> isOwn(entry, value));
    }

    /** Waits until {@code name} is {@code value} for the topic, wherever it is set. */
    static ConfigEntry awaitEffective(Cluster cluster, String topic, String name, String value) {
        return awaitEntry(cluster, topic, name, entry -> entry != null && value.equals(entry.value()));
    }

    private static ConfigEntry awaitEntry(Cluster cluster, String topic, String name,
                                          java.util.function.Predicate<ConfigEntry> done) {
        try {
            return await(topic + " " + name).atMost(PROPAGATION).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> entry(cluster, topic, name), done::test);
        } catch (ConditionTimeoutException notThere) {
            return entry(cluster, topic, name);
        }
    }

    /** {@code min.insync.replicas=2 (DYNAMIC_TOPIC_CONFIG)}. */
    static String show(ConfigEntry entry) {
        return entry == null ? "-" : entry.name() + "=" + entry.value() + " (" + entry.source() + ")";
    }
}
