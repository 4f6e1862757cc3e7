package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

import java.util.Properties;

/**
 * <b>Exercise 3.4 — Exactly-once read-process-write.</b>
 *
 * <p>The order service validates each order event and writes the result to {@code outputTopic} (here the event
 * itself, same key and value, stands for the result). Its output and its progress on {@code inputTopic} must commit
 * together or not at all: with a transaction that holds the batch's results <em>and</em> the consumer's offsets, a
 * crash mid-batch leaves an aborted transaction, which a {@code read_committed} reader never sees, and the next
 * instance redoes the batch.
 * <ul>
 *   <li>{@link #producerConfig} returns the configuration of a transactional producer: {@code bootstrap.servers},
 *       {@code transactional.id} (the one given: the same id in every instance, so a new instance fences the old),
 *       idempotence on. Serializers are the grader's;</li>
 *   <li>{@link #downstreamConfig} returns the configuration of a consumer of {@code outputTopic} in group
 *       {@code groupId} that sees only committed results ({@code isolation.level}) and starts a new group at the
 *       first record;</li>
 *   <li>{@link #run()} calls {@code producer.initTransactions()} once, subscribes {@code consumer} to
 *       {@code inputTopic}, then for each batch that has records: {@code beginTransaction()}; sends one record per
 *       input record to {@code outputTopic} (the input's key and value); hands the offsets after the last record of
 *       each partition to the transaction with {@code sendOffsetsToTransaction(offsets, consumer.groupMetadata())};
 *       {@code commitTransaction()}. The consumer never commits by itself ({@code commitSync} would commit outside
 *       the transaction). One transaction per batch or per record: both are right;</li>
 *   <li>{@link #shutdown()}, from another thread, calls {@code consumer.wakeup()}; {@code run()} then leaves the
 *       loop and closes the consumer and the producer.</li>
 * </ul>
 * The consumer is configured already (its group, no auto-commit, {@code read_committed}); the producer is built from
 * your {@link #producerConfig}. Both are yours to close.
 *
 * <p>Statement: {@code module-03-delivery-semantics/README.md#34-exactly-once-read-process-write} (es: {@code README.es.md}).
 */
public final class ExactlyOncePipeline implements Runnable {

    private final Consumer<String, OrderEvent> consumer;
    private final Producer<String, OrderEvent> producer;
    private final String inputTopic;
    private final String outputTopic;

    public ExactlyOncePipeline(Consumer<String, OrderEvent> consumer, Producer<String, OrderEvent> producer,
                               String inputTopic, String outputTopic) {
        this.consumer = consumer;
        this.producer = producer;
        this.inputTopic = inputTopic;
        this.outputTopic = outputTopic;
    }

    /** A transactional, idempotent producer with the given {@code transactional.id}. */
    public static Properties producerConfig(String bootstrapServers, String transactionalId) {
        // TODO 3.4: bootstrap.servers, transactional.id, enable.idempotence=true.
        throw new UnsupportedOperationException("TODO 3.4: ExactlyOncePipeline.producerConfig() is not written yet");
    }

    /** A consumer of the output, in group {@code groupId}, that reads only committed transactions. */
    public static Properties downstreamConfig(String bootstrapServers, String groupId) {
        // TODO 3.4: bootstrap.servers, group.id, isolation.level=read_committed, auto.offset.reset=earliest.
        throw new UnsupportedOperationException("TODO 3.4: ExactlyOncePipeline.downstreamConfig() is not written yet");
    }

    /** initTransactions; subscribe; per batch: begin, send, sendOffsetsToTransaction, commit; until {@link #shutdown()}. */
    @Override
    public void run() {
        // TODO 3.4: producer.initTransactions(); subscribe; loop: poll; for a batch with records: beginTransaction,
        //  send each result, sendOffsetsToTransaction(next offsets, consumer.groupMetadata()), commitTransaction;
        //  on WakeupException leave; close consumer and producer in finally.
        throw new UnsupportedOperationException("TODO 3.4: ExactlyOncePipeline.run() is not written yet");
    }

    /** Asks {@link #run()} to stop; called from another thread, returns at once. */
    public void shutdown() {
        // TODO 3.4: wake the consumer up.
        throw new UnsupportedOperationException("TODO 3.4: ExactlyOncePipeline.shutdown() is not written yet");
    }
}
