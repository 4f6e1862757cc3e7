package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.operations.Offsets;
import dev.kafkaworkbook.kit.operations.PartitionWriter;
import dev.kafkaworkbook.kit.operations.Partitions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Five consumer groups on two topics, with committed offsets the grader sets (as the groups' consumers would have),
 * looked at twice by one learner's monitor. Between the looks records arrive on the busy topic, and every group but
 * the stuck and the idle one commits further:
 * <ul>
 *   <li>healthy: caught up each time (lag 0);</li>
 *   <li>lagging: one partition more than maxLag behind, the others well under; its commits move, though more slowly
 *       than records arrive;</li>
 *   <li>stuck: a small lag everywhere, under maxLag, but its commits stand still while records arrive;</li>
 *   <li>spread: every partition between maxLag/2 and maxLag behind (one exactly at maxLag): together far over
 *       maxLag, no partition over it; its commits move;</li>
 *   <li>idle: caught up on a topic where nothing arrives: no commit moves, and none has to.</li>
 * </ul>
 */
final class LagScenario {

    /** The monitor's two looks, in order. */
    record Looks(List<LagAlert> first, List<LagAlert> second) {
    }

    private final Cluster cluster;
    private final TestData data;
    private final KafkaProducer<String, String> producer;
    private final String busy;
    private final long maxLag;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final String healthy;
    private final String lagging;
    private final String stuck;
    private final String spread;
    private final String idle;
    private TopicPartition laggingPartition;
    private TopicPartition atThreshold;

    private LagScenario(Cluster cluster, TestData data) {
        this.cluster = cluster;
        this.data = data;
        this.producer = cluster.producer(new StringSerializer(), new StringSerializer(), Map.of());
        this.busy = cluster.createTopic("alerts", data.between(4, 6));
        this.maxLag = data.between(30, 50);
        this.healthy = group("healthy");
        this.lagging = group("lagging");
        this.stuck = group("stuck");
        this.spread = group("spread");
        this.idle = group("idle");
    }

    static LagScenario build(Cluster cluster, TestData data) {
        LagScenario scenario = new LagScenario(cluster, data);
        scenario.start();
        return scenario;
    }

    private String group(String role) {
        String group = cluster.newGroupId("alert-" + role);
        names.put(group, role);
        return group;
    }

    private void start() {
        List<TopicPartition> partitions = Offsets.partitions(cluster.admin(), busy);
        fill(busy, (int) (2 * maxLag) + data.between(0, 10));
        Map<TopicPartition, Long> end = Offsets.latest(cluster.admin(), busy);

        laggingPartition = data.pick(partitions);
        atThreshold = data.pick(partitions);
        Map<TopicPartition, Long> laggingCommits = new HashMap<>();
        Map<TopicPartition, Long> stuckCommits = new HashMap<>();
        Map<TopicPartition, Long> spreadCommits = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long top = end.get(partition);
            laggingCommits.put(partition, top - (partition.equals(laggingPartition)
                    ? maxLag + data.between(5, 20) : data.between(0, (int) maxLag / 2)));
            stuckCommits.put(partition, top - data.between(1, (int) maxLag / 2 - 10));
            spreadCommits.put(partition, top - (partition.equals(atThreshold) ? maxLag : data.between((int) maxLag / 2, (int) maxLag - 1)));
        }
        ConsumerGroups.of(cluster).commit(healthy, end);
        ConsumerGroups.of(cluster).commit(lagging, laggingCommits);
        ConsumerGroups.of(cluster).commit(stuck, stuckCommits);
        ConsumerGroups.of(cluster).commit(spread, spreadCommits);

        String quiet = cluster.createTopic("alerts-quiet", 2);
        fill(quiet, data.between(5, 15));
        ConsumerGroups.of(cluster).commit(idle, Offsets.latest(cluster.admin(), quiet));
    }

    /** The learner's monitor looks, records arrive and the moving groups commit, the monitor looks again. */
    Looks lookTwice(Feedback feedback) {
        LagMonitor monitor = monitor(feedback);
        List<LagAlert> first = look(monitor, feedback);
        moveOn();
        return new Looks(first, look(monitor, feedback));
    }

    /** A new monitor of the learner's, with this scenario's threshold. */
    LagMonitor monitor(Feedback feedback) {
        return feedback.call("create.hang", () -> new LagMonitor(cluster.admin(), maxLag));
    }

    /** One look of {@code monitor} at the five groups: its alerts, never null. */
    List<LagAlert> look(LagMonitor monitor, Feedback feedback) {
        List<String> groups = List.copyOf(names.keySet());
        List<LagAlert> alerts = feedback.call("check.hang", () -> monitor.check(groups));
        feedback.expect("check.null", alerts != null, feedback.text("check.null.expected"), "null");
        return alerts.stream().filter(Objects::nonNull).toList();
    }

    /** Records arrive on the busy topic; every group but the stuck and the idle one commits further. */
    void moveOn() {
        int arriving = data.between(3, 8);
        fill(busy, arriving);
        ConsumerGroups.of(cluster).commit(healthy, Offsets.latest(cluster.admin(), busy));
        // The lagging group reads, but more slowly than records arrive: its lag grows, and it is not stuck.
        advance(lagging, arriving - 1);
        advance(spread, arriving);
    }

    private void advance(String group, long by) {
        Map<TopicPartition, Long> advanced = new HashMap<>();
        ConsumerGroups.of(cluster).committedOffsets(group).forEach((partition, offset) -> advanced.put(partition, offset + by));
        ConsumerGroups.of(cluster).commit(group, advanced);
    }

    private void fill(String topic, int perPartition) {
        Map<Integer, Integer> counts = new TreeMap<>();
        Offsets.partitions(cluster.admin(), topic).forEach(partition -> counts.put(partition.partition(), perPartition));
        PartitionWriter.write(producer, topic, counts, 30, data);
    }

    /** The partitions named by the alerts of one reason, by group. */
    static Map<String, Set<TopicPartition>> byGroup(List<LagAlert> alerts, LagAlert.Reason reason) {
        Map<String, Set<TopicPartition>> byGroup = new TreeMap<>();
        alerts.stream().filter(alert -> alert.reason() == reason).forEach(alert -> byGroup
                .computeIfAbsent(alert.groupId(), g -> new TreeSet<>(Partitions.ORDER)).addAll(alert.partitions()));
        return byGroup;
    }

    /** {@code spread (workbook-alert-spread-…): [alerts-0, alerts-3]}, or that it raised nothing. */
    String show(String group, Map<String, Set<TopicPartition>> alerts) {
        return name(group) + ": " + (alerts.containsKey(group) ? alerts.get(group) : "-");
    }

    String name(String group) {
        return names.get(group) + " (" + group + ")";
    }

    long maxLag() {
        return maxLag;
    }

    String lagging() {
        return lagging;
    }

    Set<TopicPartition> laggingPartitions() {
        return Set.of(laggingPartition);
    }

    String stuck() {
        return stuck;
    }

    Set<TopicPartition> stuckPartitions() {
        Set<TopicPartition> all = new TreeSet<>(Partitions.ORDER);
        all.addAll(Offsets.partitions(cluster.admin(), busy));
        return all;
    }

    String spread() {
        return spread;
    }

    /** The partition where the spread group is exactly maxLag behind. */
    TopicPartition atThreshold() {
        return atThreshold;
    }

    String idle() {
        return idle;
    }
}
