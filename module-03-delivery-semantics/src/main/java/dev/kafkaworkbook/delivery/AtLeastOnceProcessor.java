package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.Consumer;

/**
 * <b>Exercise 3.2 — At-least-once.</b>
 *
 * <p>The lesson's second delivery model: the consumer commits <em>after</em> it has processed what it read. A crash
 * never loses a record; what was processed after the last commit is processed again by the next instance
 * (duplicates, which a downstream must then tolerate: exercise 3.3). Write the loop of an order-service instance
 * that works this way:
 * <ul>
 *   <li>{@link #run()} subscribes {@code consumer} to {@code topic}, then, again and again until {@link #shutdown()}:
 *       polls; hands each record of the batch to {@code handler.handle(record)}; then, once the whole batch is
 *       processed, commits it with {@code commitSync()} before the next poll;</li>
 *   <li>a commit covers only processed records: never commit a batch, or part of one, before the handler has
 *       returned for its records;</li>
 *   <li>{@link #shutdown()} is called from another thread: {@code consumer.wakeup()} is the one call it may make;
 *       {@code run()} then leaves the loop, closes the consumer (in a {@code finally}) and returns.</li>
 * </ul>
 * The consumer is configured already (its group, no auto-commit, deserializers); it is yours to close.
 *
 * <p>Statement: {@code module-03-delivery-semantics/README.md#32-at-least-once} (es: {@code README.es.md}).
 */
public final class AtLeastOnceProcessor implements Runnable {

    private final Consumer<String, OrderEvent> consumer;
    private final String topic;
    private final OrderHandler handler;

    public AtLeastOnceProcessor(Consumer<String, OrderEvent> consumer, String topic, OrderHandler handler) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
    }

    /** Subscribes, then polls, processes and commits until {@link #shutdown()}; closes the consumer before returning. */
    @Override
    public void run() {
        // TODO 3.2: subscribe; loop: poll; handler.handle(record) for each record; then commitSync() the batch;
        //  on WakeupException leave; close the consumer in finally.
        throw new UnsupportedOperationException("TODO 3.2: AtLeastOnceProcessor.run() is not written yet");
    }

    /** Asks {@link #run()} to stop; called from another thread, returns at once. */
    public void shutdown() {
        // TODO 3.2: wake the consumer up.
        throw new UnsupportedOperationException("TODO 3.2: AtLeastOnceProcessor.shutdown() is not written yet");
    }
}
