package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.consumer.Consumer;

/**
 * <b>Exercise 2.2 — A poll loop that commits after processing.</b>
 *
 * <p>One instance of the log-processing service: it reads {@code topic} in its consumer group, hands every record to
 * the {@link LogHandler}, and commits offsets only for what the handler has processed (at-least-once: a crash may
 * repeat a record, never lose one). Another thread of the service stops it when the service shuts down.
 * <ul>
 *   <li>{@link #run()} subscribes {@code consumer} to {@code topic}, then polls, hands each record to
 *       {@code handler.handle(record)}, and commits, in that order, again and again, until it is asked to stop;</li>
 *   <li>a commit covers only records the handler has processed: the committed offset of a partition is the offset of
 *       the last processed record + 1 (the next one to read);</li>
 *   <li>{@link #shutdown()} is called from another thread. {@code KafkaConsumer} is not thread-safe: the one method
 *       another thread may call is {@code wakeup()}, which makes the {@code poll()} in progress (or the next one)
 *       throw {@code WakeupException};</li>
 *   <li>{@code run()} then leaves the loop, closes the consumer (in a {@code finally} block: the consumer leaves the
 *       group at once and its partitions go to the other instances) and returns.</li>
 * </ul>
 * The consumer is configured already (group, no auto-commit, deserializers); it is yours to close.
 *
 * <p>Statement: {@code module-02-consumer-groups/README.md#22-a-poll-loop-that-commits-after-processing} (es: {@code README.es.md}).
 */
public final class LogProcessingLoop implements Runnable {

    private final Consumer<String, LogEvent> consumer;
    private final String topic;
    private final LogHandler handler;

    public LogProcessingLoop(Consumer<String, LogEvent> consumer, String topic, LogHandler handler) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
    }

    /** Subscribes, then polls, processes and commits until {@link #shutdown()}; closes the consumer before returning. */
    @Override
    public void run() {
        // TODO 2.2: subscribe; loop: poll, handler.handle(record) for each record, commit; on WakeupException leave;
        //  close the consumer in finally.
        throw new UnsupportedOperationException("TODO 2.2: LogProcessingLoop.run() is not written yet");
    }

    /** Asks {@link #run()} to stop; called from another thread, returns at once. */
    public void shutdown() {
        // TODO 2.2: wake the consumer up (the one call another thread may make).
        throw new UnsupportedOperationException("TODO 2.2: LogProcessingLoop.shutdown() is not written yet");
    }
}
