package dev.kafkaworkbook.consumer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.GroupSnapshot;
import dev.kafkaworkbook.kit.learner.ConsumerJournal;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.CommitAhead;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grades exercise 2.2 by running the learner's loop over a consumer the grader built and journals (every poll,
 * commit and close, and every record handed to the handler, in order), on random logs, some written before the loop
 * starts and some while it runs; then asks it to stop from another thread, as a service shutting down would.
 */
@Grader(exercise = "2.2")
class PollLoopGrader {

    /** How long the offsets of what was processed may take to reach the broker while the loop runs. */
    private static final Duration COMMIT_LAG = Duration.ofSeconds(5);
    /** A closed consumer leaves at once (LeaveGroup); one that is not closed stays until its session expires (2 s). */
    private static final Duration LEAVE = Duration.ofMillis(1_500);

    @Order(1)
    @Check(points = 2)
    void processesEveryRecordOnce(Cluster cluster, TestData data, Feedback feedback) {
        Running running = runUntilProcessed(cluster, data, feedback);
        feedback.expectExactlyOnce("processed", Tally.of(running.sent(), running.run().processed()), Position::toString);
        running.run().stop(running.instance());
    }

    @Order(2)
    @Check(points = 2)
    void commitsAfterProcessingWhatWasProcessed(Cluster cluster, TestData data, Feedback feedback) {
        Running running = runUntilProcessed(cluster, data, feedback);
        ConsumerJournal journal = running.instance().journal();
        feedback.expect("commit.none", !journal.commits().isEmpty(), feedback.text("commit.none.expected"),
                feedback.text("commit.none.observed", journal.processedRecords().size()));
        Optional<CommitAhead> ahead = journal.firstCommitAheadOfProcessing();
        if (ahead.isPresent()) {
            throw feedback.wrong("commit.ahead", feedback.text("commit.ahead.expected"), feedback.text("commit.ahead.observed",
                    ahead.get().commit().offsets(), ahead.get().unprocessed().size(),
                    ConsumerJournal.show(ahead.get().unprocessed(), 5)));
        }
        Map<TopicPartition, Long> end = running.run().endOffsets();
        Map<TopicPartition, Long> committed = awaitCommitted(running.run(), end);
        feedback.expect("commit.end", committed.equals(end), feedback.text("commit.end.expected", end),
                feedback.text("commit.end.observed", committed));
        running.run().stop(running.instance());
    }

    @Order(3)
    @Check
    void stopsWhenWokenUpAndLeavesTheGroup(Cluster cluster, TestData data, Feedback feedback) {
        Running running = runUntilProcessed(cluster, data, feedback);
        Duration took = running.run().stop(running.instance());
        ConsumerJournal journal = running.instance().journal();
        List<ConsumerJournal.Called> foreign = journal.callsFromOtherThreads();
        feedback.expect("otherThread", foreign.isEmpty(), feedback.text("otherThread.expected"),
                foreign.isEmpty() ? "" : feedback.text("otherThread.observed", foreign.get(0).method(), foreign.get(0).thread()));
        feedback.expect("close.none", !journal.calls("close").isEmpty(), feedback.text("close.none.expected"),
                feedback.text("close.none.observed", took.toMillis()));
        GroupSnapshot group = running.run().groups.awaitEmpty(running.run().group, LEAVE);
        feedback.expect("leave", group.members().isEmpty(), feedback.text("leave.expected"), group);
    }

    /** One instance of the learner's loop, every published record processed (or the wait ran out). */
    private record Running(GroupRun run, GroupRun.Instance instance, List<Position> sent) {
    }

    private static Running runUntilProcessed(Cluster cluster, TestData data, Feedback feedback) {
        GroupRun run = GroupRun.on(cluster, data, feedback, data.between(2, 4), GroupProtocol.CLASSIC);
        LogStream.Published before = run.publish(data.between(10, 40));
        GroupRun.Instance instance = run.start("instance-1", (consumer, handler) -> {
            LogProcessingLoop loop = new LogProcessingLoop(consumer, run.topic, handler);
            return new GroupRun.Instance.Code(loop::run, loop::shutdown);
        });
        // Written while the loop runs: it must keep polling, not stop after what it found at first.
        run.awaitProcessed(before.positions(), GroupRun.PROCESS);
        LogStream.Published during = run.publish(data.between(10, 40));
        List<Position> sent = new java.util.ArrayList<>(before.positions());
        sent.addAll(during.positions());
        run.awaitProcessed(sent, GroupRun.PROCESS);
        return new Running(run, instance, sent);
    }

    /** The group's committed offsets once they reach {@code end}, or as they are when {@link #COMMIT_LAG} runs out. */
    private static Map<TopicPartition, Long> awaitCommitted(GroupRun run, Map<TopicPartition, Long> end) {
        try {
            return Awaitility.await().atMost(COMMIT_LAG).pollInterval(Duration.ofMillis(50))
                    .until(run::committed, committed -> committed.equals(end));
        } catch (ConditionTimeoutException notThere) {
            return run.committed();
        }
    }
}
