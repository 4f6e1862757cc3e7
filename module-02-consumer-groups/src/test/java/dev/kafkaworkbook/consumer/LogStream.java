package dev.kafkaworkbook.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The logs of module 2's graders: random {@link LogEvent}s published with the grader's own producer and JSON, and the
 * grader's own consumers of them. No grader depends on a learner's answer to another exercise for its input.
 */
final class LogStream {

    private static final List<String> SERVICES = List.of("checkout", "payments", "catalog", "search", "shipping");
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogStream() {
    }

    /** What landed where: the events by position, in the order they were published. */
    record Published(Map<Position, LogEvent> events) {
        List<Position> positions() {
            return List.copyOf(events.keySet());
        }
    }

    /** Writes {@link LogEvent}s as the given deserializer reads them. */
    static Serializer<LogEvent> serializer() {
        return (topic, event) -> {
            try {
                return event == null ? null : JSON.writeValueAsBytes(event);
            } catch (JsonProcessingException e) {
                throw new SerializationException(e);
            }
        };
    }

    static LogEvent event(TestData data, long timestamp) {
        return new LogEvent(data.id("log"), data.pick(SERVICES), data.pick(LEVELS), data.trickyText(), timestamp);
    }

    /** Publishes {@code count} random events keyed by request id (so spread over the partitions) and waits for every ack. */
    static Published publish(Cluster cluster, TestData data, String topic, int count) {
        Map<Position, LogEvent> events = new LinkedHashMap<>();
        KafkaProducer<String, LogEvent> producer = producer(cluster);
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        List<LogEvent> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LogEvent event = event(data, System.currentTimeMillis());
            sent.add(event);
            acks.add(producer.send(new ProducerRecord<>(topic, data.id("request"), event)));
        }
        for (int i = 0; i < count; i++) {
            RecordMetadata written = await(acks.get(i));
            events.put(new Position(new TopicPartition(written.topic(), written.partition()), written.offset()), sent.get(i));
        }
        return new Published(events);
    }

    private static RecordMetadata await(Future<RecordMetadata> ack) {
        try {
            return ack.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The grader's own record was not acknowledged: " + e, e);
        }
    }

    /** The grader's producer: acknowledged by every replica, sent at once, one record per key spread by the default partitioner. */
    static KafkaProducer<String, LogEvent> producer(Cluster cluster) {
        return cluster.producer(new StringSerializer(), serializer(), Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0));
    }

    /**
     * The settings of a group member the grader builds for the learner's loop: group, protocol with the kit's 2 s
     * session, manual commits, a new group reading from the start, string keys, {@link LogEvent} values.
     */
    static Map<String, Object> memberSettings(String groupId, GroupProtocol protocol) {
        Map<String, Object> settings = new HashMap<>(ConsumerGroups.memberSettings(protocol));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + java.util.UUID.randomUUID().toString().substring(0, 4));
        return settings;
    }

    /** A member of {@code groupId} for the learner's loop to poll, closed after the check. */
    static KafkaConsumer<String, LogEvent> member(Cluster cluster, String groupId, GroupProtocol protocol) {
        return cluster.consumer(new StringDeserializer(), new LogEventDeserializer(), memberSettings(groupId, protocol));
    }
}
