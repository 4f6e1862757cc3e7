package dev.kafkaworkbook.consumer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.groups.GroupSnapshot;
import dev.kafkaworkbook.kit.learner.ConsumerJournal;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import dev.kafkaworkbook.kit.learner.LearnerLoops;
import dev.kafkaworkbook.kit.learner.SharedRun;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Grades exercise 2.3 by starting two or three instances of the learner's service on one six-partition topic, as
 * the lesson's use case has it, and reading the group from the broker (who the members are, what each owns) rather
 * than from the instances; then by publishing logs and seeing which instance processed which.
 */
@Grader(exercise = "2.3")
class ScalingOutGrader {

    /** One run of the service, judged by every check. */
    private static final SharedRun<Service> SERVICE = new SharedRun<>();

    private static final int PARTITIONS = 6;
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final Duration PROCESS = Duration.ofSeconds(15);

    @Order(1)
    @Check(points = 3)
    void instancesShareOneGroupWithOneOwnerPerPartition(Cluster cluster, TestData data, Feedback feedback) {
        Service service = SERVICE.get(() -> Service.run(cluster, data, feedback));
        GroupSnapshot group = service.settled;
        feedback.expect("members", group.members().size() == service.instances.size(),
                feedback.text("members.expected", service.instances.size(), service.group), group);
        feedback.expect("shared", group.sharedPartitions().isEmpty(), feedback.text("owners.expected"), group);
        feedback.expect("owners", group.isSettledOn(service.instances.size(), service.partitions),
                feedback.text("owners.expected"), group);
    }

    @Order(2)
    @Check(points = 2)
    void everyLogIsProcessedOnceAndCommittedAndTheWorkIsSpread(Cluster cluster, TestData data, Feedback feedback) {
        Service service = SERVICE.get(() -> Service.run(cluster, data, feedback));
        feedback.expectExactlyOnce("processed", Tally.of(service.sent, service.processedWithRepeats()), Position::toString);

        Map<Integer, Set<Integer>> partitionsByInstance = new TreeMap<>();
        for (int i = 0; i < service.instances.size(); i++) {
            partitionsByInstance.put(i + 1, service.handled.get(i).stream().map(p -> p.partition().partition())
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        boolean everyoneWorked = partitionsByInstance.values().stream().noneMatch(Set::isEmpty);
        long distinct = partitionsByInstance.values().stream().mapToLong(Set::size).sum();
        boolean disjoint = distinct == partitionsByInstance.values().stream().flatMap(Set::stream).distinct().count();
        feedback.expect("spread", everyoneWorked && disjoint, feedback.text("spread.expected", service.instances.size()),
                feedback.text("spread.observed", partitionsByInstance));
        for (int i = 0; i < service.instances.size(); i++) {
            Set<String> threads = service.handlingThreads.get(i);
            String own = service.running.get(i).name();
            feedback.expect("thread", threads.stream().allMatch(t -> t.equals("learner-" + own)),
                    feedback.text("thread.expected"), feedback.text("thread.observed", own, threads));
        }
        feedback.expect("committed", service.committed.equals(service.end), feedback.text("committed.expected",
                ConsumerJournal.show(service.end)), feedback.text("committed.observed", ConsumerJournal.show(service.committed)));
    }

    /** Two or three instances of the learner's service, started together, and the group they formed on the broker. */
    private static final class Service {
        final String topic;
        final String group;
        final List<TopicPartition> partitions;
        final LearnerLoops loops;
        final List<LogServiceInstance> instances = new ArrayList<>();
        final List<LearnerLoops.Loop> running = new ArrayList<>();
        final List<List<Position>> handled = new ArrayList<>();
        /** The threads each instance's handler ran on: its own loop's, and no other. */
        final List<Set<String>> handlingThreads = new ArrayList<>();
        GroupSnapshot settled;
        List<Position> sent;
        Map<TopicPartition, Long> end;
        Map<TopicPartition, Long> committed;

        private Service(Cluster cluster, Feedback feedback) {
            topic = cluster.createTopic("logs", PARTITIONS);
            group = cluster.newGroupId("logs-service");
            partitions = ConsumerGroups.partitionsOf(topic, PARTITIONS);
            loops = LearnerLoops.of(cluster, feedback);
        }

        /** Starts the instances, reads the group they form, has them process a wave of logs, stops them. */
        static Service run(Cluster cluster, TestData data, Feedback feedback) {
            Service service = new Service(cluster, feedback);
            int count = data.between(2, 3);
            for (int i = 1; i <= count; i++) {
                List<Position> mine = Collections.synchronizedList(new ArrayList<>());
                Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
                service.handled.add(mine);
                service.handlingThreads.add(threads);
                LogServiceInstance instance = service.loops.create(() -> new LogServiceInstance(cluster.bootstrapServers(),
                        service.group, service.topic, record -> {
                            threads.add(Thread.currentThread().getName());
                            mine.add(Position.of(record));
                        }));
                service.instances.add(instance);
                service.running.add(service.loops.start("instance-" + i, instance::run, null));
            }
            ConsumerGroups groups = ConsumerGroups.of(cluster);
            service.loops.await(() -> groups.describe(service.group).isSettledOn(count, service.partitions), SETTLE);
            service.settled = groups.describe(service.group);
            service.sent = LogStream.publish(cluster, data, service.topic, data.between(60, 120)).positions();
            service.loops.await(() -> service.processed().containsAll(service.sent), PROCESS);
            service.stop();
            service.end = groups.endOffsets(service.partitions);
            service.committed = groups.committedOffsets(service.group);
            return service;
        }

        List<Position> processedWithRepeats() {
            List<Position> all = new ArrayList<>();
            handled.forEach(list -> {
                synchronized (list) {
                    all.addAll(list);
                }
            });
            return all;
        }

        Set<Position> processed() {
            return new java.util.HashSet<>(processedWithRepeats());
        }

        void stop() {
            for (int i = 0; i < instances.size(); i++) {
                loops.stop(running.get(i), instances.get(i)::shutdown);
            }
        }
    }
}
