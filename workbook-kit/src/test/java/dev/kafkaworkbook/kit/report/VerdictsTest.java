package dev.kafkaworkbook.kit.report;

import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.grading.WrongAnswer;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {

    private final Verdicts verdicts = new Verdicts(Texts.kit(Locale.ENGLISH));

    @Test
    void aTodoIsNotStartedEvenWhenKafkaWrappedIt() {
        Throwable wrapped = new SerializationException("Can't serialize",
                new UnsupportedOperationException("TODO 1.2: serialize() is not written yet"));
        Verdicts.Verdict verdict = verdicts.of(wrapped);
        assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_STARTED);
        assertThat(verdict.output()).contains("TODO 1.2: serialize() is not written yet");
    }

    @Test
    void anUnsupportedOperationWithoutTheTodoPrefixIsTheLearnersCrash() {
        assertThat(verdicts.of(new UnsupportedOperationException("not supported")).outcome()).isEqualTo(Outcome.CRASHED);
    }

    @Test
    void aWrongAnswerKeepsTheGradersMessage() {
        Verdicts.Verdict verdict = verdicts.of(new WrongAnswer("[1.1] acks\n    expected: all", "all", "1"));
        assertThat(verdict.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(verdict.output()).isEqualTo("[1.1] acks\n    expected: all");
    }

    @Test
    void anAbortedCheckIsSkippedWithItsReason() {
        Verdicts.Verdict verdict = verdicts.of(new TestAbortedException("Assumption failed: needs 3 brokers"));
        assertThat(verdict.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(verdict.output()).isEqualTo("Skipped: needs 3 brokers");
    }

    @Test
    void anyOtherExceptionIsACrashThatNamesIt() {
        Verdicts.Verdict verdict = verdicts.of(new IllegalStateException("boom"));
        assertThat(verdict.outcome()).isEqualTo(Outcome.CRASHED);
        assertThat(verdict.output()).contains("java.lang.IllegalStateException", "boom");
    }
}
