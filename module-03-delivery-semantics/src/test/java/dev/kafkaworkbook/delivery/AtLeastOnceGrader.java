package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.delivery.DeliveryTable;
import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.learner.ConsumerJournal;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import dev.kafkaworkbook.kit.sandbox.Console;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grades exercise 3.2 with the same real crash as 3.1 ({@link Takeover}). At-least-once shows in what happened: no
 * commit ran ahead of processing and every batch was committed before the next poll (the second life's journal);
 * nothing was lost; and what was processed twice is exactly what the dead instance had processed after its last
 * commit, counted in the feedback.
 */
@Grader(exercise = "3.2")
class AtLeastOnceGrader {

    @Order(1)
    @Check
    void commitsOnlyWhatWasProcessed(Cluster cluster, TestData data, Feedback feedback) {
        ConsumerJournal journal = crash(cluster, data, feedback).secondJournal();
        Optional<ConsumerJournal.CommitAhead> ahead = journal.firstCommitAheadOfProcessing();
        feedback.expect("ahead", ahead.isEmpty(), feedback.text("ahead.expected"), ahead.map(a -> feedback.text(
                "ahead.observed", a.commit().offsets(), ConsumerJournal.show(a.unprocessed(), 5))).orElse(""));
    }

    @Order(2)
    @Check
    void commitsEveryBatchBeforeTheNextPoll(Cluster cluster, TestData data, Feedback feedback) {
        ConsumerJournal journal = crash(cluster, data, feedback).secondJournal();
        Optional<ConsumerJournal.Polled> uncommitted = firstBatchUncommittedAtTheNextPoll(journal);
        feedback.expect("batch", uncommitted.isEmpty(), feedback.text("batch.expected"),
                uncommitted.map(p -> feedback.text("batch.observed", ConsumerJournal.show(p.records(), 5), journal.commits().size()))
                        .orElse(""));
    }

    @Order(3)
    @Check(points = 2)
    void aCrashMidBatchLosesNothing(Cluster cluster, TestData data, Feedback feedback) {
        Takeover.Facts facts = crash(cluster, data, feedback);
        Tally<Position> tally = Tally.of(facts.published().positions(), facts.processed());
        Console.out().println(feedback.text("info", DeliveryTable.counts(tally, facts.processed().size())));
        feedback.expect("lost", tally.lost().isEmpty(), feedback.text("lost.expected", tally.expected()),
                feedback.text("lost.observed", DeliveryTable.counts(tally, facts.processed().size()),
                        ConsumerJournal.show(tally.lost(), 5), facts.committedAtCrash()));
    }

    @Order(4)
    @Check
    void whatIsRepeatedIsWhatWasProcessedAfterTheLastCommit(Cluster cluster, TestData data, Feedback feedback) {
        Takeover.Facts facts = crash(cluster, data, feedback);
        Tally<Position> tally = Tally.of(facts.published().positions(), facts.processed());
        feedback.expectSameElements("repeated", facts.processedButNotCommitted(), List.copyOf(tally.duplicated().keySet()));
    }

    private static Takeover.Facts crash(Cluster cluster, TestData data, Feedback feedback) {
        return CrashRuns.of(DeliveryModel.AT_LEAST_ONCE, cluster, data, feedback);
    }

    /**
     * The first batch with records that no commit had fully covered when the next batch with records came back from
     * {@code poll()}: a loop that commits only now and then, or only on its way out, repeats all of it after a crash.
     */
    static Optional<ConsumerJournal.Polled> firstBatchUncommittedAtTheNextPoll(ConsumerJournal journal) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        ConsumerJournal.Polled pending = null;
        for (ConsumerJournal.Event event : journal.events()) {
            if (event instanceof ConsumerJournal.Committed commit) {
                commit.offsets().forEach((partition, offset) -> committed.merge(partition, offset, Math::max));
            } else if (event instanceof ConsumerJournal.Polled polled && !polled.records().isEmpty()) {
                if (pending != null && pending.records().stream()
                        .anyMatch(p -> committed.getOrDefault(p.partition(), -1L) <= p.offset())) {
                    return Optional.of(pending);
                }
                pending = polled;
            }
        }
        return Optional.empty();
    }
}
