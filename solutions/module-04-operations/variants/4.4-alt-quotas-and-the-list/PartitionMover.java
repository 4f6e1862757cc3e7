package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Exercise 4.4, a correct answer written differently: each broker gets a quota (⌊R/B⌋, one more for the first R mod B
 * brokers, the busiest first, so fewer replicas move); replicas over quota go to brokers under it. execute() waits on
 * listPartitionReassignments() alone: a reassignment is only removed from it once its target replicas are in sync.
 */
public final class PartitionMover {

    private PartitionMover() {
    }

    public static Map<TopicPartition, List<Integer>> plan(Map<TopicPartition, List<Integer>> current, Set<Integer> brokers) {
        Map<Integer, Integer> load = new HashMap<>();
        brokers.forEach(b -> load.put(b, 0));
        current.values().forEach(replicas -> replicas.forEach(b -> load.merge(b, 1, Integer::sum)));
        int total = current.values().stream().mapToInt(List::size).sum();
        List<Integer> byLoad = new ArrayList<>(brokers);
        byLoad.sort(Comparator.comparing((Integer b) -> load.get(b)).reversed().thenComparing(b -> b));
        Map<Integer, Integer> quota = new HashMap<>();
        for (int i = 0; i < byLoad.size(); i++) {
            quota.put(byLoad.get(i), total / brokers.size() + (i < total % brokers.size() ? 1 : 0));
        }
        Map<TopicPartition, List<Integer>> plan = new LinkedHashMap<>();
        current.forEach((p, replicas) -> plan.put(p, new ArrayList<>(replicas)));
        Map<Integer, Integer> now = new HashMap<>(load);
        for (List<Integer> replicas : plan.values()) {
            for (int r = 0; r < replicas.size(); r++) {
                int from = replicas.get(r);
                if (now.get(from) <= quota.get(from)) {
                    continue;
                }
                Optional<Integer> to = new TreeSet<>(brokers).stream()
                        .filter(b -> now.get(b) < quota.get(b) && !replicas.contains(b)).findFirst();
                if (to.isPresent()) {
                    replicas.set(r, to.get());
                    now.merge(from, -1, Integer::sum);
                    now.merge(to.get(), 1, Integer::sum);
                }
            }
        }
        return plan;
    }

    public static void execute(Admin admin, Map<TopicPartition, List<Integer>> plan, long timeoutMs) throws Exception {
        Map<TopicPartition, Optional<NewPartitionReassignment>> moves = new HashMap<>();
        plan.forEach((p, replicas) -> moves.put(p, Optional.of(new NewPartitionReassignment(replicas))));
        admin.alterPartitionReassignments(moves).all().get(10, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!admin.listPartitionReassignments(plan.keySet()).reassignments().get(10, TimeUnit.SECONDS).isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("still moving after " + timeoutMs + " ms");
            }
            Thread.sleep(100);
        }
    }
}
