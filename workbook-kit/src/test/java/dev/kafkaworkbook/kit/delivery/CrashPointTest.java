package dev.kafkaworkbook.kit.delivery;

import dev.kafkaworkbook.kit.learner.ConsumerJournal;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CrashPointTest {

    private static final TopicPartition ORDERS = new TopicPartition("orders", 0);

    private final List<Position> crashedOn = new ArrayList<>();
    private Position current;

    private void batch(CrashPoint point, int from, int size) {
        List<Position> records = IntStream.range(from, from + size).mapToObj(o -> new Position(ORDERS, o)).toList();
        point.accept(new ConsumerJournal.Polled("t", records));
        for (Position record : records) {
            current = record;
            point.accept(new ConsumerJournal.Processed("t", record));
        }
    }

    @Test
    void crashesOnTheFirstRecordPastThePointThatLeavesPartOfItsBatch() {
        CrashPoint point = CrashPoint.midBatch(12, () -> crashedOn.add(current));
        batch(point, 0, 10);
        batch(point, 10, 10);
        assertThat(crashedOn).first().isEqualTo(new Position(ORDERS, 11));
    }

    @Test
    void neverCrashesOnTheLastRecordOfABatch() {
        CrashPoint point = CrashPoint.midBatch(10, () -> crashedOn.add(current));
        batch(point, 0, 10);
        assertThat(crashedOn).isEmpty();
        batch(point, 10, 5);
        assertThat(crashedOn).first().isEqualTo(new Position(ORDERS, 10));
    }

    @Test
    void batchesOfOneRecordCrashAnywayAfterAGrace() {
        CrashPoint point = CrashPoint.midBatch(3, () -> crashedOn.add(current));
        for (int offset = 0; offset < 100 && crashedOn.isEmpty(); offset++) {
            batch(point, offset, 1);
        }
        assertThat(crashedOn).hasSize(1);
        assertThat(crashedOn.get(0).offset()).isGreaterThan(3).isLessThan(60);
    }
}
