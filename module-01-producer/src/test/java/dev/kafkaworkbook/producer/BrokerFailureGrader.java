package dev.kafkaworkbook.producer;

import dev.kafkaworkbook.kit.cluster.BrokerControl;
import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.ProducerConfigs;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.Throwables;
import dev.kafkaworkbook.kit.proxies.SlowAdminResults;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.RETRIES_CONFIG;
import static org.awaitility.Awaitility.await;

/**
 * Grades exercise 1.6 on a cluster of three brokers that the checks stop and restart: the topic's replication
 * as the broker reports it, the producer's effective configuration, a stream of keyed readings sent through the
 * failure of the partitions' leader (read back from the topic), and a write refused when only one replica is left.
 */
@Grader(exercise = "1.6", brokers = 3)
class BrokerFailureGrader {

    /** Sending through a leader's shutdown and restart, then flushing: the restart alone takes a few seconds. */
    private static final Duration STREAM_CALL = Duration.ofSeconds(90);
    private static final int REPLICAS = 3;
    private static final String MIN_INSYNC = "2";
    private static final long MIN_DELIVERY_TIMEOUT_MS = 30_000;
    /** Readings sent at once, and the pause between bursts while a broker stops or starts. */
    private static final int BURST = 10;
    private static final long BURST_PAUSE_MS = 20;
    /** The refusal check bounds the learner's delivery timeout to this, on a copy of their configuration. */
    private static final int REFUSAL_REQUEST_TIMEOUT_MS = 400;
    private static final int REFUSAL_DELIVERY_TIMEOUT_MS = 500;
    private static final int HEALTHY_ATTEMPTS = 3;

    @Order(1)
    @Check
    void topicKeepsThreeCopiesAndNeedsTwoInSync(Cluster cluster, TestData data, Feedback feedback) {
        String topic = cluster.newTopicName("sensors");
        int partitions = data.between(2, 6);
        // The learner's admin client hands out results that complete a moment late: code that waits for them
        // returns after they complete, code that does not returns while they are pending.
        SlowAdminResults admin = new SlowAdminResults(cluster.admin());
        feedback.run("topic.hang", () -> CriticalSensorProducer.createTopic(admin.admin(), topic, partitions));
        boolean returnedEarly = admin.returnedBeforeTheResult();
        feedback.expect("topic.closed", !admin.recorder().called("close"), feedback.text("topic.closed.expected"),
                feedback.text("topic.closed.observed"));
        feedback.expect("topic.created", admin.recorder().called("createTopics"), "admin.createTopics(…)",
                feedback.text("topic.created.observed", admin.recorder().calls()));
        TopicDescription description = awaitTopic(cluster, topic);
        feedback.expect("topic.missing", description != null, topic, feedback.text("topic.missing.observed"));
        feedback.expectEqual("topic.partitions", partitions, description.partitions().size());
        Map<Integer, List<Integer>> replicas = new TreeMap<>();
        for (TopicPartitionInfo partition : description.partitions()) {
            replicas.put(partition.partition(), partition.replicas().stream().map(Node::id).collect(Collectors.toList()));
        }
        feedback.expect("topic.replicas", replicas.values().stream().allMatch(r -> r.size() == REPLICAS),
                feedback.text("topic.replicas.expected", REPLICAS), feedback.text("topic.replicas.observed", replicas));

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = Cluster.get(cluster.admin().describeConfigs(List.of(resource)).all()).get(resource);
        ConfigEntry minInsync = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        feedback.expect("topic.minInsync", MIN_INSYNC.equals(minInsync.value()),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG + "=" + MIN_INSYNC,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG + "=" + minInsync.value() + " (" + minInsync.source() + ")");
        feedback.expect("topic.wait", !returnedEarly, feedback.text("topic.wait.expected"), feedback.text("topic.wait.observed"));
    }

    @Order(2)
    @Check
    void producerRidesOutALeaderElection(TestData data, Feedback feedback) {
        String bootstrap = data.id("broker") + ":9092";
        Properties config = learnerConfig(bootstrap, feedback);
        feedback.expectEqual("bootstrap", bootstrap, config.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        ProducerConfigs.expectAcksAll(config, feedback);
        ProducerConfigs.expectIdempotent(config, feedback);
        long retries = ProducerConfigs.number(config, RETRIES_CONFIG, feedback);
        feedback.expect("retries", retries > 0, "retries > 0", RETRIES_CONFIG + "=" + retries);
        feedback.expectAtLeast("deliveryTimeout", DELIVERY_TIMEOUT_MS_CONFIG,
                ProducerConfigs.number(config, DELIVERY_TIMEOUT_MS_CONFIG, feedback), MIN_DELIVERY_TIMEOUT_MS);
    }

    @Order(3)
    @Check(points = 3)
    void everyReadingArrivesOnceAndInOrderThroughALeaderFailure(Cluster cluster, TestData data, Feedback feedback) {
        ProducerConfigs.effective(learnerConfig(cluster.bootstrapServers(), feedback), feedback);
        BrokerControl brokers = cluster.brokers().orElseThrow();
        int leader = data.pick(List.copyOf(brokers.runningBrokers()));
        int partitions = 3;
        String topic = createTopicLedBy(cluster, leader, partitions);

        KafkaProducer<String, String> producer = cluster.closeAfterCheck(feedback.call("create.hang",
                () -> CriticalSensorProducer.createProducer(cluster.bootstrapServers())));
        SensorStream stream = new SensorStream(producer, topic, sensorsOnEveryPartition(data, partitions), data.random());
        ExecutorService operator = Executors.newSingleThreadExecutor(r -> new Thread(r, "broker-operator"));
        Future<?> stopping;
        Future<?> starting;
        try {
            // Readings keep coming while the leader shuts down, while it is away, and while it comes back.
            Future<?>[] operations = new Future<?>[2];
            feedback.run("stream.hang", STREAM_CALL, () -> {
                stream.send(data.between(100, 200));
                // Every partition holds acknowledged readings before its leader goes. A new leader whose log never
                // held a record accepts any first sequence (fixed in Kafka 4.5, KAFKA-15591): a later batch could
                // land before the first one's retry, which would then be refused until it expired.
                producer.flush();
                operations[0] = operator.submit(() -> brokers.stop(leader));
                stream.sendWhileRunning(operations[0]);
                stream.send(data.between(100, 200));
                operations[1] = operator.submit(() -> brokers.start(leader));
                stream.sendWhileRunning(operations[1]);
                stream.send(data.between(100, 200));
                producer.flush();
            });
            stopping = operations[0];
            starting = operations[1];
        } finally {
            operator.shutdown();
        }
        joinOperation(stopping);
        joinOperation(starting);

        List<Exception> failures = List.copyOf(stream.failures);
        feedback.expect("stream.failed", failures.isEmpty(), feedback.text("stream.failed.expected", stream.total),
                failures.isEmpty() ? "" : feedback.text("stream.failed.observed", failures.size(), stream.total, failures.get(0)));

        Map<String, List<Integer>> landed = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : cluster.readToEnd(topic, new StringDeserializer(), new StringDeserializer())) {
            landed.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(sequenceOf(record.value()));
        }
        List<String> sent = new ArrayList<>();
        List<String> arrived = new ArrayList<>();
        List<String> disordered = new ArrayList<>();
        stream.lastSequence.forEach((sensor, last) -> {
            for (int sequence = 1; sequence <= last; sequence++) {
                sent.add(sensor + " #" + sequence);
            }
            List<Integer> sequences = landed.getOrDefault(sensor, List.of());
            for (int i = 0; i < sequences.size(); i++) {
                arrived.add(sensor + " #" + sequences.get(i));
                if (i > 0 && sequences.get(i) < sequences.get(i - 1)) {
                    disordered.add(feedback.text("order.pair", sensor, sequences.get(i), sequences.get(i - 1)));
                }
            }
        });
        feedback.expectExactlyOnce(Tally.of(sent, arrived), reading -> reading);
        feedback.expect("order", disordered.isEmpty(), feedback.text("order.expected"),
                feedback.text("order.observed", firstFew(disordered)));

        // Sequence numbers per producer id are what lets the broker drop a retried duplicate.
        for (int p = 0; p < partitions; p++) {
            TopicPartition partition = new TopicPartition(topic, p);
            List<ProducerState> producers = cluster.activeProducers(partition);
            feedback.expect("producerId", !producers.isEmpty() && producers.get(0).producerId() >= 0,
                    feedback.text("producerId.expected", partition),
                    producers.isEmpty() ? feedback.text("producerId.none", partition) : producers);
        }
    }

    @Order(4)
    @Check(points = 2)
    void refusesTheWriteWhenOnlyOneReplicaIsLeft(Cluster cluster, TestData data, Feedback feedback) {
        Properties config = new Properties();
        config.putAll(learnerConfig(cluster.bootstrapServers(), feedback));
        ProducerConfig effective = ProducerConfigs.effective(config, feedback);
        // Bounded here, on a copy, so that a refused write is reported in seconds rather than after the learner's timeout.
        config.put(REQUEST_TIMEOUT_MS_CONFIG, REFUSAL_REQUEST_TIMEOUT_MS);
        config.put(DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(REFUSAL_DELIVERY_TIMEOUT_MS,
                REFUSAL_REQUEST_TIMEOUT_MS + effective.getLong(LINGER_MS_CONFIG)));
        String acks = "acks=" + config.getOrDefault(ACKS_CONFIG, "all (default)");

        BrokerControl brokers = cluster.brokers().orElseThrow();
        String topic = createTopicLedBy(cluster, data.pick(List.copyOf(brokers.runningBrokers())), 1);
        TopicPartition partition = new TopicPartition(topic, 0);
        int leader = cluster.leaderOf(partition).orElseThrow();
        KafkaProducer<String, String> producer = cluster.closeAfterCheck(feedback.call("create.hang",
                () -> new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())));
        String sensor = data.id("sensor");

        // The first send also fetches metadata and a producer id; on a busy machine that may outlast the short timeout
        // this check imposes, which is the grader's doing, not the learner's: such a send is tried again.
        SendOutcome healthy = null;
        for (int attempt = 0; attempt < HEALTHY_ATTEMPTS && (healthy == null || healthy.timedOut()); attempt++) {
            healthy = feedback.call("healthy.hang",
                    () -> SendOutcome.of(producer.send(new ProducerRecord<>(topic, sensor, "1|" + data.between(0, 999)))));
        }
        feedback.expect("healthy", healthy.error == null, feedback.text("healthy.expected"), healthy);

        Set<Integer> followers = new TreeSet<>(brokers.runningBrokers());
        followers.remove(leader);
        brokers.stop(followers);
        await("only the leader in sync").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> inSyncReplicas(cluster, partition).equals(List.of(leader)));
        long endBefore = endOffset(cluster, partition);

        SendOutcome lonely = feedback.call("refused.hang",
                () -> SendOutcome.of(producer.send(new ProducerRecord<>(topic, sensor, "2|" + data.between(0, 999)))));
        long endAfter = endOffset(cluster, partition);
        feedback.expect("refused", lonely.error != null, feedback.text("refused.expected"),
                feedback.text("refused.accepted", lonely, acks));
        boolean notEnoughReplicas = Throwables.causedBy(lonely.error, NotEnoughReplicasException.class);
        boolean timedOutUnwritten = Throwables.causedBy(lonely.error, org.apache.kafka.common.errors.TimeoutException.class)
                && endAfter == endBefore;
        feedback.expect("refused.reason", notEnoughReplicas || timedOutUnwritten, feedback.text("refused.expected"),
                feedback.text("refused.reason.observed", lonely.error, endBefore, endAfter));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Keyed readings, numbered 1, 2, 3… per sensor, sent asynchronously; failed sends are collected. */
    private static final class SensorStream {
        private final KafkaProducer<String, String> producer;
        private final String topic;
        private final List<String> sensors;
        private final Random random;
        final Map<String, Integer> lastSequence = new TreeMap<>();
        final ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
        int total;

        SensorStream(KafkaProducer<String, String> producer, String topic, List<String> sensors, Random random) {
            this.producer = producer;
            this.topic = topic;
            this.sensors = sensors;
            this.random = random;
        }

        void send(int count) {
            for (int i = 0; i < count; i++) {
                String sensor = sensors.get(random.nextInt(sensors.size()));
                int sequence = lastSequence.merge(sensor, 1, Integer::sum);
                String value = sequence + "|" + (random.nextInt(2_000) - 500) / 10.0;
                producer.send(new ProducerRecord<>(topic, sensor, value), (metadata, error) -> {
                    if (error != null) {
                        failures.add(error);
                    }
                });
                total++;
            }
        }

        /** Sends bursts of readings until {@code operation} (a broker stopping or starting) has finished. */
        void sendWhileRunning(Future<?> operation) throws InterruptedException {
            while (!operation.isDone()) {
                send(BURST);
                try {
                    operation.get(BURST_PAUSE_MS, TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException notYetOrFailed) {
                    // Failed operations are reported by joinOperation, outside the learner's call.
                }
            }
        }
    }

    /** How one send ended, waited for with a bound. */
    private record SendOutcome(RecordMetadata metadata, Throwable error) {
        boolean timedOut() {
            return Throwables.causedBy(error, org.apache.kafka.common.errors.TimeoutException.class);
        }

        static SendOutcome of(Future<RecordMetadata> send) throws InterruptedException {
            try {
                return new SendOutcome(send.get(REFUSAL_DELIVERY_TIMEOUT_MS + 10_000L, TimeUnit.MILLISECONDS), null);
            } catch (ExecutionException e) {
                return new SendOutcome(null, e.getCause());
            } catch (TimeoutException e) {
                return new SendOutcome(null, e);
            }
        }

        @Override
        public String toString() {
            return error != null ? String.valueOf(error)
                    : metadata.topic() + "-" + metadata.partition() + " @ offset " + metadata.offset();
        }
    }

    /** Two or three sensors whose keys the default partitioner puts on each partition: every leader has work. */
    private static List<String> sensorsOnEveryPartition(TestData data, int partitions) {
        int perPartition = data.between(2, 3);
        Map<Integer, List<String>> byPartition = new TreeMap<>();
        List<String> sensors = new ArrayList<>();
        while (sensors.size() < partitions * perPartition) {
            String sensor = data.id("sensor");
            List<String> onPartition = byPartition.computeIfAbsent(
                    Cluster.defaultPartition(sensor.getBytes(StandardCharsets.UTF_8), partitions), p -> new ArrayList<>());
            if (onPartition.size() < perPartition && !sensors.contains(sensor)) {
                onPartition.add(sensor);
                sensors.add(sensor);
            }
        }
        return sensors;
    }

    private static void joinOperation(Future<?> operation) {
        try {
            operation.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The grader could not stop or restart a broker", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("A broker did not stop or restart within 60 s", e);
        }
    }

    /** A topic whose every partition has {@code leader} as its first (preferred) replica, min.insync.replicas=2. */
    private static String createTopicLedBy(Cluster cluster, int leader, int partitions) {
        List<Integer> others = cluster.brokers().orElseThrow().brokerIds().stream()
                .filter(id -> id != leader).collect(Collectors.toList());
        Map<Integer, List<Integer>> assignment = new TreeMap<>();
        for (int p = 0; p < partitions; p++) {
            List<Integer> replicas = new ArrayList<>(List.of(leader));
            replicas.add(others.get(p % 2));
            replicas.add(others.get((p + 1) % 2));
            assignment.put(p, replicas);
        }
        return cluster.createTopic(partitions == 1 ? "guarded" : "critical", assignment,
                Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, MIN_INSYNC));
    }

    private static TopicDescription awaitTopic(Cluster cluster, String topic) {
        try {
            return await("topic " + topic).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions()
                    .until(() -> cluster.describe(topic), d -> d.partitions().stream().allMatch(p -> p.leader() != null));
        } catch (ConditionTimeoutException absent) {
            return null;
        }
    }

    private static List<Integer> inSyncReplicas(Cluster cluster, TopicPartition partition) {
        return cluster.describe(partition.topic()).partitions().get(partition.partition()).isr().stream()
                .map(Node::id).collect(Collectors.toList());
    }

    private static long endOffset(Cluster cluster, TopicPartition partition) {
        return Cluster.get(cluster.admin().listOffsets(Map.of(partition, OffsetSpec.latest())).all())
                .get(partition).offset();
    }

    private static int sequenceOf(String value) {
        return Integer.parseInt(value.substring(0, value.indexOf('|')));
    }

    private static String firstFew(List<String> items) {
        return items.stream().limit(5).collect(Collectors.joining(", ")) + (items.size() > 5 ? ", …" : "");
    }

    private static Properties learnerConfig(String bootstrap, Feedback feedback) {
        return ProducerConfigs.fromLearner(feedback, () -> CriticalSensorProducer.config(bootstrap));
    }
}
