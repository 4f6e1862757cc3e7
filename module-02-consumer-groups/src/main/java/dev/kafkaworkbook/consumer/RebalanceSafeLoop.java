package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;

/**
 * <b>Exercise 2.4 — Rebalance-safe commits.</b>
 *
 * <p>Committing after every record costs a round trip to the broker per record, so this instance commits in
 * batches: once every {@code commitEvery} processed records. But instances come and go (a deploy, a scale-out), and
 * each time the group rebalances: partitions move from one instance to another, and the new owner starts reading at
 * the partition's last committed offset. Whatever the old owner processed and did not commit yet would be processed
 * a second time. A {@link ConsumerRebalanceListener} closes that gap: Kafka calls its {@code onPartitionsRevoked}
 * on the polling thread, inside {@code poll()}, before the partitions go.
 * <ul>
 *   <li>{@link #run()} subscribes {@code consumer} to {@code topic} <em>with a rebalance listener</em>, then polls and
 *       hands each record to {@code handler.handle(record)} until {@link #shutdown()};</li>
 *   <li>it keeps, per partition, the offset after the last record processed, and commits those offsets
 *       ({@code commitSync(Map)}) once every {@code commitEvery} processed records, not after each record;</li>
 *   <li>in {@code onPartitionsRevoked(partitions)} it commits, synchronously, what it processed from those partitions
 *       and has not committed yet, and forgets them;</li>
 *   <li>on shutdown it commits what is left, and closes the consumer, on its own thread.</li>
 * </ul>
 * The consumer is configured already (group, no auto-commit, deserializers); it is yours to close.
 *
 * <p>Statement: {@code module-02-consumer-groups/README.md#24-rebalance-safe-commits} (es: {@code README.es.md}).
 */
public final class RebalanceSafeLoop implements Runnable {

    private final Consumer<String, LogEvent> consumer;
    private final String topic;
    private final LogHandler handler;
    private final int commitEvery;

    /**
     * @param commitEvery commit once every this many processed records (and when partitions are revoked, and at the end)
     */
    public RebalanceSafeLoop(Consumer<String, LogEvent> consumer, String topic, LogHandler handler, int commitEvery) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
        this.commitEvery = commitEvery;
    }

    @Override
    public void run() {
        // TODO 2.4: subscribe with a ConsumerRebalanceListener whose onPartitionsRevoked commits what was processed
        //  from the revoked partitions; poll/handle; commitSync(processed offsets) every commitEvery records;
        //  on WakeupException commit what is left; close in finally.
        throw new UnsupportedOperationException("TODO 2.4: RebalanceSafeLoop.run() is not written yet");
    }

    public void shutdown() {
        // TODO 2.4: ask run() to stop, from another thread.
        throw new UnsupportedOperationException("TODO 2.4: RebalanceSafeLoop.shutdown() is not written yet");
    }
}
