package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Attempt;
import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Order;

/**
 * Hidden grader of exercise 4.3 (instructors only): a change the cluster refuses must reach the caller, as
 * {@code kafka-configs} reports it, instead of being lost in an admin result nobody waited for.
 */
@Grader(exercise = "4.3", hidden = true)
class ConsistencyUpgradeHiddenGrader {

    @Order(1)
    @Check
    void aChangeTheClusterRefusesReachesTheCaller(Cluster cluster, Feedback feedback) {
        String missing = cluster.newTopicName("no-such-topic");
        Attempt<Void> attempt = feedback.attempt("raise.hang", () -> {
            ConsistencyUpgrade.requireTwoInSyncReplicas(cluster.admin(), missing);
            return null;
        });
        feedback.expect("refusal", attempt.threw() && causedBy(attempt.thrown()),
                feedback.text("refusal.expected", missing),
                attempt.threw() ? String.valueOf(attempt.thrown()) : feedback.text("refusal.returned"));
    }

    private static boolean causedBy(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownTopicOrPartitionException) {
                return true;
            }
        }
        return false;
    }
}
