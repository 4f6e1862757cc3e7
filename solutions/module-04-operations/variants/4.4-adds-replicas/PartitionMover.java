package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Exercise 4.4, a plausible wrong answer: the new brokers are added to every partition as extra replicas. */
public final class PartitionMover {

    private PartitionMover() {
    }

    public static Map<TopicPartition, List<Integer>> plan(Map<TopicPartition, List<Integer>> current, Set<Integer> brokers) {
        Map<TopicPartition, List<Integer>> plan = new HashMap<>();
        current.forEach((partition, replicas) -> {
            List<Integer> grown = new ArrayList<>(replicas);
            brokers.stream().filter(b -> current.values().stream().noneMatch(r -> r.contains(b))).forEach(grown::add);
            plan.put(partition, grown);
        });
        return plan;
    }

    public static void execute(Admin admin, Map<TopicPartition, List<Integer>> plan, long timeoutMs) throws Exception {
        Reference.execute(admin, plan, timeoutMs);
    }
}
