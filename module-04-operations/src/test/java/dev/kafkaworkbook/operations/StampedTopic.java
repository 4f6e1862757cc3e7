package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.operations.Partitions;
import dev.kafkaworkbook.kit.operations.PartitionWriter;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A topic whose records carry timestamps the grader chose, one second apart and growing with the offsets, a few hours
 * in the past; and a cutoff among them. It knows, per partition, the offset of the first record stamped at or after
 * the cutoff (every record before it is to go) and the values to keep.
 */
record StampedTopic(String name, long cutoffMs, Map<TopicPartition, Long> firstKept, List<String> kept,
                    Map<TopicPartition, String> edges) {

    private static final long SPACING_MS = 1_000;
    private static final int VALUE_BYTES = 60;

    /** Three to five partitions, each with records on both sides of the cutoff, a different number on each. */
    static StampedTopic mixed(Cluster cluster, TestData data) {
        return mixed(cluster, data, false);
    }

    /** As {@link #mixed(Cluster, TestData)}, plus a partition all older than the cutoff, one all newer, and one empty. */
    static StampedTopic everyKind(Cluster cluster, TestData data) {
        return mixed(cluster, data, true);
    }

    private static StampedTopic mixed(Cluster cluster, TestData data, boolean edgesToo) {
        int partitions = data.between(3, 5);
        long base = System.currentTimeMillis() - 3 * 3_600_000L;
        long cutoff = base + data.between(10, 20) * SPACING_MS + SPACING_MS / 2;
        Map<Integer, List<Long>> stamps = new TreeMap<>();
        for (int p = 0; p < partitions; p++) {
            // Partition p starts a few seconds later than partition 0: the first record kept sits at a different offset on each.
            long first = base + data.between(0, 8) * SPACING_MS;
            stamps.put(p, series(first, data.between(25, 40)));
        }
        if (edgesToo) {
            int old = data.between(5, 15);
            stamps.put(partitions, series(cutoff - (old + 1) * SPACING_MS, old));
            stamps.put(partitions + 1, series(cutoff + SPACING_MS / 2, data.between(5, 15)));
            stamps.put(partitions + 2, List.of());
        }
        return write(cluster, data, "cleanup", cutoff, stamps, Map.of());
    }

    /** One partition all older than the cutoff, one all newer, one empty, in a random order. */
    static StampedTopic edges(Cluster cluster, TestData data) {
        long base = System.currentTimeMillis() - 3 * 3_600_000L;
        long cutoff = base + 100 * SPACING_MS;
        List<String> kinds = new ArrayList<>(List.of("old", "new", "empty"));
        java.util.Collections.shuffle(kinds, data.random());
        Map<Integer, List<Long>> stamps = new TreeMap<>();
        Map<Integer, String> edges = new TreeMap<>();
        for (int p = 0; p < kinds.size(); p++) {
            int count = data.between(5, 20);
            stamps.put(p, switch (kinds.get(p)) {
                case "old" -> series(cutoff - (count + 1) * SPACING_MS, count);
                case "new" -> series(cutoff + SPACING_MS, count);
                default -> List.of();
            });
            edges.put(p, kinds.get(p));
        }
        return write(cluster, data, "cleanup-edges", cutoff, stamps, edges);
    }

    private static List<Long> series(long first, int count) {
        List<Long> stamps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stamps.add(first + i * SPACING_MS);
        }
        return stamps;
    }

    private static StampedTopic write(Cluster cluster, TestData data, String prefix, long cutoff,
                                      Map<Integer, List<Long>> stamps, Map<Integer, String> edges) {
        String topic = cluster.createTopic(prefix, stamps.size());
        Map<Integer, List<String>> values = PartitionWriter.writeStamped(
                cluster.producer(new StringSerializer(), new StringSerializer(), Map.of()), topic, stamps, VALUE_BYTES, data);
        Map<TopicPartition, Long> firstKept = new TreeMap<>(Partitions.ORDER);
        Map<TopicPartition, String> named = new TreeMap<>(Partitions.ORDER);
        List<String> kept = new ArrayList<>();
        stamps.forEach((p, series) -> {
            int first = (int) series.stream().filter(stamp -> stamp < cutoff).count();
            firstKept.put(new TopicPartition(topic, p), (long) first);
            kept.addAll(values.get(p).subList(first, series.size()));
            if (edges.containsKey(p)) {
                named.put(new TopicPartition(topic, p), edges.get(p) + " (" + series.size() + ")");
            }
        });
        return new StampedTopic(topic, cutoff, firstKept, kept, named);
    }

    /** The id a value begins with, to name records in feedback. */
    static String idOf(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }

    String describeEdges() {
        return edges.toString();
    }
}
