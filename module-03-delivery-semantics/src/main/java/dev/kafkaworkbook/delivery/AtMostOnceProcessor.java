package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.Consumer;

/**
 * <b>Exercise 3.1 — At-most-once.</b>
 *
 * <p>The lesson's first delivery model: the consumer notes its position (commits) <em>before</em> it processes what
 * it read. Fast, and a record is never processed twice; but a crash after the commit and before the processing skips
 * the rest of the batch for good. Write the loop of an order-service instance that works this way:
 * <ul>
 *   <li>{@link #run()} subscribes {@code consumer} to {@code topic}, then, again and again until {@link #shutdown()}:
 *       polls; if the batch has records, commits it with {@code commitSync()} (synchronously: the broker has the
 *       commit before anything of the batch is processed); then hands each record to {@code handler.handle(record)};</li>
 *   <li>{@link #shutdown()} is called from another thread: {@code consumer.wakeup()} is the one call it may make;
 *       {@code run()} then leaves the loop, closes the consumer (in a {@code finally}) and returns.</li>
 * </ul>
 * The consumer is configured already (its group, no auto-commit, deserializers); it is yours to close.
 *
 * <p>Statement: {@code module-03-delivery-semantics/README.md#31-at-most-once} (es: {@code README.es.md}).
 */
public final class AtMostOnceProcessor implements Runnable {

    private final Consumer<String, OrderEvent> consumer;
    private final String topic;
    private final OrderHandler handler;

    public AtMostOnceProcessor(Consumer<String, OrderEvent> consumer, String topic, OrderHandler handler) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
    }

    /** Subscribes, then polls, commits and processes until {@link #shutdown()}; closes the consumer before returning. */
    @Override
    public void run() {
        // TODO 3.1: subscribe; loop: poll; commitSync() a batch that has records; then handler.handle(record) for
        //  each record; on WakeupException leave; close the consumer in finally.
        throw new UnsupportedOperationException("TODO 3.1: AtMostOnceProcessor.run() is not written yet");
    }

    /** Asks {@link #run()} to stop; called from another thread, returns at once. */
    public void shutdown() {
        // TODO 3.1: wake the consumer up.
        throw new UnsupportedOperationException("TODO 3.1: AtMostOnceProcessor.shutdown() is not written yet");
    }
}
