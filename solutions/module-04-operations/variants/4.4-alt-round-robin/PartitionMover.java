package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Exercise 4.4, a correct answer written differently: a fresh round-robin assignment over every broker (balanced,
 * though it moves more than needed), and a wait on describeTopics alone: replicas and in-sync replicas as planned.
 */
public final class PartitionMover {

    private PartitionMover() {
    }

    public static Map<TopicPartition, List<Integer>> plan(Map<TopicPartition, List<Integer>> current, Set<Integer> brokers) {
        List<Integer> ring = new ArrayList<>(new TreeSet<>(brokers));
        Map<TopicPartition, List<Integer>> plan = new HashMap<>();
        int next = 0;
        for (TopicPartition partition : new TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString)) {{ addAll(current.keySet()); }}) {
            List<Integer> replicas = new ArrayList<>();
            for (int r = 0; r < current.get(partition).size(); r++) {
                replicas.add(ring.get((next + r) % ring.size()));
            }
            next = (next + current.get(partition).size()) % ring.size();
            plan.put(partition, replicas);
        }
        return plan;
    }

    public static void execute(Admin admin, Map<TopicPartition, List<Integer>> plan, long timeoutMs) throws Exception {
        Map<TopicPartition, Optional<NewPartitionReassignment>> moves = new HashMap<>();
        plan.forEach((p, replicas) -> moves.put(p, Optional.of(new NewPartitionReassignment(replicas))));
        admin.alterPartitionReassignments(moves).all().get(10, TimeUnit.SECONDS);
        Collection<String> topics = plan.keySet().stream().map(TopicPartition::topic).distinct().toList();
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (true) {
            Map<String, TopicDescription> now = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            boolean done = plan.entrySet().stream().allMatch(e -> {
                var info = now.get(e.getKey().topic()).partitions().get(e.getKey().partition());
                return info.replicas().stream().map(Node::id).toList().equals(e.getValue())
                        && info.isr().stream().map(Node::id).toList().containsAll(e.getValue());
            });
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reassignment not complete after " + timeoutMs + " ms");
            }
            Thread.sleep(50);
        }
    }
}
