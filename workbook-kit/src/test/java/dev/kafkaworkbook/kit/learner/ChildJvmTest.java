package dev.kafkaworkbook.kit.learner;

import dev.kafkaworkbook.kit.grading.Todo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A child JVM dies for real, what it reported survives, and what it threw comes back as it was thrown. */
class ChildJvmTest {

    private static final Duration LIFE = Duration.ofSeconds(30);

    /** Reports two lines, then crashes mid-way through a third. */
    public static final class ReportsThenCrashes implements ChildProgram {
        @Override
        public void run(Context context) {
            context.report("processed 0 " + context.args().get("first"));
            context.report("processed 0 7");
            context.crash();
            context.report("never written");
        }
    }

    /** A skeleton's TODO, thrown in the child. */
    public static final class NotStarted implements ChildProgram {
        @Override
        public void run(Context context) {
            throw new UnsupportedOperationException("TODO 9.9: Sample.run() is not written yet");
        }
    }

    /** Never ends on its own. */
    public static final class RunsForever implements ChildProgram {
        @Override
        public void run(Context context) throws InterruptedException {
            context.report("started");
            new CountDownLatch(1).await();
        }
    }

    @Test
    void aCrashEndsTheJvmAtOnceAndWhatWasReportedBeforeSurvives() {
        try (ChildJvm child = ChildJvm.start(ReportsThenCrashes.class, Map.of("first", "6"))) {
            assertThat(child.awaitExit(LIFE)).isTrue();
            assertThat(child.crashed()).isTrue();
            assertThat(child.exitCode()).hasValue(137);
            assertThat(child.reports()).containsExactly("processed 0 6", "processed 0 7");
            assertThat(child.thrown()).isEmpty();
        }
    }

    @Test
    void whatTheProgramThrowsIsRethrownHereAsItWasThrown() {
        try (ChildJvm child = ChildJvm.start(NotStarted.class, Map.of())) {
            assertThat(child.awaitExit(LIFE)).isTrue();
            assertThat(child.crashed()).isFalse();
            assertThatThrownBy(child::rethrowIfThrew).isInstanceOf(UnsupportedOperationException.class)
                    .satisfies(thrown -> assertThat(Todo.find(thrown)).isPresent());
        }
    }

    @Test
    void killEndsAChildThatWouldRunForeverAsKillMinusNineDoes() {
        try (ChildJvm child = ChildJvm.start(RunsForever.class, Map.of())) {
            assertThat(child.awaitReports(lines -> lines.contains("started"), LIFE)).contains("started");
            child.kill();
            assertThat(child.isAlive()).isFalse();
            assertThat(child.exitCode()).hasValue(137);
        }
    }
}
