package dev.kafkaworkbook.consumer;

import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.groups.GroupSnapshot;
import dev.kafkaworkbook.kit.learner.ConsumerJournal;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import dev.kafkaworkbook.kit.learner.LearnerLoops;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A consumer group of learner loops on one topic, as the graders of 2.2, 2.4 and 2.5 run it: each instance is the
 * learner's loop over a consumer the grader built (so its every call is journaled), processing through a handler
 * that tells the journal; the group itself is read from the broker.
 */
final class GroupRun {

    /** Builds the learner's loop for one instance: its run and its stop request. */
    @FunctionalInterface
    interface LearnerLoop {
        Instance.Code create(Consumer<String, LogEvent> consumer, LogHandler handler);
    }

    /** One instance: the learner's loop, the consumer behind it, and what it did. */
    record Instance(String name, ConsumerJournal journal, KafkaConsumer<String, LogEvent> consumer, LearnerLoops.Loop loop,
                    Feedback.LearnerAction stop) {
        /** The learner's loop as two calls: run() and shutdown(). */
        record Code(Feedback.LearnerAction run, Feedback.LearnerAction stop) {
        }
    }

    static final Duration SETTLE = Duration.ofSeconds(15);
    static final Duration PROCESS = Duration.ofSeconds(15);

    final Cluster cluster;
    final String topic;
    final String group;
    final GroupProtocol protocol;
    final List<TopicPartition> partitions;
    final ConsumerGroups groups;
    final LearnerLoops loops;
    private final TestData data;
    private final Map<String, Instance> instances = new LinkedHashMap<>();

    private GroupRun(Cluster cluster, TestData data, Feedback feedback, String topic, int partitions, GroupProtocol protocol) {
        this.cluster = cluster;
        this.data = data;
        this.topic = topic;
        this.group = cluster.newGroupId("logs-service");
        this.protocol = protocol;
        this.partitions = ConsumerGroups.partitionsOf(topic, partitions);
        this.groups = ConsumerGroups.of(cluster);
        this.loops = LearnerLoops.of(cluster, feedback);
        groups.detectFailuresQuickly(group);
    }

    /** A fresh topic of {@code partitions} partitions and a fresh group on it. */
    static GroupRun on(Cluster cluster, TestData data, Feedback feedback, int partitions, GroupProtocol protocol) {
        return new GroupRun(cluster, data, feedback, cluster.createTopic("logs", partitions), partitions, protocol);
    }

    LogStream.Published publish(int count) {
        return LogStream.publish(cluster, data, topic, count);
    }

    /** Starts one more instance of the learner's loop in the group. */
    Instance start(String name, LearnerLoop learner) {
        KafkaConsumer<String, LogEvent> consumer = LogStream.member(cluster, group, protocol);
        ConsumerJournal journal = new ConsumerJournal();
        Consumer<String, LogEvent> recorded = journal.record(consumer);
        Instance.Code code = loops.create(() -> learner.create(recorded, journal::processed));
        Instance instance = new Instance(name, journal, consumer, loops.start(name, code.run(), consumer::wakeup), code.stop());
        instances.put(name, instance);
        return instance;
    }

    /** Asks an instance to stop the learner's way and waits for its loop to return; the time it took. */
    Duration stop(Instance instance) {
        return loops.stop(instance.loop(), instance.stop());
    }

    /** Waits until every one of {@code positions} has been processed by some instance; true if all were in time. */
    boolean awaitProcessed(Collection<Position> positions, Duration within) {
        Set<Position> wanted = new HashSet<>(positions);
        return loops.await(() -> new HashSet<>(processed()).containsAll(wanted), within);
    }

    /**
     * Waits until the group, on the broker, has settled on {@code members} members, while the learner's loops run (one
     * that ends meanwhile ends the wait: a TODO is "not started" at once); the last description either way.
     */
    GroupSnapshot awaitSettled(int members) {
        loops.await(() -> groups.describe(group).isSettledOn(members, partitions), SETTLE);
        return groups.describe(group);
    }

    /** Every record any instance processed, repeats included, in the order of the instances. */
    List<Position> processed() {
        List<Position> all = new ArrayList<>();
        instances.values().forEach(instance -> all.addAll(instance.journal().processedRecords()));
        return all;
    }

    Map<TopicPartition, Long> committed() {
        return groups.committedOffsets(group);
    }

    Map<TopicPartition, Long> endOffsets() {
        return groups.endOffsets(partitions);
    }
}
