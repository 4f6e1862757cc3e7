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
        Verdicts.Verdict verdict = verdicts.of(wrapped, "1.2");
        assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_STARTED);
        assertThat(verdict.output()).isEqualTo("Not started yet: serialize() is not written yet (TODO 1.2)");
    }

    @Test
    void aTodoIsNotStartedInSpanishToo() {
        Verdicts.Verdict verdict = new Verdicts(Texts.kit(new Locale("es")))
                .of(new UnsupportedOperationException("TODO 1.3: OrderEventPublisher.publish() is not written yet"), "1.3");
        assertThat(verdict.output()).isEqualTo("Sin empezar: OrderEventPublisher.publish() aún no está escrito (TODO 1.3)");
    }

    @Test
    void anUnsupportedOperationWithoutTheTodoPrefixIsNotATodo() {
        assertThat(verdicts.of(new UnsupportedOperationException("not supported"), "1.1").outcome())
                .isNotEqualTo(Outcome.NOT_STARTED);
    }

    @Test
    void aWrongAnswerKeepsTheGradersMessage() {
        Verdicts.Verdict verdict = verdicts.of(new WrongAnswer("[1.1] acks\n    expected: all", "all", "1"), "1.1");
        assertThat(verdict.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(verdict.output()).isEqualTo("[1.1] acks\n    expected: all");
    }

    @Test
    void anAbortedCheckIsSkippedWithItsReason() {
        Verdicts.Verdict verdict = verdicts.of(new TestAbortedException("Assumption failed: needs 3 brokers"), "1.6");
        assertThat(verdict.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(verdict.output()).isEqualTo("Skipped: needs 3 brokers");
    }

    @Test
    void anExceptionWithNoFrameOfTheLearnersIsTheGradersFaultNotTheLearners() {
        Verdicts.Verdict verdict = verdicts.of(new IllegalStateException("boom"), "1.1");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(verdict.output()).contains("not a problem with your code", "java.lang.IllegalStateException", "boom");
    }

    @Test
    void anUnreachableClusterIsSaidInOneSentenceInTheLearnersLanguage() {
        Throwable unreachable = new dev.kafkaworkbook.kit.cluster.BackendUnavailableException("unreachable",
                java.util.List.of("127.0.0.1:1", 5), "english");
        Verdicts.Verdict verdict = new Verdicts(Texts.kit(new Locale("es"))).of(unreachable, "1.1");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(verdict.output()).isEqualTo("No se pudo calificar esta comprobación aquí (no es un problema de tu código):"
                + " El clúster de Kafka en 127.0.0.1:1 no respondió en 5 s: arráncalo o corrige -Dworkbook.bootstrap.");
    }
}
