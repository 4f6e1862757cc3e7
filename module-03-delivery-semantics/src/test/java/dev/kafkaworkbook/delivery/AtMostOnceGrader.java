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
import java.util.Map;
import java.util.Optional;

/**
 * Grades exercise 3.1 with a real crash ({@link Takeover}): the learner's processor dies mid-batch in a JVM of its own
 * and a second instance takes over. At-most-once shows in what happened: every record was committed before it was
 * processed (the second life's journal), nothing was processed twice, and what was lost is exactly what the group had
 * committed but the dead instance had not processed.
 */
@Grader(exercise = "3.1")
class AtMostOnceGrader {

    @Order(1)
    @Check
    void commitsEachRecordBeforeProcessingIt(Cluster cluster, TestData data, Feedback feedback) {
        ConsumerJournal journal = crash(cluster, data, feedback).secondJournal();
        Optional<ProcessedAhead> ahead = firstProcessedAheadOfItsCommit(journal);
        feedback.expect("ahead", ahead.isEmpty(), feedback.text("ahead.expected"),
                ahead.map(a -> feedback.text("ahead.observed", a.record(), a.committed())).orElse(""));
        Optional<ConsumerJournal.Committed> async = journal.commits().stream().filter(c -> !c.sync()).findFirst();
        feedback.expect("async", async.isEmpty(), feedback.text("async.expected"),
                feedback.text("async.observed", journal.commits().stream().filter(c -> !c.sync()).count()));
    }

    @Order(2)
    @Check(points = 2)
    void aCrashMidBatchProcessesNothingTwice(Cluster cluster, TestData data, Feedback feedback) {
        Takeover.Facts facts = crash(cluster, data, feedback);
        Tally<Position> tally = Tally.of(facts.published().positions(), facts.processed());
        Console.out().println(feedback.text("info", DeliveryTable.counts(tally, facts.processed().size())));
        feedback.expect("twice", tally.duplicated().isEmpty(), feedback.text("twice.expected"),
                feedback.text("twice.observed", DeliveryTable.counts(tally, facts.processed().size()),
                        ConsumerJournal.show(tally.duplicated().keySet(), 5), facts.committedAtCrash()));
    }

    @Order(3)
    @Check(points = 2)
    void whatIsLostIsWhatWasCommittedButNotProcessed(Cluster cluster, TestData data, Feedback feedback) {
        Takeover.Facts facts = crash(cluster, data, feedback);
        Tally<Position> tally = Tally.of(facts.published().positions(), facts.processed());
        feedback.expectSameElements("lost", facts.committedButNotProcessed(), tally.lost());
    }

    private static Takeover.Facts crash(Cluster cluster, TestData data, Feedback feedback) {
        return CrashRuns.of(DeliveryModel.AT_MOST_ONCE, cluster, data, feedback);
    }

    /** A record processed while no commit of its consumer covered it yet. */
    record ProcessedAhead(Position record, Map<TopicPartition, Long> committed) {
    }

    /** The first record the consumer processed before a commit had covered it: what at-most-once never does. */
    static Optional<ProcessedAhead> firstProcessedAheadOfItsCommit(ConsumerJournal journal) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (ConsumerJournal.Event event : journal.events()) {
            if (event instanceof ConsumerJournal.Committed commit) {
                commit.offsets().forEach((partition, offset) -> committed.merge(partition, offset, Math::max));
            } else if (event instanceof ConsumerJournal.Processed processed
                    && committed.getOrDefault(processed.record().partition(), -1L) <= processed.record().offset()) {
                return Optional.of(new ProcessedAhead(processed.record(), Map.copyOf(committed)));
            }
        }
        return Optional.empty();
    }
}
