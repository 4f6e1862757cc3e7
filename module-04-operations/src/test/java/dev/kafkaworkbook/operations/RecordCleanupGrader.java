package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Attempt;
import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.operations.Offsets;
import dev.kafkaworkbook.kit.operations.Partitions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.OffsetOutOfRangeException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;

import java.util.List;
import java.util.Map;

/**
 * Grades exercise 4.5 on topics whose records carry timestamps the grader chose (growing with the offsets, a few
 * hours in the past), so it knows, per partition, the first record at or after the cutoff: the log start offset the
 * learner's deletion must produce. What remains is read back from the broker.
 */
@Grader(exercise = "4.5")
class RecordCleanupGrader {

    @Order(1)
    @Check(points = 2)
    void nothingStampedBeforeTheCutoffRemains(Cluster cluster, TestData data, Feedback feedback) {
        StampedTopic topic = StampedTopic.mixed(cluster, data);
        delete(cluster, topic, feedback);
        Map<TopicPartition, Long> start = Offsets.earliest(cluster.admin(), topic.name());
        topic.firstKept().forEach((partition, expected) -> feedback.expect("tooLittle", start.get(partition) >= expected,
                feedback.text("start.expected", partition, expected, topic.cutoffMs()),
                feedback.text("start.observed", partition, start.get(partition))));
    }

    @Order(2)
    @Check
    void everyRecordFromTheCutoffOnRemains(Cluster cluster, TestData data, Feedback feedback) {
        StampedTopic topic = StampedTopic.mixed(cluster, data);
        delete(cluster, topic, feedback);
        Map<TopicPartition, Long> start = Offsets.earliest(cluster.admin(), topic.name());
        topic.firstKept().forEach((partition, expected) -> feedback.expect("tooMuch", start.get(partition) <= expected,
                feedback.text("start.expected", partition, expected, topic.cutoffMs()),
                feedback.text("start.observed", partition, start.get(partition))));
        List<String> remaining = cluster.readToEnd(topic.name(), new StringDeserializer(), new StringDeserializer())
                .stream().map(ConsumerRecord::value).toList();
        feedback.expectExactlyOnce("remaining", Tally.of(topic.kept(), remaining), StampedTopic::idOf);
    }

    @Order(3)
    @Check
    void anAllOldPartitionIsEmptiedToItsEndAndNoFurther(Cluster cluster, TestData data, Feedback feedback) {
        StampedTopic topic = StampedTopic.edges(cluster, data);
        Attempt<Map<TopicPartition, Long>> deleted = feedback.attempt("delete.hang",
                () -> RecordCleanup.deleteOlderThan(cluster.admin(), topic.name(), topic.cutoffMs()));
        if (deleted.threw()) {
            boolean pastTheEnd = causedBy(deleted.thrown(), OffsetOutOfRangeException.class);
            throw feedback.wrong(pastTheEnd ? "pastTheEnd" : "edges.threw", feedback.text("edges.expected"),
                    deleted.thrown());
        }
        Map<TopicPartition, Long> start = Offsets.earliest(cluster.admin(), topic.name());
        Map<TopicPartition, Long> expected = Partitions.sorted(topic.firstKept());
        feedback.expect("edges", start.equals(expected), feedback.text("edges.layout", expected, topic.describeEdges()),
                start);
    }

    @Order(4)
    @Check
    void returnsEachPartitionsNewLogStartOffset(Cluster cluster, TestData data, Feedback feedback) {
        // Every kind of partition: some records deleted, all of them, none, and an empty one.
        StampedTopic topic = StampedTopic.everyKind(cluster, data);
        Map<TopicPartition, Long> returned = delete(cluster, topic, feedback);
        Map<TopicPartition, Long> start = Offsets.earliest(cluster.admin(), topic.name());
        feedback.expect("returned.null", returned != null, start, "null");
        feedback.expectEqual("returned", start, Partitions.sorted(returned));
    }

    private static Map<TopicPartition, Long> delete(Cluster cluster, StampedTopic topic, Feedback feedback) {
        return feedback.call("delete.hang", () -> RecordCleanup.deleteOlderThan(cluster.admin(), topic.name(), topic.cutoffMs()));
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
