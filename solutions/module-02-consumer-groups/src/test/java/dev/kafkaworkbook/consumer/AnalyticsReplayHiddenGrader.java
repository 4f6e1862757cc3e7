package dev.kafkaworkbook.consumer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hidden grader of exercise 2.6 (instructors only): the edges the visible checks stay away from. An empty range, a
 * range that ends at the partition's end, a time after every record (offsetsForTimes gives null everywhere) and a
 * time before every record. The visible grader's topic, words and verdicts are reused.
 */
@Grader(exercise = "2.6", hidden = true)
class AnalyticsReplayHiddenGrader {

    /** An empty replay has nothing to wait for. */
    private static final Duration EMPTY_CALL = Duration.ofSeconds(10);
    private static final Duration REPLAY_CALL = Duration.ofSeconds(40);

    @Order(1)
    @Check
    void emptyRangesAndTheEndOfAPartition(Cluster cluster, TestData data, Feedback feedback) {
        Feedback words = feedback.with(Texts.of(AnalyticsReplayGrader.class));
        AnalyticsReplayGrader.Logs logs = AnalyticsReplayGrader.Logs.write(cluster, data);
        TopicPartition partition = new TopicPartition(logs.topic, 0);
        long at = data.between(10, 200);
        List<ConsumerRecord<String, LogEvent>> none = words.call("range.hang", EMPTY_CALL,
                () -> AnalyticsReplay.readRange(logs.serviceConfig(cluster), partition, at, at));
        words.expect("empty", none != null && none.isEmpty(), words.text("empty.expected"),
                words.text("empty.observed", none == null ? "null" : none.size()));
        long end = logs.ends.get(0);
        long from = end - data.between(5, 40);
        List<ConsumerRecord<String, LogEvent>> tail = words.call("range.hang", REPLAY_CALL,
                () -> AnalyticsReplay.readRange(logs.serviceConfig(cluster), partition, from, end));
        logs.expectSame(words, "range", logs.positions(partition, from, end), tail,
                words.text("range.expected", partition.partition(), from, end));
    }

    @Order(2)
    @Check
    void timesBeforeAndAfterEveryRecord(Cluster cluster, TestData data, Feedback feedback) {
        Feedback words = feedback.with(Texts.of(AnalyticsReplayGrader.class));
        AnalyticsReplayGrader.Logs logs = AnalyticsReplayGrader.Logs.write(cluster, data);
        long future = System.currentTimeMillis() + Duration.ofHours(1).toMillis();
        List<ConsumerRecord<String, LogEvent>> none = words.call("since.hang", EMPTY_CALL,
                () -> AnalyticsReplay.readSince(logs.serviceConfig(cluster), logs.topic, future));
        words.expect("empty", none != null && none.isEmpty(), words.text("empty.expected"),
                words.text("empty.observed", none == null ? "null" : none.size()));
        List<ConsumerRecord<String, LogEvent>> all = words.call("since.hang", REPLAY_CALL,
                () -> AnalyticsReplay.readSince(logs.serviceConfig(cluster), logs.topic, 0L));
        List<Position> everything = new ArrayList<>();
        logs.ends.forEach((p, end) -> everything.addAll(logs.positions(new TopicPartition(logs.topic, p), 0, end)));
        logs.expectSame(words, "since", everything, all, words.text("since.expected", 0));
    }
}
