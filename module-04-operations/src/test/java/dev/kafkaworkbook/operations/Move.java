package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.operations.Partitions;
import dev.kafkaworkbook.kit.operations.PartitionWriter;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;

/**
 * A topic on three of the four brokers, filled with records, and the grader's own balanced plan that brings the
 * fourth broker in: what exercise 4.4's {@code execute} is handed, and the facts its work is judged by.
 */
final class Move {

    /**
     * What the partitions that move hold. A new replica's first fetch takes up to 1 MB (replica.fetch.max.bytes)
     * before any throttle counts it: a partition of 1.2 MB cannot be copied while the move is held.
     */
    static final Fill HELD = new Fill(12, 100_000);
    static final Fill SMALL = new Fill(60, 200);
    /** While the move is held, each broker copies at most this much a second, after a first fetch: nothing to speak of. */
    private static final long HELD_BYTES_PER_SECOND = 1_000;
    /** How long the move is held before the throttle is lifted: longer than execute() takes to start it. */
    static final Duration HOLD = Duration.ofSeconds(1);
    static final Duration SETTLE = Duration.ofMillis(200);
    private static final List<String> BROKER_THROTTLES = List.of("leader.replication.throttled.rate",
            "follower.replication.throttled.rate");
    private static final List<String> TOPIC_THROTTLES = List.of("leader.replication.throttled.replicas",
            "follower.replication.throttled.replicas");

    record Fill(int records, int bytes) {
    }

    private final Cluster cluster;
    private final String topic;
    private final Map<TopicPartition, List<Integer>> plan;
    private final List<String> written;

    private Move(Cluster cluster, String topic, Map<TopicPartition, List<Integer>> plan, List<String> written) {
        this.cluster = cluster;
        this.topic = topic;
        this.plan = plan;
        this.written = written;
    }

    /** A topic on three of the brokers, its partitions that the plan moves filled with {@code moving}, the rest small. */
    static Move prepare(Cluster cluster, TestData data, Fill moving) {
        List<Integer> brokers = new ArrayList<>(cluster.brokers().orElseThrow().brokerIds());
        int added = data.pick(brokers);
        List<Integer> old = new ArrayList<>(brokers);
        old.remove(Integer.valueOf(added));
        Map<Integer, List<Integer>> layout = new TreeMap<>();
        int partitions = data.between(4, 6);
        for (int p = 0; p < partitions; p++) {
            layout.put(p, List.of(old.get(p % old.size()), old.get((p + 1) % old.size())));
        }
        String topic = cluster.createTopic("moved", layout, Map.of());
        Map<TopicPartition, List<Integer>> current = new TreeMap<>(Partitions.ORDER);
        layout.forEach((p, replicas) -> current.put(new TopicPartition(topic, p), replicas));
        Map<TopicPartition, List<Integer>> plan = balance(current, brokers, added);

        Map<Integer, Integer> big = new TreeMap<>();
        Map<Integer, Integer> small = new TreeMap<>();
        plan.forEach((partition, replicas) -> (replicas.equals(current.get(partition)) ? small : big)
                .put(partition.partition(), replicas.equals(current.get(partition)) ? SMALL.records() : moving.records()));
        KafkaProducer<String, String> producer = cluster.producer(new StringSerializer(), new StringSerializer(),
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * moving.bytes()));
        List<String> written = new ArrayList<>();
        PartitionWriter.write(producer, topic, big, moving.bytes(), data).values().forEach(written::addAll);
        PartitionWriter.write(producer, topic, small, SMALL.bytes(), data).values().forEach(written::addAll);
        return new Move(cluster, topic, plan, written);
    }

    /** The grader's plan: from the busiest brokers, one replica per partition at most moves to the new broker. */
    private static Map<TopicPartition, List<Integer>> balance(Map<TopicPartition, List<Integer>> current,
                                                              Collection<Integer> brokers, int added) {
        int total = current.values().stream().mapToInt(List::size).sum();
        int share = total / brokers.size();
        Map<Integer, Integer> load = new TreeMap<>();
        current.values().forEach(replicas -> replicas.forEach(b -> load.merge(b, 1, Integer::sum)));
        Map<TopicPartition, List<Integer>> plan = new LinkedHashMap<>();
        int moved = 0;
        for (Map.Entry<TopicPartition, List<Integer>> entry : current.entrySet()) {
            List<Integer> replicas = new ArrayList<>(entry.getValue());
            if (moved < share) {
                int busiest = replicas.stream().max(Comparator.comparing(load::get)).orElseThrow();
                replicas.set(replicas.indexOf(busiest), added);
                load.merge(busiest, -1, Integer::sum);
                moved++;
            }
            plan.put(entry.getKey(), List.copyOf(replicas));
        }
        return plan;
    }

    String topic() {
        return topic;
    }

    Map<TopicPartition, List<Integer>> plan() {
        return plan;
    }

    List<String> written() {
        return written;
    }

    /**
     * Holds the move back for {@link #HOLD}: a replication throttle (as {@code kafka-reassign-partitions --throttle}
     * sets) too low to copy a partition, lifted after that time, and at the latest on close. A move cannot end while it
     * is held, so an execute() that returns sooner has not waited for it.
     */
    Throttle hold() {
        // The topic's throttled replicas first: a broker that knows the rates, committed after them, then knows them too.
        Cluster.get(cluster.admin().incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                TOPIC_THROTTLES.stream().map(name -> set(name, "*")).toList())).all());
        Map<ConfigResource, Collection<AlterConfigOp>> rates = new LinkedHashMap<>();
        for (int broker : cluster.brokers().orElseThrow().brokerIds()) {
            rates.put(broker(broker), BROKER_THROTTLES.stream().map(name -> set(name, String.valueOf(HELD_BYTES_PER_SECOND))).toList());
        }
        Cluster.get(cluster.admin().incrementalAlterConfigs(rates).all());
        // Each broker answers for its own configuration: once each says so, each holds the copy back.
        await("replication throttle in force on every broker").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> Cluster.get(cluster.admin().describeConfigs(rates.keySet()).all()).values().stream()
                        .allMatch(config -> BROKER_THROTTLES.stream().allMatch(name -> config.get(name) != null
                                && String.valueOf(HELD_BYTES_PER_SECOND).equals(config.get(name).value()))));
        return new Throttle();
    }

    final class Throttle implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "reassignment-hold");
            thread.setDaemon(true);
            return thread;
        });
        private final AtomicBoolean lifted = new AtomicBoolean();

        private Throttle() {
            timer.schedule(this::lift, HOLD.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void lift() {
            if (lifted.compareAndSet(false, true)) {
                Map<ConfigResource, Collection<AlterConfigOp>> off = new LinkedHashMap<>();
                for (int broker : cluster.brokers().orElseThrow().brokerIds()) {
                    off.put(broker(broker), BROKER_THROTTLES.stream().map(Move::delete).toList());
                }
                off.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), TOPIC_THROTTLES.stream().map(Move::delete).toList());
                Cluster.get(cluster.admin().incrementalAlterConfigs(off).all());
            }
        }

        @Override
        public void close() throws InterruptedException {
            timer.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
            lift();
        }
    }

    /** The partitions of the plan that the cluster still reports as being reassigned. */
    /**
     * The partitions still moving once every broker has had {@link #SETTLE} to learn that a finished move ended: the
     * broker the learner's admin client asked may know a moment before the one the grader's asks. Far shorter than
     * {@link #HOLD}, so code that does not wait is still caught moving.
     */
    Set<TopicPartition> stillMovingOnceSettled() {
        try {
            return await("reassignments of " + topic + " listed as over").atMost(SETTLE).pollInterval(Duration.ofMillis(20))
                    .until(this::stillMoving, Set::isEmpty);
        } catch (org.awaitility.core.ConditionTimeoutException moving) {
            return stillMoving();
        }
    }

    Set<TopicPartition> stillMoving() {
        Set<TopicPartition> moving = new TreeSet<>(Partitions.ORDER);
        moving.addAll(Cluster.get(cluster.admin().listPartitionReassignments(plan.keySet()).reassignments()).keySet());
        return moving;
    }

    /**
     * For each partition whose replicas or in-sync replicas are not the plan's: what they are, once the brokers have had
     * a moment to learn the controller's latest metadata (a broker's view of a finished move lags it by milliseconds).
     */
    Map<TopicPartition, String> settledDifferencesFromPlan() {
        try {
            return await("metadata of " + topic + " settled").atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                    .until(this::differencesFromPlan, Map::isEmpty);
        } catch (org.awaitility.core.ConditionTimeoutException stillDifferent) {
            return differencesFromPlan();
        }
    }

    /** For each partition whose replicas or in-sync replicas are not the plan's: what they are. */
    Map<TopicPartition, String> differencesFromPlan() {
        TopicDescription description = cluster.describe(topic);
        Map<TopicPartition, String> differences = new TreeMap<>(Partitions.ORDER);
        for (TopicPartitionInfo info : description.partitions()) {
            TopicPartition partition = new TopicPartition(topic, info.partition());
            List<Integer> replicas = info.replicas().stream().map(Node::id).toList();
            List<Integer> inSync = info.isr().stream().map(Node::id).toList();
            List<Integer> planned = plan.get(partition);
            if (!replicas.equals(planned) || !inSync.containsAll(planned)) {
                differences.put(partition, "replicas " + replicas + ", in sync " + inSync + ", planned " + planned);
            }
        }
        return differences;
    }

    /**
     * Waits for the move to end, whether or not execute() did, so that the data are judged on a finished move; a move
     * that never started or never ends is left for {@link #differencesFromPlan} to report.
     */
    void awaitComplete() {
        try {
            await("reassignment of " + topic + " complete").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> stillMoving().isEmpty() && differencesFromPlan().isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException notThere) {
            // Judged by the caller.
        }
    }

    private static ConfigResource broker(int id) {
        return new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(id));
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    private static AlterConfigOp delete(String name) {
        return new AlterConfigOp(new ConfigEntry(name, null), AlterConfigOp.OpType.DELETE);
    }
}
