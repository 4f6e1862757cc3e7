package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Exercise 4.4, a plausible wrong answer: a round robin over brokers 0, 1, 2…, as if ids always started at 0. */
public final class PartitionMover {

    private PartitionMover() {
    }

    public static Map<TopicPartition, List<Integer>> plan(Map<TopicPartition, List<Integer>> current, Set<Integer> brokers) {
        Map<TopicPartition, List<Integer>> plan = new HashMap<>();
        int next = 0;
        for (Map.Entry<TopicPartition, List<Integer>> partition : current.entrySet()) {
            List<Integer> replicas = new ArrayList<>();
            for (int r = 0; r < partition.getValue().size(); r++) {
                replicas.add((next + r) % brokers.size());
            }
            next++;
            plan.put(partition.getKey(), replicas);
        }
        return plan;
    }

    public static void execute(Admin admin, Map<TopicPartition, List<Integer>> plan, long timeoutMs) throws Exception {
        Reference.execute(admin, plan, timeoutMs);
    }
}
