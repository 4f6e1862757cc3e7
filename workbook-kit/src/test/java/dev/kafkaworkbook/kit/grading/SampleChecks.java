package dev.kafkaworkbook.kit.grading;

import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

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
            throw new UnsupportedOperationException("TODO 9.1: SampleChecks.answer() is not written yet");
        });
    }

    @Order(4)
    @Check
    void hangs(Feedback feedback) {
        feedback.run("hang", Duration.ofMillis(300), () -> new CountDownLatch(1).await());
    }

    @Order(5)
    @Check
    void hangsAgain(Feedback feedback) {
        // The same learner method, in a later check: not called again, and not waited for again.
        feedback.run("hang", Duration.ofSeconds(30), () -> new CountDownLatch(1).await());
    }

    @Order(6)
    @Check(points = 3)
    void graderFails() {
        throw new IllegalStateException("grader bug");
    }

    @Order(7)
    @Check
    void exits(Feedback feedback) {
        feedback.run("quiet", Duration.ofSeconds(5), () -> {
            System.out.println("about to exit");
            System.exit(3);
        });
    }

    @Order(8)
    @Check
    void exitsAndSwallowsTheRefusal(Feedback feedback) {
        feedback.run("quiet", Duration.ofSeconds(5), () -> {
            try {
                Runtime.getRuntime().halt(4);
            } catch (Throwable refused) {
                // a learner who catches everything
            }
        });
    }

    @Order(9)
    @Check
    void leavesAThreadRunning(Feedback feedback) {
        feedback.run("quiet", Duration.ofSeconds(5), () -> {
            Thread stubborn = new Thread(() -> {
                while (true) {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException ignored) {
                        // a learner loop that never gives up
                    }
                }
            }, "stubborn-learner-thread");
            stubborn.setDaemon(true);
            stubborn.start();
        });
    }

    @Order(10)
    @Check
    void printsALotAndFails(Feedback feedback) {
        feedback.run("quiet", Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 100_000; i++) {
                System.out.println("line " + i);
            }
        });
        feedback.expectEqual("answer", 42, 41);
    }

    /** A grader whose checks need brokers that only the embedded backend can stop. */
    @Grader(exercise = "9.2", brokers = 3)
    static class NeedsThreeBrokers {
        @Check
        void stopsABroker(Cluster cluster) {
            throw new AssertionError("must not run outside the embedded backend");
        }

        @Check
        void needsNoCluster(Feedback feedback) {
            feedback.expectEqual("answer", 42, 42);
        }
    }

    /** A grader whose checks share the heap with another exercise's runaway code. */
    @Grader(exercise = "9.3")
    static class SharesTheHeap {
        static final AtomicInteger RETRIED_TRIES = new AtomicInteger();
        static final AtomicInteger WRONG_TRIES = new AtomicInteger();

        @Order(1)
        @Check
        void retriedAfterAFullHeap(Feedback feedback) throws InterruptedException {
            if (RETRIED_TRIES.incrementAndGet() == 1) {
                Thread runaway = new Thread(SharesTheHeap::fillTheHeap, "another-exercise");
                runaway.start();
                runaway.join();
                feedback.expectEqual("answer", 42, 41);
            }
        }

        @Order(2)
        @Check
        void wrongWithRoomToSpare(Feedback feedback) {
            WRONG_TRIES.incrementAndGet();
            feedback.expectEqual("answer", 42, 41);
        }

        /** What a learner's cache that never evicts does, in another exercise: it fills the heap, then lets go. */
        private static void fillTheHeap() {
            List<long[]> kept = new ArrayList<>();
            try {
                while (true) {
                    kept.add(new long[1 << 20]);
                }
            } catch (OutOfMemoryError expected) {
                kept.clear();
            }
        }
    }
}
