package dev.kafkaworkbook.consumer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.learner.ConsumerJournal;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Rebalanced;
import dev.kafkaworkbook.kit.learner.SharedRun;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.junit.jupiter.api.Order;

import java.util.ArrayList;
import java.util.List;

/**
 * Grades exercise 2.4 by moving partitions under the learner's instances while logs flow: one instance processes a
 * first wave of logs (fewer than {@code commitEvery}, so nothing of it is committed by the batch rule), a second
 * instance joins (partitions are revoked from the first), a second wave flows, the first instance leaves, a third
 * wave flows. Every poll, commit and rebalance callback is journaled; what was processed twice is counted. The
 * moves run once (by the first check) and every check judges them.
 */
@Grader(exercise = "2.4")
class RebalanceGrader {

    /** One run of instances coming and going, judged by every check. */
    private static final SharedRun<Moves> MOVES = new SharedRun<>();

    @Order(1)
    @Check(points = 2)
    void commitsWhatWasProcessedWhenPartitionsAreRevoked(Cluster cluster, TestData data, Feedback feedback) {
        judgeRevocations(MOVES.get(() -> Moves.run(cluster, data, feedback, GroupProtocol.CLASSIC)), feedback);
    }

    @Order(2)
    @Check(points = 2)
    void nothingIsLostOrProcessedTwiceAsInstancesComeAndGo(Cluster cluster, TestData data, Feedback feedback) {
        judgeExactlyOnce(MOVES.get(() -> Moves.run(cluster, data, feedback, GroupProtocol.CLASSIC)), feedback);
    }

    @Order(3)
    @Check
    void commitsInBatchesOfCommitEvery(Cluster cluster, TestData data, Feedback feedback) {
        Moves moves = MOVES.get(() -> Moves.run(cluster, data, feedback, GroupProtocol.CLASSIC));
        for (GroupRun.Instance instance : moves.instances()) {
            ConsumerJournal journal = instance.journal();
            int processed = journal.processedRecords().size();
            long revocations = journal.rebalances().stream().filter(r -> r.kind() != Rebalanced.Kind.ASSIGNED).count();
            // The batch rule, one commit per revocation, one at shutdown, one to spare (a close that revokes too).
            long allowed = processed / moves.commitEvery() + revocations + 2;
            feedback.expect("batches", journal.commits().size() <= allowed,
                    feedback.text("batches.expected", moves.commitEvery(), allowed),
                    feedback.text("batches.observed", instance.name(), journal.commits().size(), processed));
        }
    }

    /**
     * Every revocation left nothing processed uncommitted, every commit in {@code onPartitionsRevoked} was synchronous,
     * and no commit named a partition the instance did not own (it would overwrite the owner's progress).
     */
    static void judgeRevocations(Moves moves, Feedback feedback) {
        for (GroupRun.Instance instance : moves.instances()) {
            for (Rebalanced revoked : instance.journal().rebalances()) {
                feedback.expect("revoked", revoked.kind() == Rebalanced.Kind.ASSIGNED || revoked.uncommitted().isEmpty(),
                        feedback.text("revoked.expected"), feedback.text("revoked.observed", instance.name(),
                                revoked.partitions().size(), revoked.uncommitted().size(),
                                ConsumerJournal.show(revoked.uncommitted(), 5)));
            }
            for (ConsumerJournal.Committed commit : instance.journal().commits()) {
                feedback.expect("revoked.async", !commit.duringRevoke() || commit.sync(),
                        feedback.text("revoked.async.expected"), feedback.text("revoked.async.observed", instance.name()));
                feedback.expect("unowned", commit.unowned().isEmpty(), feedback.text("unowned.expected"),
                        feedback.text("unowned.observed", instance.name(), ConsumerJournal.show(commit.offsets()),
                                commit.unowned().stream().map(p -> p.partition()).sorted().toList()));
            }
        }
    }

    /** Every log processed exactly once over all instances. */
    static void judgeExactlyOnce(Moves moves, Feedback feedback) {
        feedback.expectExactlyOnce("processed", Tally.of(moves.sent(), moves.run().processed()), Position::toString);
    }

    /** Two instances of the learner's loop coming and going over three waves of logs. */
    record Moves(GroupRun run, List<GroupRun.Instance> instances, List<Position> sent, int commitEvery) {

        static Moves run(Cluster cluster, TestData data, Feedback feedback, GroupProtocol protocol) {
            GroupRun run = GroupRun.on(cluster, data, feedback, data.between(4, 6), protocol);
            int commitEvery = data.between(40, 60);
            List<Position> sent = new ArrayList<>();
            GroupRun.Instance first = run.start("instance-1", loop(run, commitEvery));
            run.awaitSettled(1);
            // Fewer than commitEvery: what the first instance processes now is committed only if its listener commits it.
            sent.addAll(run.publish(data.between(15, 30)).positions());
            run.awaitProcessed(sent, GroupRun.PROCESS);

            GroupRun.Instance second = run.start("instance-2", loop(run, commitEvery));
            run.awaitSettled(2);
            sent.addAll(run.publish(data.between(30, 60)).positions());
            run.awaitProcessed(sent, GroupRun.PROCESS);

            run.stop(first);
            run.awaitSettled(1);
            sent.addAll(run.publish(data.between(15, 30)).positions());
            run.awaitProcessed(sent, GroupRun.PROCESS);
            run.stop(second);
            return new Moves(run, List.of(first, second), sent, commitEvery);
        }

        private static GroupRun.LearnerLoop loop(GroupRun run, int commitEvery) {
            return (consumer, handler) -> {
                RebalanceSafeLoop loop = new RebalanceSafeLoop(consumer, run.topic, handler, commitEvery);
                return new GroupRun.Instance.Code(loop::run, loop::shutdown);
            };
        }
    }
}
