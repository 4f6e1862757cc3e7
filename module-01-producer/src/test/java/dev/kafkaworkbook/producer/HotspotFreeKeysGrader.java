package dev.kafkaworkbook.producer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Grades exercise 1.4 on where the records of a skewed sensor workload actually land: the grader publishes them
 * with its own producer (default partitioner) under the learner's keys, then reads the topic back.
 */
@Grader(exercise = "1.4")
class HotspotFreeKeysGrader {

    private static final int PARTITIONS = 12;
    /**
     * Busiest partition / mean partition load. Simulated with Kafka's murmur2 over 10^6 seeded workloads of
     * {@link #workload}: (sensor, channel) keys went above 2.0 in 2–4 per million, never above 2.2 (max 2.13);
     * sensor-only keys never went below 3.67.
     */
    private static final double MAX_LOAD_RATIO = 2.5;

    @Order(1)
    @Check
    void keysAreStableAndNeverNull(TestData data, Feedback feedback) {
        List<SensorStream> streams = workload(data);
        List<SensorReading> sample = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            SensorStream stream = data.pick(streams);
            sample.add(stream.reading(data.between(0, stream.readings() - 1), data));
        }
        for (SensorReading reading : sample) {
            String first = feedback.call("key.hang", () -> SensorKeys.keyFor(reading));
            feedback.expect("key.null", first != null, feedback.text("key.null.expected"), describe(reading) + " -> null");
            SensorReading same = new SensorReading(reading.sensorId(), reading.channel(), reading.sequence(),
                    reading.value(), reading.timestamp());
            String again = feedback.call("key.hang", () -> SensorKeys.keyFor(same));
            feedback.expect("key.unstable", first.equals(again), feedback.text("key.unstable.expected", first),
                    feedback.text("key.unstable.observed", describe(reading), first, again));
        }
    }

    @Order(2)
    @Check(points = 2)
    void everyStreamStaysOnOnePartitionInOrder(Cluster cluster, TestData data, Feedback feedback) {
        List<SensorStream> streams = workload(data);
        Published published = publish(cluster, data, feedback, streams);

        Map<String, TreeSet<Integer>> partitionsOf = new LinkedHashMap<>();
        Map<String, List<Long>> sequencesOf = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : published.landed()) {
            String[] fields = record.value().split("\\|");
            String stream = fields[0] + "/" + fields[1];
            partitionsOf.computeIfAbsent(stream, s -> new TreeSet<>()).add(record.partition());
            // readToEnd returns records partition by partition in offset order: for a one-partition stream this
            // is the order a consumer of that partition reads it in.
            sequencesOf.computeIfAbsent(stream, s -> new ArrayList<>()).add(Long.parseLong(fields[2]));
        }
        for (SensorStream stream : streams) {
            TreeSet<Integer> partitions = partitionsOf.get(stream.name());
            if (partitions.size() > 1) {
                throw feedback.wrong("stream.split", feedback.text("stream.split.expected", stream.name()),
                        feedback.text("stream.split.observed", stream.name(), stream.readings(), partitions,
                                distinctKeys(published.keysOf(stream.name()))));
            }
        }
        for (SensorStream stream : streams) {
            List<Long> sequences = sequencesOf.get(stream.name());
            List<Long> sorted = new ArrayList<>(sequences);
            Collections.sort(sorted);
            feedback.expect("stream.order", sequences.equals(sorted), feedback.text("stream.order.expected", stream.name(), sorted),
                    sequences);
        }
    }

    @Order(3)
    @Check(points = 2)
    void hotSensorsSpreadOverThePartitions(Cluster cluster, TestData data, Feedback feedback) {
        List<SensorStream> streams = workload(data);
        Published published = publish(cluster, data, feedback, streams);

        long[] load = new long[PARTITIONS];
        published.landed().forEach(record -> load[record.partition()]++);
        double mean = published.landed().size() / (double) PARTITIONS;
        long max = Arrays.stream(load).max().orElse(0);
        double ratio = max / mean;
        SensorStream hottest = streams.get(0);
        feedback.expect("spread", ratio <= MAX_LOAD_RATIO,
                feedback.text("spread.expected", String.format(Locale.ROOT, "%.1f", MAX_LOAD_RATIO)),
                feedback.text("spread.observed", String.format(Locale.ROOT, "%.2f", ratio), Arrays.toString(load),
                        hottest.sensor(), hottest.channels(), hottest.share(streams)));
    }

    // ----------------------------------------------------------------------------------------------------------

    /** One (sensor, channel) stream of the workload and how many readings it sends. */
    private record SensorStream(String sensor, String channel, int readings, int channels) {

        String name() {
            return sensor + "/" + channel;
        }

        SensorReading reading(long sequence, TestData data) {
            return new SensorReading(sensor, channel, sequence,
                    Math.round(data.random().nextGaussian() * 10_000) / 100.0, 1_700_000_000_000L + sequence * 250);
        }

        /** The percentage of all readings that this stream's sensor produces. */
        long share(List<SensorStream> all) {
            long mine = all.stream().filter(s -> s.sensor.equals(sensor)).mapToLong(SensorStream::readings).sum();
            return Math.round(100.0 * mine / all.stream().mapToLong(SensorStream::readings).sum());
        }
    }

    /**
     * The skewed workload: 2–3 hot sensors with 128–192 channels of 3–6 readings each (over 90 % of the traffic),
     * then 30–60 cold sensors with 1–2 channels of 1–3 readings. The hot sensors come first.
     */
    private static List<SensorStream> workload(TestData data) {
        int hot = data.between(2, 3);
        int cold = data.between(30, 60);
        List<String> sensors = data.ids("sensor", hot + cold);
        List<SensorStream> streams = new ArrayList<>();
        for (int s = 0; s < sensors.size(); s++) {
            boolean isHot = s < hot;
            int channels = isHot ? data.between(128, 192) : data.between(1, 2);
            for (int c = 0; c < channels; c++) {
                streams.add(new SensorStream(sensors.get(s), String.format(Locale.ROOT, "ch-%03d", c),
                        isHot ? data.between(3, 6) : data.between(1, 3), channels));
            }
        }
        return streams;
    }

    private record Published(List<ConsumerRecord<String, String>> landed, Map<String, List<String>> keys) {
        List<String> keysOf(String stream) {
            return keys.get(stream);
        }
    }

    /**
     * Publishes the readings of every stream, streams interleaved at random but each in sequence order, under
     * the learner's keys, with the grader's idempotent producer (so the producer itself never reorders), and
     * reads the topic back.
     */
    private static Published publish(Cluster cluster, TestData data, Feedback feedback, List<SensorStream> streams) {
        List<Integer> turns = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            turns.addAll(Collections.nCopies(streams.get(s).readings(), s));
        }
        Collections.shuffle(turns, data.random());
        int[] next = new int[streams.size()];
        List<SensorReading> readings = new ArrayList<>(turns.size());
        for (int s : turns) {
            readings.add(streams.get(s).reading(next[s]++, data));
        }
        List<String> keys = feedback.call("key.hang", () -> {
            List<String> all = new ArrayList<>(readings.size());
            for (SensorReading reading : readings) {
                all.add(SensorKeys.keyFor(reading));
            }
            return all;
        });

        String topic = cluster.createTopic("sensor-readings", PARTITIONS);
        KafkaProducer<String, String> producer = cluster.producer(new StringSerializer(), new StringSerializer(),
                Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.LINGER_MS_CONFIG, 5,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 40_000));
        List<Future<RecordMetadata>> sends = new ArrayList<>(readings.size());
        Map<String, List<String>> keysOf = new LinkedHashMap<>();
        for (int i = 0; i < readings.size(); i++) {
            SensorReading reading = readings.get(i);
            String stream = reading.sensorId() + "/" + reading.channel();
            keysOf.computeIfAbsent(stream, s -> new ArrayList<>()).add(keys.get(i));
            sends.add(producer.send(new ProducerRecord<>(topic, keys.get(i), stream.replace('/', '|') + "|" + reading.sequence()
                    + "|" + reading.value() + "|" + reading.timestamp())));
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("The grader could not publish the workload to " + topic, e);
            }
        }
        List<ConsumerRecord<String, String>> landed = cluster.readToEnd(topic, new StringDeserializer(), new StringDeserializer());
        if (landed.size() != readings.size()) {
            throw new IllegalStateException("The grader published " + readings.size() + " readings but read back "
                    + landed.size() + " from " + topic);
        }
        return new Published(landed, keysOf);
    }

    private static String describe(SensorReading reading) {
        return "keyFor(" + reading + ")";
    }

    /** The distinct keys of one stream, at most 4 of them, for the message. */
    private static String distinctKeys(List<String> keys) {
        List<String> distinct = keys.stream().map(k -> k == null ? "null" : '"' + k + '"').distinct().toList();
        return distinct.size() <= 4 ? distinct.toString()
                : distinct.subList(0, 4).toString().replace("]", ", … (" + distinct.size() + " distinct)]");
    }
}
