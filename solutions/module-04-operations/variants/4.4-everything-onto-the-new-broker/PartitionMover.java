package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Exercise 4.4, a plausible wrong answer: every partition gets the new broker in place of its first replica. */
public final class PartitionMover {

    private PartitionMover() {
    }

    public static Map<TopicPartition, List<Integer>> plan(Map<TopicPartition, List<Integer>> current, Set<Integer> brokers) {
        java.util.Set<Integer> used = new java.util.HashSet<>();
        current.values().forEach(used::addAll);
        int added = brokers.stream().filter(b -> !used.contains(b)).findFirst().orElseThrow();
        Map<TopicPartition, List<Integer>> plan = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        current.forEach((partition, replicas) -> {
            List<Integer> moved = new ArrayList<>(replicas);
            moved.set(0, added);
            plan.put(partition, moved);
        });
        return plan;
    }

    public static void execute(Admin admin, Map<TopicPartition, List<Integer>> plan, long timeoutMs) throws Exception {
        Reference.execute(admin, plan, timeoutMs);
    }
}
