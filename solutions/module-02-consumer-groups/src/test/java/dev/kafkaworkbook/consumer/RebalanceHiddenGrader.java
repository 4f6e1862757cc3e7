package dev.kafkaworkbook.consumer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.learner.SharedRun;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.junit.jupiter.api.Order;

/**
 * Hidden grader of exercise 2.4 (instructors only): the visible moves again, under {@code group.protocol=consumer}
 * (KIP-848). Its rebalances are incremental: only the partitions that move are revoked, the others stay, so a
 * listener that commits only when everything is revoked, or that forgets the partitions it keeps, shows here. The
 * visible grader's words and verdicts are reused.
 */
@Grader(exercise = "2.4", hidden = true)
class RebalanceHiddenGrader {

    private static final SharedRun<RebalanceGrader.Moves> MOVES = new SharedRun<>();

    @Order(1)
    @Check
    void commitsWhatWasProcessedWhenPartitionsAreRevokedIncrementally(Cluster cluster, TestData data, Feedback feedback) {
        Feedback words = feedback.with(Texts.of(RebalanceGrader.class));
        RebalanceGrader.judgeRevocations(moves(cluster, data, words), words);
    }

    @Order(2)
    @Check
    void nothingIsLostOrProcessedTwiceUnderTheConsumerProtocol(Cluster cluster, TestData data, Feedback feedback) {
        Feedback words = feedback.with(Texts.of(RebalanceGrader.class));
        RebalanceGrader.judgeExactlyOnce(moves(cluster, data, words), words);
    }

    private static RebalanceGrader.Moves moves(Cluster cluster, TestData data, Feedback feedback) {
        return MOVES.get(() -> RebalanceGrader.Moves.run(cluster, data, feedback, GroupProtocol.CONSUMER));
    }
}
