package dev.kafkaworkbook.kit.learner;

import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Rebalanced;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal reads what a loop did from the calls it made: the mistakes graders must name, and correct loops. */
class ConsumerJournalTest {

    private static final TopicPartition P0 = new TopicPartition("logs", 0);
    private static final TopicPartition P1 = new TopicPartition("logs", 1);

    private final MockConsumer<String, String> mock = new MockConsumer<>("earliest");
    private final ConsumerJournal journal = new ConsumerJournal();
    private final Consumer<String, String> consumer = journal.record(mock);

    private ConsumerRecords<String, String> pollThree(ConsumerRebalanceListener listener) {
        if (listener == null) {
            consumer.subscribe(List.of("logs"));
        } else {
            consumer.subscribe(List.of("logs"), listener);
        }
        mock.rebalance(List.of(P0, P1));
        mock.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        mock.addRecord(new ConsumerRecord<>("logs", 0, 0, "k", "a"));
        mock.addRecord(new ConsumerRecord<>("logs", 0, 1, "k", "b"));
        mock.addRecord(new ConsumerRecord<>("logs", 1, 0, "k", "c"));
        return consumer.poll(Duration.ZERO);
    }

    @Test
    void aCommitBeforeProcessingIsNamedWithTheRecordsItCovered() {
        ConsumerRecords<String, String> records = pollThree(null);
        consumer.commitSync();
        records.forEach(journal::processed);

        assertThat(journal.firstCommitAheadOfProcessing()).hasValueSatisfying(ahead -> {
            assertThat(ahead.unprocessed()).containsExactly(new Position(P0, 0), new Position(P0, 1), new Position(P1, 0));
            assertThat(ahead.commit().offsets()).containsEntry(P0, 2L).containsEntry(P1, 1L);
        });
    }

    @Test
    void processingThenCommittingIsFineAndLeavesNothingPending() {
        ConsumerRecords<String, String> records = pollThree(null);
        records.forEach(journal::processed);
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(2), P1, new OffsetAndMetadata(1)));

        assertThat(journal.firstCommitAheadOfProcessing()).isEmpty();
        assertThat(journal.processedSinceLastCommit()).isZero();
        assertThat(journal.processedRecords()).hasSize(3);
        assertThat(journal.commits()).singleElement().satisfies(c -> {
            assertThat(c.explicit()).isTrue();
            assertThat(c.unowned()).isEmpty();
        });
    }

    @Test
    void aRevocationWithoutACommitLeavesItsProcessedRecordsUncommitted() {
        pollThree(null).forEach(journal::processed);
        mock.rebalance(List.of(P1));

        Rebalanced revoked = journal.rebalances().stream().filter(r -> r.kind() == Rebalanced.Kind.REVOKED)
                .findFirst().orElseThrow();
        assertThat(revoked.uncommitted()).contains(new Position(P0, 0), new Position(P0, 1));
    }

    @Test
    void aListenerThatCommitsOnRevocationLeavesNothingAndIsSeenCommittingThere() {
        ConsumerRebalanceListener committing = new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                consumer.commitSync(Map.of(P0, new OffsetAndMetadata(2), P1, new OffsetAndMetadata(1)));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        };
        pollThree(committing).forEach(journal::processed);
        mock.rebalance(List.of(P1));

        assertThat(journal.rebalances()).filteredOn(r -> r.kind() == Rebalanced.Kind.REVOKED)
                .allSatisfy(r -> assertThat(r.uncommitted()).isEmpty());
        assertThat(journal.commits()).anySatisfy(c -> assertThat(c.duringRevoke()).isTrue());
    }

    @Test
    void aCommitForAPartitionNoLongerOwnedIsNamed() {
        pollThree(null).forEach(journal::processed);
        mock.rebalance(List.of(P1));
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(2)));

        assertThat(journal.commits()).last().satisfies(c -> assertThat(c.unowned()).containsExactly(P0));
    }

    @Test
    void onlyWakeupMayComeFromAnotherThread() throws Exception {
        pollThree(null);
        CompletableFuture.runAsync(() -> {
            consumer.wakeup();
            consumer.commitAsync();
        }).get();

        assertThat(journal.callsFromOtherThreads()).extracting(ConsumerJournal.Called::method).containsExactly("commitAsync");
        assertThat(journal.pollingThread()).contains(Thread.currentThread().getName());
    }

    @Test
    void watchersHearEveryEventOnTheThreadThatCausedIt() {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        journal.watch(event -> heard.add(event.getClass().getSimpleName() + "@" + event.thread()));
        pollThree(null).forEach(journal::processed);

        String here = Thread.currentThread().getName();
        assertThat(heard).contains("Polled@" + here, "Processed@" + here);
    }
}
