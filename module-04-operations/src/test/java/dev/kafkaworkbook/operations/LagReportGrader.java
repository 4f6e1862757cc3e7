package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.operations.Offsets;
import dev.kafkaworkbook.kit.operations.PartitionWriter;
import dev.kafkaworkbook.kit.operations.Partitions;
import dev.kafkaworkbook.kit.tools.GroupDescribeTable;
import dev.kafkaworkbook.kit.tools.KafkaTool;
import dev.kafkaworkbook.kit.tools.ToolRunner;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Grades exercise 4.1 against Kafka's own {@code kafka-consumer-groups --describe}, run in this JVM on the same group
 * right before the learner's report: a group with a live member on one topic, offsets committed on some of its
 * partitions (one of them with its oldest records deleted), and older commits on a second topic that no member reads.
 */
@Grader(exercise = "4.1")
class LagReportGrader {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);
    private static final int TOOL_ATTEMPTS = 3;

    @Order(1)
    @Check
    void listsEveryPartitionTheToolLists(Cluster cluster, TestData data, Feedback feedback) {
        Reports reports = Reports.of(cluster, data, feedback);
        List<TopicPartition> listed = reports.learner.stream().map(PartitionLag::partition).toList();
        List<TopicPartition> repeated = listed.stream()
                .filter(p -> listed.indexOf(p) != listed.lastIndexOf(p)).distinct().toList();
        feedback.expect("duplicated", repeated.isEmpty(), feedback.text("duplicated.expected"), repeated);
        feedback.expectSameElements("partitions", reports.tool.keySet(), listed);
    }

    @Order(2)
    @Check
    void committedAndLogEndOffsetsMatchTheTool(Cluster cluster, TestData data, Feedback feedback) {
        Reports reports = Reports.of(cluster, data, feedback);
        reports.forEachShared((tool, mine) -> {
            feedback.expect("current", tool.currentOffset().equals(mine.currentOffset()),
                    show(tool), show(mine));
            feedback.expect("logEnd", tool.logEndOffset().equals(mine.logEndOffset()), show(tool), show(mine));
        });
    }

    @Order(3)
    @Check(points = 2)
    void lagIsLogEndMinusCommitted(Cluster cluster, TestData data, Feedback feedback) {
        Reports reports = Reports.of(cluster, data, feedback);
        reports.forEachShared((tool, mine) -> {
            if (tool.lag().equals(mine.lag())) {
                return;
            }
            TopicPartition partition = new TopicPartition(tool.topic(), tool.partition());
            String key = tool.lag().equals("-") ? "lag.uncommitted"
                    : mine.lag().equals(String.valueOf(reports.logEnd.get(partition) - reports.logStart.get(partition)))
                    ? "lag.fromLogStart" : "lag";
            throw feedback.wrong(key, show(tool), show(mine));
        });
    }

    @Order(4)
    @Check
    void ownerIsTheMemberHoldingThePartition(Cluster cluster, TestData data, Feedback feedback) {
        Reports reports = Reports.of(cluster, data, feedback);
        reports.forEachShared((tool, mine) -> feedback.expect("owner",
                tool.consumerId().equals(mine.consumerId()) && tool.clientId().equals(mine.clientId()),
                owner(tool), owner(mine)));
    }

    private static String show(GroupDescribeTable.Line line) {
        return line.topic() + "-" + line.partition() + ": CURRENT-OFFSET " + line.currentOffset() + ", LOG-END-OFFSET "
                + line.logEndOffset() + ", LAG " + line.lag();
    }

    private static String owner(GroupDescribeTable.Line line) {
        return line.topic() + "-" + line.partition() + ": CONSUMER-ID " + line.consumerId() + ", CLIENT-ID " + line.clientId();
    }

    /** The tool's report and the learner's on one group, line by line, with the offsets the grader knows. */
    private static final class Reports {
        final Map<TopicPartition, GroupDescribeTable.Line> tool = new TreeMap<>(Partitions.ORDER);
        final List<PartitionLag> learner;
        final Map<TopicPartition, Long> logStart = new HashMap<>();
        final Map<TopicPartition, Long> logEnd = new HashMap<>();
        private final String group;

        private Reports(String group, List<PartitionLag> learner) {
            this.group = group;
            this.learner = learner;
        }

        static Reports of(Cluster cluster, TestData data, Feedback feedback) {
            String read = cluster.createTopic("lag-read", data.between(4, 7));
            String abandoned = cluster.createTopic("lag-old", data.between(2, 3));
            String group = cluster.newGroupId("lag");
            fill(cluster, data, read, abandoned);

            // Commits on some partitions of each topic; on the read topic at least one partition has records but no commit.
            Map<TopicPartition, Long> ends = new HashMap<>(Offsets.latest(cluster.admin(), read));
            ends.putAll(Offsets.latest(cluster.admin(), abandoned));
            Map<TopicPartition, Long> commits = new HashMap<>();
            for (String topic : List.of(read, abandoned)) {
                List<TopicPartition> partitions = new ArrayList<>(Offsets.partitions(cluster.admin(), topic));
                java.util.Collections.shuffle(partitions, data.random());
                int committed = data.between(1, partitions.size() - 1);
                for (TopicPartition partition : partitions.subList(0, committed)) {
                    commits.put(partition, (long) data.between(1, (int) (ends.get(partition) - 1)));
                }
            }
            ConsumerGroups.of(cluster).commit(group, commits);
            // One committed partition loses its oldest records: its log starts past 0, still before the commit.
            TopicPartition trimmed = commits.keySet().stream().filter(p -> p.topic().equals(read)).findFirst().orElseThrow();
            Cluster.get(cluster.admin().deleteRecords(Map.of(trimmed,
                    RecordsToDelete.beforeOffset(data.between(1, commits.get(trimmed).intValue())))).all());

            KafkaConsumer<String, String> member = cluster.consumer(new StringDeserializer(), new StringDeserializer(), Map.of(
                    ConsumerConfig.GROUP_ID_CONFIG, group,
                    ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer",
                    ConsumerConfig.CLIENT_ID_CONFIG, data.id("reader")));
            member.subscribe(List.of(read));
            List<TopicPartition> readPartitions = Offsets.partitions(cluster.admin(), read);
            ConsumerGroups.of(cluster).pollUntilStable(group, List.of(member), readPartitions);

            long listed = readPartitions.size() + commits.keySet().stream().filter(p -> p.topic().equals(abandoned)).count();
            List<GroupDescribeTable.Line> toolLines = describeWithTheTool(cluster, group, listed, ends);
            List<PartitionLag> learner = feedback.call("describe.hang", () -> LagReport.describe(cluster.admin(), group));
            feedback.expect("describe.null", learner != null, feedback.text("describe.null.expected"), "null");
            Reports reports = new Reports(group, learner.stream().filter(Objects::nonNull).toList());
            for (GroupDescribeTable.Line line : toolLines) {
                reports.tool.put(new TopicPartition(line.topic(), line.partition()), line);
            }
            reports.logEnd.putAll(ends);
            reports.logStart.putAll(Offsets.earliest(cluster.admin(), read));
            reports.logStart.putAll(Offsets.earliest(cluster.admin(), abandoned));
            return reports;
        }

        /**
         * The tool's report, once it agrees with what the grader wrote: every partition listed, each with the log end
         * the grader measured. A report that does not (a partition whose offsets the tool could not fetch in time
         * prints {@code -}) is asked for again, so that the learner is never compared with a hiccup of the tool.
         */
        private static List<GroupDescribeTable.Line> describeWithTheTool(Cluster cluster, String group, long listed,
                                                                         Map<TopicPartition, Long> ends) {
            String printed = "";
            for (int attempt = 1; attempt <= TOOL_ATTEMPTS; attempt++) {
                ToolRunner.Captured describe = ToolRunner.capture(KafkaTool.CONSUMER_GROUPS, List.of("--describe",
                        "--group", group, "--bootstrap-server", cluster.bootstrapServers()), TOOL_TIMEOUT);
                List<GroupDescribeTable.Line> lines = GroupDescribeTable.parse(describe.out());
                boolean agrees = lines.size() == listed && lines.stream().allMatch(line -> line.logEndOffset().equals(
                        String.valueOf(ends.get(new TopicPartition(line.topic(), line.partition())))));
                if (agrees) {
                    return lines;
                }
                printed = describe.out() + describe.err();
            }
            throw new IllegalStateException("kafka-consumer-groups --describe printed, " + TOOL_ATTEMPTS
                    + " times, a report that does not match the records written (log ends " + ends + "):\n" + printed);
        }

        /** Records on every partition of the topics, a different number on each. */
        private static void fill(Cluster cluster, TestData data, String... topics) {
            KafkaProducer<String, String> producer = cluster.producer(new StringSerializer(), new StringSerializer(), Map.of());
            for (String topic : topics) {
                Map<Integer, Integer> counts = new TreeMap<>();
                for (TopicPartition partition : Offsets.partitions(cluster.admin(), topic)) {
                    counts.put(partition.partition(), data.between(3, 40));
                }
                PartitionWriter.write(producer, topic, counts, 40, data);
            }
        }

        /** Each partition both reports list, the tool's line and the learner's, as the tool would print them. */
        void forEachShared(java.util.function.BiConsumer<GroupDescribeTable.Line, GroupDescribeTable.Line> compare) {
            Map<TopicPartition, PartitionLag> mine = learner.stream()
                    .collect(Collectors.toMap(PartitionLag::partition, l -> l, (a, b) -> a));
            tool.forEach((partition, line) -> {
                PartitionLag lag = mine.get(partition);
                if (lag != null) {
                    compare.accept(line, asLine(lag));
                }
            });
        }

        private GroupDescribeTable.Line asLine(PartitionLag lag) {
            return new GroupDescribeTable.Line(group, lag.partition().topic(), lag.partition().partition(),
                    dash(lag.committedOffset()), String.valueOf(lag.logEndOffset()), dash(lag.lag()),
                    lag.owner().map(PartitionLag.Owner::consumerId).orElse("-"),
                    lag.owner().map(PartitionLag.Owner::host).orElse("-"),
                    lag.owner().map(PartitionLag.Owner::clientId).orElse("-"));
        }

        private static String dash(java.util.OptionalLong value) {
            return value.isPresent() ? String.valueOf(value.getAsLong()) : "-";
        }
    }

}
