package dev.kafkaworkbook.kit.operations;

import dev.kafkaworkbook.kit.grading.Cluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Where partitions begin and end, as the broker says: for checks about lag, deletions and moves. */
public final class Offsets {

    private Offsets() {
    }

    /** The log-end offset of every partition of {@code topic}: where its next record will be written. */
    public static Map<TopicPartition, Long> latest(Admin admin, String topic) {
        return of(admin, partitions(admin, topic), OffsetSpec.latest());
    }

    /** The log start offset of every partition of {@code topic}: its first readable record. */
    public static Map<TopicPartition, Long> earliest(Admin admin, String topic) {
        return of(admin, partitions(admin, topic), OffsetSpec.earliest());
    }

    /** The log-end offset of each of {@code partitions}. */
    public static Map<TopicPartition, Long> latest(Admin admin, Collection<TopicPartition> partitions) {
        return of(admin, partitions, OffsetSpec.latest());
    }

    private static Map<TopicPartition, Long> of(Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        Map<TopicPartition, Long> offsets = new TreeMap<>(Partitions.ORDER);
        Cluster.get(admin.listOffsets(request).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** Every partition of {@code topic}, in order. */
    public static java.util.List<TopicPartition> partitions(Admin admin, String topic) {
        return Cluster.get(admin.describeTopics(java.util.List.of(topic)).allTopicNames()).get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }
}
