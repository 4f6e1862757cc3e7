package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * <b>Exercise 3.6 — Retries, backoff and a dead-letter topic.</b>
 *
 * <p>The lesson's last step: "document error-handling strategies (DLQ, retries)". Some records fail for a while
 * (the handler throws {@link TransientProcessingException}: try again later), some never succeed, and some are not
 * even order events (a "poison pill": bytes the deserializer rejects). None of them may stop the others. Write the
 * loop of an order-service instance that:
 * <ul>
 *   <li>subscribes {@code consumer} to {@code topic} and, until {@link #shutdown()}, polls and hands each record to
 *       {@code handler.handle(record)}, in offset order within each partition;</li>
 *   <li>retries a record whose handler threw {@link TransientProcessingException}: at most {@code retry.maxAttempts()}
 *       attempts in all, waiting {@code retry.backoffBefore(n)} after failed attempt {@code n};</li>
 *   <li>sends a record that failed its last attempt to {@code deadLetterTopic} with {@code deadLetters}: key the
 *       record's key (UTF-8), value the event as {@link OrderEventSerializer} writes it, and the headers of
 *       {@link DeadLetterHeaders} (original topic, partition and offset; the error) ; then moves on to the next
 *       record;</li>
 *   <li>sends a poison pill to the dead-letter topic at once (no retry: the same bytes fail the same way): {@code poll()}
 *       throws {@link org.apache.kafka.common.errors.RecordDeserializationException}, which names its partition and
 *       offset and holds its key and value bytes ({@code keyBuffer()}, {@code valueBuffer()}: send them as they are,
 *       with the same headers); then {@code seek} past it, or every later {@code poll()} meets it again and its
 *       partition stops there;</li>
 *   <li>advice, not graded: wait for each dead-letter send to be acknowledged ({@code send(…).get()}) before moving
 *       on, so that a dead letter is safe before its offset is committed; commit after processing (3.2);</li>
 *   <li>{@link #shutdown()}, from another thread, calls {@code consumer.wakeup()}; {@code run()} then leaves the
 *       loop, closes the consumer (not {@code deadLetters}: it is the caller's) and returns.</li>
 * </ul>
 *
 * <p>Statement: {@code module-03-delivery-semantics/README.md#36-retries-backoff-and-a-dead-letter-topic} (es: {@code README.es.md}).
 */
public final class DeadLetterProcessor implements Runnable {

    private final Consumer<String, OrderEvent> consumer;
    private final Producer<byte[], byte[]> deadLetters;
    private final String topic;
    private final String deadLetterTopic;
    private final OrderHandler handler;
    private final RetryPolicy retry;

    public DeadLetterProcessor(Consumer<String, OrderEvent> consumer, Producer<byte[], byte[]> deadLetters, String topic,
                               String deadLetterTopic, OrderHandler handler, RetryPolicy retry) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
        this.handler = handler;
        this.retry = retry;
    }

    /** Polls and processes with bounded retries; failed records and poison pills go to the dead-letter topic. */
    @Override
    public void run() {
        // TODO 3.6: subscribe; loop: poll (catch RecordDeserializationException: dead-letter its bytes, seek past it);
        //  handle each record, retrying TransientProcessingException up to retry.maxAttempts() with
        //  retry.backoffBefore(n) between attempts, then dead-letter it with the DeadLetterHeaders; commitSync;
        //  on WakeupException leave; close the consumer in finally.
        throw new UnsupportedOperationException("TODO 3.6: DeadLetterProcessor.run() is not written yet");
    }

    /** Asks {@link #run()} to stop; called from another thread, returns at once. */
    public void shutdown() {
        // TODO 3.6: wake the consumer up.
        throw new UnsupportedOperationException("TODO 3.6: DeadLetterProcessor.shutdown() is not written yet");
    }
}
