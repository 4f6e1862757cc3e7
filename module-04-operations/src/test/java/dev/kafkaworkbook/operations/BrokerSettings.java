package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Cluster;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One broker setting as every broker of the cluster has it, taken before the learner's code runs: afterwards, what
 * changed is named, and put back, so that a change made on the brokers (every topic's default) does not reach the
 * checks that follow on the same cluster.
 */
final class BrokerSettings implements AutoCloseable {

    private static final String CLUSTER_DEFAULT = "";

    private final Cluster cluster;
    private final String name;
    private final Map<String, ConfigEntry> before;

    private BrokerSettings(Cluster cluster, String name, Map<String, ConfigEntry> before) {
        this.cluster = cluster;
        this.name = name;
        this.before = before;
    }

    static BrokerSettings of(Cluster cluster, String name) {
        return new BrokerSettings(cluster, name, read(cluster, name));
    }

    /** {@code broker 1: min.insync.replicas=2 (DYNAMIC_DEFAULT_BROKER_CONFIG), was 1 (DEFAULT_CONFIG)}, one per change. */
    List<String> changed() {
        Map<String, ConfigEntry> now = read(cluster, name);
        List<String> changes = new ArrayList<>();
        now.forEach((broker, entry) -> {
            ConfigEntry was = before.get(broker);
            if (!Objects.equals(value(was), value(entry)) || source(was) != source(entry)) {
                changes.add((broker.equals(CLUSTER_DEFAULT) ? "cluster default" : "broker " + broker) + ": " + name + "="
                        + value(entry) + " (" + source(entry) + "), was " + value(was) + " (" + source(was) + ")");
            }
        });
        return changes;
    }

    /**
     * Puts back what changed: the cluster default as it was, and a broker's own value removed where the learner's code
     * set one. (A broker whose value only follows the cluster default needs nothing of its own.)
     */
    @Override
    public void close() {
        Map<String, ConfigEntry> now = read(cluster, name);
        Map<ConfigResource, Collection<AlterConfigOp>> restore = new LinkedHashMap<>();
        now.forEach((broker, entry) -> {
            ConfigEntry was = before.get(broker);
            boolean clusterDefault = broker.equals(CLUSTER_DEFAULT);
            ConfigEntry.ConfigSource own = clusterDefault
                    ? ConfigEntry.ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG : ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG;
            boolean changed = !Objects.equals(value(was), value(entry)) || source(was) != source(entry);
            if (!changed || (!clusterDefault && source(entry) != own)) {
                return;
            }
            restore.put(new ConfigResource(ConfigResource.Type.BROKER, broker), List.of(source(was) == own
                    ? new AlterConfigOp(new ConfigEntry(name, was.value()), AlterConfigOp.OpType.SET)
                    : new AlterConfigOp(new ConfigEntry(name, null), AlterConfigOp.OpType.DELETE)));
        });
        if (!restore.isEmpty()) {
            Cluster.get(cluster.admin().incrementalAlterConfigs(restore).all());
        }
    }

    private static Map<String, ConfigEntry> read(Cluster cluster, String name) {
        List<ConfigResource> resources = new ArrayList<>();
        resources.add(new ConfigResource(ConfigResource.Type.BROKER, CLUSTER_DEFAULT));
        cluster.brokers().orElseThrow().runningBrokers()
                .forEach(id -> resources.add(new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(id))));
        Map<ConfigResource, Config> configs = Cluster.get(cluster.admin().describeConfigs(resources).all());
        Map<String, ConfigEntry> entries = new LinkedHashMap<>();
        configs.forEach((resource, config) -> entries.put(resource.name(), config.get(name)));
        return entries;
    }

    private static String value(ConfigEntry entry) {
        return entry == null ? null : entry.value();
    }

    private static ConfigEntry.ConfigSource source(ConfigEntry entry) {
        return entry == null ? null : entry.source();
    }
}
