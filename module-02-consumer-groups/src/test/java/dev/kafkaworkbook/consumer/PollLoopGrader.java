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
import dev.kafkaworkbook.kit.learner.SharedRun;
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

    /** One run of the learner's loop, judged by every check. */
    private static final SharedRun<Run> RUN = new SharedRun<>();

    @Order(1)
    @Check(points = 2)
    void processesEveryRecordOnce(Cluster cluster, TestData data, Feedback feedback) {
        Run run = RUN.get(() -> Run.of(cluster, data, feedback));
        feedback.expectExactlyOnce("processed", Tally.of(run.sent(), run.journal().processedRecords()), Position::toString);
    }

    @Order(2)
    @Check(points = 2)
    void commitsAfterProcessingWhatWasProcessed(Cluster cluster, TestData data, Feedback feedback) {
        Run run = RUN.get(() -> Run.of(cluster, data, feedback));
        ConsumerJournal journal = run.journal();
        feedback.expect("commit.none", !journal.commits().isEmpty(), feedback.text("commit.none.expected"),
                feedback.text("commit.none.observed", journal.processedRecords().size()));
        Optional<CommitAhead> ahead = journal.firstCommitAheadOfProcessing();
        if (ahead.isPresent()) {
            throw feedback.wrong("commit.ahead", feedback.text("commit.ahead.expected"), feedback.text("commit.ahead.observed",
                    ConsumerJournal.show(ahead.get().commit().offsets()), ahead.get().unprocessed().size(),
                    ConsumerJournal.show(ahead.get().unprocessed(), 5)));
        }
        feedback.expect("commit.end", run.committedWhileRunning().equals(run.end()),
                feedback.text("commit.end.expected", ConsumerJournal.show(run.end())),
                feedback.text("commit.end.observed", ConsumerJournal.show(run.committedWhileRunning())));
    }

    @Order(3)
    @Check
    void stopsWhenWokenUpAndLeavesTheGroup(Cluster cluster, TestData data, Feedback feedback) {
        Run run = RUN.get(() -> Run.of(cluster, data, feedback));
        if (run.stopFailure() instanceof AssertionError wrong) {
            throw wrong;
        }
        if (run.stopFailure() instanceof RuntimeException threw) {
            throw threw;
        }
        feedback.expect("subscribe", !run.journal().calls("subscribe").isEmpty(), feedback.text("subscribe.expected"),
                feedback.text("subscribe.observed", run.journal().calls("assign")));
        List<ConsumerJournal.Called> foreign = run.journal().callsFromOtherThreads();
        feedback.expect("otherThread", foreign.isEmpty(), feedback.text("otherThread.expected"),
                foreign.isEmpty() ? "" : feedback.text("otherThread.observed", foreign.get(0).method(), foreign.get(0).thread()));
        feedback.expect("close.none", !run.journal().calls("close").isEmpty(), feedback.text("close.none.expected"),
                feedback.text("close.none.observed", run.stoppedIn().toMillis()));
        feedback.expect("leave", run.afterStop().members().isEmpty(), feedback.text("leave.expected"), run.afterStop());
    }

    /**
     * One instance of the learner's loop over logs written before it started and while it ran: what it did, what
     * the group had committed once it had processed everything, and how it stopped (or why it did not).
     */
    private record Run(List<Position> sent, ConsumerJournal journal, Map<TopicPartition, Long> end,
                       Map<TopicPartition, Long> committedWhileRunning, Duration stoppedIn, GroupSnapshot afterStop,
                       Throwable stopFailure) {

        static Run of(Cluster cluster, TestData data, Feedback feedback) {
            GroupRun run = GroupRun.on(cluster, data, feedback, data.between(2, 4), GroupProtocol.CLASSIC);
            LogStream.Published before = run.publish(data.between(10, 40));
            GroupRun.Instance instance = run.start("instance-1", (consumer, handler) -> {
                LogProcessingLoop loop = new LogProcessingLoop(consumer, run.topic, handler);
                return new GroupRun.Instance.Code(loop::run, loop::shutdown);
            });
            // Written while the loop runs: it must keep polling, not stop after what it found at first.
            run.awaitProcessed(before.positions(), GroupRun.PROCESS);
            List<Position> sent = new java.util.ArrayList<>(before.positions());
            sent.addAll(run.publish(data.between(10, 40)).positions());
            run.awaitProcessed(sent, GroupRun.PROCESS);
            Map<TopicPartition, Long> end = run.endOffsets();
            Map<TopicPartition, Long> committed = awaitCommitted(run, end);
            try {
                Duration took = run.stop(instance);
                return new Run(sent, instance.journal(), end, committed, took, run.groups.awaitEmpty(run.group, LEAVE), null);
            } catch (RuntimeException | AssertionError stopFailed) {
                // Judged by the stopping check alone: a loop that processes well but does not stop loses that check only.
                return new Run(sent, instance.journal(), end, committed, Duration.ZERO, null, stopFailed);
            }
        }
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
