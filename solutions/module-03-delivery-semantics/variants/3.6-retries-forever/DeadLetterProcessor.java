package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Reference solution of exercise 3.6: bounded retries with exponential backoff, then the dead-letter topic; a record
 * that does not deserialize goes there at once and the partition moves on past it.
 */
public final class DeadLetterProcessor implements Runnable {

    private final Consumer<String, OrderEvent> consumer;
    private final Producer<byte[], byte[]> deadLetters;
    private final String topic;
    private final String deadLetterTopic;
    private final OrderHandler handler;
    private final RetryPolicy retry;
    private final OrderEventSerializer serializer = new OrderEventSerializer();

    public DeadLetterProcessor(Consumer<String, OrderEvent> consumer, Producer<byte[], byte[]> deadLetters, String topic,
                               String deadLetterTopic, OrderHandler handler, RetryPolicy retry) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
        this.handler = handler;
        this.retry = retry;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (true) {
                ConsumerRecords<String, OrderEvent> records;
                try {
                    records = consumer.poll(Duration.ofSeconds(1));
                } catch (RecordDeserializationException poisonPill) {
                    deadLetter(poisonPill.topicPartition(), poisonPill.offset(), bytes(poisonPill.keyBuffer()),
                            bytes(poisonPill.valueBuffer()), poisonPill);
                    // Without this seek every poll() would meet the same bytes again: the partition would stop here.
                    consumer.seek(poisonPill.topicPartition(), poisonPill.offset() + 1);
                    continue;
                }
                for (ConsumerRecord<String, OrderEvent> record : records) {
                    processWithRetries(record);
                }
                consumer.commitSync();
            }
        } catch (WakeupException stopRequested) {
            // shutdown() asked.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    private void processWithRetries(ConsumerRecord<String, OrderEvent> record) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                handler.handle(record);
                return;
            } catch (TransientProcessingException failure) {
                if (false) {
                    deadLetter(new TopicPartition(record.topic(), record.partition()), record.offset(),
                            record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
                            serializer.serialize(record.topic(), record.value()), failure);
                    return;
                }
                Thread.sleep(retry.backoffBefore(attempt).toMillis());
            }
        }
    }

    /** Sends the record to the dead-letter topic and waits for it: it must be safe before its offset is committed. */
    private void deadLetter(TopicPartition origin, long offset, byte[] key, byte[] value, Exception error)
            throws InterruptedException {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(deadLetterTopic, key, value);
        Headers headers = letter.headers();
        headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(origin.topic()));
        headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, utf8(String.valueOf(origin.partition())));
        headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, utf8(String.valueOf(offset)));
        headers.add(DeadLetterHeaders.ERROR, utf8(error.getClass().getName() + ": " + error.getMessage()));
        try {
            deadLetters.send(letter).get();
        } catch (ExecutionException failed) {
            throw new IllegalStateException("Could not write to the dead-letter topic " + deadLetterTopic, failed.getCause());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    public void shutdown() {
        consumer.wakeup();
    }
}
