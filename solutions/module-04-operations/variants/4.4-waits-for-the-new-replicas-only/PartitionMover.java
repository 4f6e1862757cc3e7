package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Exercise 4.4, a plausible wrong answer: waits only until the new replicas are listed */
public final class PartitionMover {

    private PartitionMover() {
    }

    public static Map<TopicPartition, List<Integer>> plan(Map<TopicPartition, List<Integer>> current, Set<Integer> brokers) {
        int replicas = current.values().stream().mapToInt(List::size).sum();
        int most = (replicas + brokers.size() - 1) / brokers.size();
        int least = replicas / brokers.size();
        Map<Integer, Integer> load = new TreeMap<>();
        brokers.forEach(broker -> load.put(broker, 0));
        Map<TopicPartition, List<Integer>> plan = new TreeMap<>(Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
        current.forEach((partition, replicaList) -> {
            plan.put(partition, new ArrayList<>(replicaList));
            replicaList.forEach(broker -> load.merge(broker, 1, Integer::sum));
        });
        // Move one replica at a time from the busiest broker to the idlest one that does not hold that partition yet,
        // until no broker holds more than ⌈R/B⌉ nor fewer than ⌊R/B⌋.
        while (true) {
            int busiest = load.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            int idlest = load.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            if (load.get(busiest) <= most && load.get(idlest) >= least) {
                return plan;
            }
            boolean moved = false;
            for (List<Integer> replicaList : plan.values()) {
                int index = replicaList.indexOf(busiest);
                if (index >= 0 && !replicaList.contains(idlest)) {
                    replicaList.set(index, idlest);
                    load.merge(busiest, -1, Integer::sum);
                    load.merge(idlest, 1, Integer::sum);
                    moved = true;
                    break;
                }
            }
            if (!moved) {
                throw new IllegalStateException("No partition of broker " + busiest + " can move to broker " + idlest);
            }
        }
    }

    public static void execute(Admin admin, Map<TopicPartition, List<Integer>> plan, long timeoutMs) throws Exception {
        Map<TopicPartition, Optional<NewPartitionReassignment>> moves = new HashMap<>();
        plan.forEach((partition, replicas) -> moves.put(partition, Optional.of(new NewPartitionReassignment(replicas))));
        admin.alterPartitionReassignments(moves).all().get(10, TimeUnit.SECONDS);

        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!complete(admin, plan)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("The reassignment did not complete within " + timeoutMs + " ms");
            }
            Thread.sleep(100);
        }
    }

    private static boolean complete(Admin admin, Map<TopicPartition, List<Integer>> plan) throws Exception {
        Set<String> topics = plan.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        for (Map.Entry<TopicPartition, List<Integer>> planned : plan.entrySet()) {
            TopicPartitionInfo info = descriptions.get(planned.getKey().topic()).partitions().get(planned.getKey().partition());
            List<Integer> replicas = info.replicas().stream().map(Node::id).toList();
            List<Integer> inSync = info.isr().stream().map(Node::id).toList();
            if (!replicas.containsAll(planned.getValue())) {
                return false;
            }
        }
        return true;
    }
}
