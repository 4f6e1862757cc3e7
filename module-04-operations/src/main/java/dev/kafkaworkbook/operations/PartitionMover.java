package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>Exercise 4.4 — Reassigning partitions after adding a broker.</b>
 *
 * <p>A broker added to a cluster gets no partition by itself: existing partitions stay where they are until someone
 * moves them ({@code kafka-reassign-partitions.sh --reassignment-json-file plan.json --execute} "to balance partitions
 * when brokers are added"). Write both halves of that work:
 * <ol>
 *   <li>{@link #plan}: from the current replicas of each partition and the brokers of the cluster, a new assignment
 *       where every partition keeps its number of replicas, on distinct brokers of the cluster, and the replicas are
 *       spread evenly: each broker holds ⌊R/B⌋ or ⌈R/B⌉ of the R replicas (B brokers), the new broker included.
 *       A plan that moves fewer replicas is kinder to the cluster (each moved replica is copied over the network),
 *       but any balanced plan will do.</li>
 *   <li>{@link #execute}: start the reassignment ({@link Admin#alterPartitionReassignments}, one
 *       {@link NewPartitionReassignment} per partition) and return only once it is <em>complete</em>: no partition of
 *       the plan is still being reassigned ({@link Admin#listPartitionReassignments}) and every partition has exactly
 *       its planned replicas, all of them in sync ({@link Admin#describeTopics}). The admin result alone says only
 *       that the move has <em>started</em>: copying the data takes longer. Poll, with a pause between looks, for at
 *       most {@code timeoutMs}, and throw if the move is not complete by then.</li>
 * </ol>
 *
 * <p>Statement: {@code module-04-operations/README.md#44-reassigning-partitions-after-adding-a-broker}
 * (es: {@code README.es.md}).
 */
public final class PartitionMover {

    private PartitionMover() {
    }

    /**
     * @param current the replicas of each partition now (broker ids, the first one the preferred leader)
     * @param brokers every broker of the cluster, the new ones included
     * @return the replicas each partition should have: every partition of {@code current}, balanced over {@code brokers}
     */
    public static Map<TopicPartition, List<Integer>> plan(Map<TopicPartition, List<Integer>> current, Set<Integer> brokers) {
        // TODO 4.4: a balanced assignment over every broker, each partition keeping its replica count.
        throw new UnsupportedOperationException("TODO 4.4: PartitionMover.plan() is not written yet");
    }

    /**
     * @param admin     an admin client of the cluster (do not close it)
     * @param plan      the replicas each partition must end up with
     * @param timeoutMs how long the move may take at most
     */
    public static void execute(Admin admin, Map<TopicPartition, List<Integer>> plan, long timeoutMs) throws Exception {
        // TODO 4.4: start the reassignment and wait until it is complete (see above).
        throw new UnsupportedOperationException("TODO 4.4: PartitionMover.execute() is not written yet");
    }
}
