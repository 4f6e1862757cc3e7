package dev.kafkaworkbook.kit.operations;

import dev.kafkaworkbook.kit.grading.TestData;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Fills chosen partitions with a chosen number of records, with the grader's own producer, and waits until the broker
 * has every one: the ground truth of checks about offsets, lag, deletions and moves.
 */
public final class PartitionWriter {

    private PartitionWriter() {
    }

    /**
     * Writes {@code counts.get(p)} records of about {@code valueBytes} bytes to each partition {@code p}.
     *
     * @return the values written, by partition, in offset order (each begins with a seeded id, unique in the run)
     */
    public static Map<Integer, List<String>> write(Producer<String, String> producer, String topic,
                                                   Map<Integer, Integer> counts, int valueBytes, TestData data) {
        Map<Integer, List<Long>> untimed = new TreeMap<>();
        counts.forEach((partition, count) -> untimed.put(partition, java.util.Collections.nCopies(count, (Long) null)));
        return writeStamped(producer, topic, untimed, valueBytes, data);
    }

    /**
     * Writes one record per timestamp to each partition, stamped with it ({@code null}: the producer's clock).
     *
     * @return the values written, by partition, in offset order
     */
    public static Map<Integer, List<String>> writeStamped(Producer<String, String> producer, String topic,
                                                          Map<Integer, List<Long>> timestamps, int valueBytes, TestData data) {
        Map<Integer, List<String>> written = new TreeMap<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        String padding = "x".repeat(Math.max(0, valueBytes - 24));
        timestamps.forEach((partition, stamps) -> {
            List<String> values = new ArrayList<>();
            for (Long timestamp : stamps) {
                String value = data.id("record") + " " + padding;
                values.add(value);
                sends.add(producer.send(new ProducerRecord<>(topic, partition, timestamp, null, value)));
            }
            written.put(partition, values);
        });
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The grader could not write its records to " + topic + ": " + e, e);
            }
        }
        return written;
    }
}
