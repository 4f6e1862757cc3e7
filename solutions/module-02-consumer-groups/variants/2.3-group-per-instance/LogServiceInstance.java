package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Variant, not a reference solution of exercise 2.3: one instance, its own consumer, in the shared group. */
public final class LogServiceInstance implements Runnable {

    private final String bootstrapServers;
    private final String groupId;
    private final String topic;
    private final LogHandler handler;
    private volatile KafkaConsumer<String, LogEvent> consumer;
    /** Set by shutdown(), in case it comes before run() has created the consumer to wake up. */
    private volatile boolean stopRequested;

    public LogServiceInstance(String bootstrapServers, String groupId, String topic, LogHandler handler) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
        this.topic = topic;
        this.handler = handler;
    }

    @Override
    public void run() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId + "-" + java.util.UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LogEventDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        try {
            consumer.subscribe(List.of(topic));
            while (!stopRequested) {
                Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
                for (ConsumerRecord<String, LogEvent> record : consumer.poll(Duration.ofSeconds(1))) {
                    handler.handle(record);
                    processed.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                if (!processed.isEmpty()) {
                    consumer.commitSync(processed);
                }
            }
        } catch (WakeupException stopRequested) {
            // shutdown() was called.
        } finally {
            consumer.close();
        }
    }

    public void shutdown() {
        stopRequested = true;
        KafkaConsumer<String, LogEvent> running = consumer;
        if (running != null) {
            running.wakeup();
        }
    }
}
