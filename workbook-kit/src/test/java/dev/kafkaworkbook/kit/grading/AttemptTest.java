package dev.kafkaworkbook.kit.grading;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttemptTest {

    @Test
    void capturesAValueOrWhatWasThrown() {
        assertThat(Attempt.of(() -> 42)).isEqualTo(new Attempt<>(42, null));
        Attempt<Object> failed = Attempt.of(() -> {
            throw new SerializationException("corrupt");
        });
        assertThat(failed.threw()).isTrue();
        assertThat(failed.thrown()).isInstanceOf(SerializationException.class);
    }

    @Test
    void aTodoIsNotCapturedSoTheCheckSaysNotStarted() {
        assertThatThrownBy(() -> Attempt.of(() -> {
            throw new SerializationException("wrapped", new UnsupportedOperationException("TODO 1.2: write me"));
        })).isInstanceOf(SerializationException.class);
        assertThat(Todo.find(new RuntimeException(new UnsupportedOperationException("TODO 1.2")))).isPresent();
        assertThat(Todo.find(new UnsupportedOperationException("not a todo"))).isEmpty();
    }
}
