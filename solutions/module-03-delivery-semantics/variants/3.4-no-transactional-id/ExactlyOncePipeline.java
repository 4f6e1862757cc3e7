package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reference solution of exercise 3.4: one transaction per polled batch, holding the batch's results and the
 * consumer's next offsets; a read_committed downstream.
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

    public static Properties producerConfig(String bootstrapServers, String transactionalId) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    public static Properties downstreamConfig(String bootstrapServers, String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    @Override
    public void run() {
        try {
            // Fences any earlier producer with this transactional.id and aborts what it left open.
            producer.initTransactions();
            consumer.subscribe(List.of(inputTopic));
            while (true) {
                ConsumerRecords<String, OrderEvent> records = consumer.poll(Duration.ofSeconds(1));
                if (!records.isEmpty()) {
                    processInOneTransaction(records);
                }
            }
        } catch (WakeupException stopRequested) {
            // shutdown() asked.
        } finally {
            consumer.close();
            producer.close();
        }
    }

    private void processInOneTransaction(ConsumerRecords<String, OrderEvent> records) {
        producer.beginTransaction();
        try {
            Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
            for (ConsumerRecord<String, OrderEvent> record : records) {
                producer.send(new ProducerRecord<>(outputTopic, record.key(), record.value()));
                next.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
            // The input's progress commits with the output, or not at all.
            producer.sendOffsetsToTransaction(next, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (KafkaException failed) {
            producer.abortTransaction();
            throw failed;
        }
    }

    public void shutdown() {
        consumer.wakeup();
    }
}
