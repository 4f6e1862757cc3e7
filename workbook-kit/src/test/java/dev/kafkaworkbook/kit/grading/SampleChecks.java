package dev.kafkaworkbook.kit.grading;

import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** A grader with one check per outcome, run by {@link GradingExtensionTest} (its name keeps Surefire away). */
@Grader(exercise = "9.1")
class SampleChecks {

    @Order(1)
    @Check(points = 2)
    void passes(TestData data, Feedback feedback) {
        int value = data.between(1, 10);
        feedback.expect("positive", value > 0, "> 0", value);
    }

    @Order(2)
    @Check
    void isWrong(Feedback feedback) {
        feedback.expectEqual("answer", 42, 41);
    }

    @Order(3)
    @Check
    void isNotStarted(Feedback feedback) {
        feedback.run("hang", Duration.ofSeconds(5), () -> {
            throw new UnsupportedOperationException("TODO 9.1: write me");
        });
    }

    @Order(4)
    @Check
    void hangs(Feedback feedback) {
        feedback.run("hang", Duration.ofMillis(300), () -> new CountDownLatch(1).await());
    }

    @Order(5)
    @Check(points = 3)
    void crashes() {
        throw new IllegalStateException("learner bug");
    }

    /** A grader whose checks need brokers that only the embedded backend can stop. */
    @Grader(exercise = "9.2", brokers = 3)
    static class NeedsThreeBrokers {
        @Check
        void stopsABroker(Cluster cluster) {
            throw new AssertionError("must not run outside the embedded backend");
        }
    }
}
