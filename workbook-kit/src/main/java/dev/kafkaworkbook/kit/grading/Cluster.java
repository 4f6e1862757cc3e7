package dev.kafkaworkbook.kit.grading;

import dev.kafkaworkbook.kit.cluster.BrokerControl;
import dev.kafkaworkbook.kit.cluster.KafkaBackend;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The Kafka cluster as a check sees it: fresh topics, the grader's own clients (closed when the check ends),
 * and the facts to judge by, read from the broker.
 */
public final class Cluster {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaBackend backend;
    private final Admin admin;
    private final Clients clients;
    /** Names this check made up, to delete from a cluster that outlives the run. */
    private final List<String> topics = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> groups = new java.util.concurrent.CopyOnWriteArrayList<>();

    Cluster(KafkaBackend backend, Admin admin, Clients clients) {
        this.backend = backend;
        this.admin = admin;
        this.clients = clients;
    }

    public String bootstrapServers() {
        return backend.bootstrapServers();
    }

    /** An admin client shared by the checks; do not close it. */
    public Admin admin() {
        return admin;
    }

    /** Present where the check may stop and restart brokers ({@code @Grader(brokers = 3)} on the embedded backend). */
    public Optional<BrokerControl> brokers() {
        return backend.brokerControl();
    }

    /** Creates a topic with a fresh name beginning with {@code prefix}, replication factor 1, and returns its name. */
    public String createTopic(String prefix, int partitions) {
        return createTopic(prefix, partitions, 1, Map.of());
    }

    /**
     * Creates a topic and returns once every partition is served by its leader. The metadata names a leader before
     * that broker serves the partition; a first write in between meets NOT_LEADER_OR_FOLLOWER, and an idempotent
     * producer retrying into a brand-new partition can even stall. A partition answers ListOffsets only once its
     * leader serves it, so that is what is awaited.
     */
    public String createTopic(String prefix, int partitions, int replicationFactor, Map<String, String> configs) {
        return create(new NewTopic(TestData.uniqueName(prefix), partitions, (short) replicationFactor).configs(configs));
    }

    /**
     * Creates a topic with the replicas of each partition chosen, the first one its preferred leader, and returns
     * once every partition is served by that leader with all its replicas in sync: a check that stops "the leader"
     * knows which broker that is.
     */
    public String createTopic(String prefix, Map<Integer, List<Integer>> replicasByPartition, Map<String, String> configs) {
        String name = create(new NewTopic(TestData.uniqueName(prefix), replicasByPartition).configs(configs));
        awaitQuietly("every partition of " + name + " led by its first replica, all in sync",
                () -> describe(name).partitions().stream().allMatch(p -> p.leader() != null
                        && p.leader().id() == replicasByPartition.get(p.partition()).get(0)
                        && p.isr().size() == replicasByPartition.get(p.partition()).size()));
        return name;
    }

    /**
     * A fresh topic name for a topic the learner's code creates: {@code workbook-<prefix>-<random>}. Like the
     * topics {@code createTopic} makes, it is deleted after the check on a cluster the kit did not start.
     */
    public String newTopicName(String prefix) {
        String name = TestData.uniqueName(prefix);
        topics.add(name);
        return name;
    }

    private String create(NewTopic topic) {
        topics.add(topic.name());
        get(admin.createTopics(List.of(topic)).all());
        int partitions = topic.numPartitions() > 0 ? topic.numPartitions() : topic.replicasAssignments().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            latest.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
        }
        awaitQuietly("every partition of " + topic.name() + " served by its leader",
                () -> get(admin.listOffsets(latest).all()).size() == partitions);
        return topic.name();
    }

    /** Waits for a cluster fact, taking "not yet" answers (retriable errors, such as an unknown topic) as no. */
    private static void awaitQuietly(String what, java.util.concurrent.Callable<Boolean> fact) {
        org.awaitility.Awaitility.await(what).atMost(ADMIN_TIMEOUT)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .ignoreExceptionsMatching(e -> e instanceof RetriableException)
                .until(fact);
    }

    /**
     * The idempotent or transactional producers whose state a replica of {@code partition} holds: an empty list
     * means the broker saw no idempotent producer there. Every replica keeps producer state, so each running broker
     * is asked in turn (for up to 3 s while none answers), which spares the check a stale leader or a broker that
     * has just restarted and not reloaded its state yet.
     */
    public List<ProducerState> activeProducers(TopicPartition partition) {
        List<DescribeProducersOptions> askEach = brokers()
                .map(control -> control.runningBrokers().stream().map(id -> new DescribeProducersOptions().brokerId(id)).toList())
                .orElse(List.of(new DescribeProducersOptions()));
        try {
            return org.awaitility.Awaitility.await("producer state of " + partition).atMost(Duration.ofSeconds(3))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        for (DescribeProducersOptions options : askEach) {
                            try {
                                List<ProducerState> producers = get(admin.describeProducers(List.of(partition), options).all())
                                        .get(partition).activeProducers();
                                if (!producers.isEmpty()) {
                                    return producers;
                                }
                            } catch (RuntimeException notAReplica) {
                                // This broker does not (yet) host the partition: ask the next one.
                            }
                        }
                        return List.<ProducerState>of();
                    }, producers -> !producers.isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException none) {
            return List.of();
        }
    }

    public TopicDescription describe(String topic) {
        return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
    }

    /** The broker that currently leads {@code partition}, or empty while it has none. */
    public Optional<Integer> leaderOf(TopicPartition partition) {
        return describe(partition.topic()).partitions().stream()
                .filter(p -> p.partition() == partition.partition())
                .map(TopicPartitionInfo::leader)
                .filter(leader -> leader != null && !leader.isEmpty())
                .map(Node::id)
                .findFirst();
    }

    /** A fresh consumer group id; nothing has ever committed under it. */
    public String newGroupId(String prefix) {
        String group = TestData.uniqueName(prefix);
        groups.add(group);
        return group;
    }

    /**
     * After the check (its clients closed): on a cluster the kit did not start, deletes the topics and groups the
     * check named, so that runs leave nothing behind on a learner's or a shared cluster. Embedded data go with the
     * run. Best effort, within a bound: a leftover topic is not worth failing a check for.
     */
    void deleteWhatTheCheckCreated() {
        if (backend.kind() == dev.kafkaworkbook.kit.cluster.BackendKind.EMBEDDED) {
            return;
        }
        try {
            if (!groups.isEmpty()) {
                admin.deleteConsumerGroups(groups).all().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception notThereOrBusy) {
            // A group nobody joined does not exist; one still emptying is deleted with the topic's offsets anyway.
        }
        try {
            if (!topics.isEmpty()) {
                admin.deleteTopics(topics).all().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception notThere) {
            // Never created (the check failed first) or already gone.
        }
    }

    /** Common settings for a client of this cluster, before {@code overrides}. */
    public Map<String, Object> clientConfig(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.putAll(overrides);
        return config;
    }

    /** A producer of the grader's own, closed when the check ends. */
    public <K, V> KafkaProducer<K, V> producer(Serializer<K> keys, Serializer<V> values, Map<String, Object> overrides) {
        return clients.track(new KafkaProducer<>(clientConfig(overrides), keys, values));
    }

    /** A consumer of the grader's own, closed when the check ends. */
    public <K, V> KafkaConsumer<K, V> consumer(Deserializer<K> keys, Deserializer<V> values, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putAll(overrides);
        return clients.track(new KafkaConsumer<>(clientConfig(config), keys, values));
    }

    /** Closes {@code client} (a learner's producer, consumer, admin…) with a bounded timeout when the check ends. */
    public <T extends AutoCloseable> T closeAfterCheck(T client) {
        return clients.track(client);
    }

    /**
     * Everything in {@code topic} up to its end offsets at the time of the call, partition by partition in
     * offset order, as a {@code read_uncommitted} consumer outside any group sees it.
     */
    public <K, V> List<ConsumerRecord<K, V>> readToEnd(String topic, Deserializer<K> keys, Deserializer<V> values) {
        return readToEnd(topic, keys, values, IsolationLevel.READ_UNCOMMITTED);
    }

    public <K, V> List<ConsumerRecord<K, V>> readToEnd(String topic, Deserializer<K> keys, Deserializer<V> values,
                                                       IsolationLevel isolation) {
        KafkaConsumer<K, V> consumer = consumer(keys, values,
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString()));
        List<TopicPartition> partitions = describe(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + topic + " to its end offsets " + end
                        + " within " + READ_TIMEOUT.toSeconds() + " s");
            }
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        records.removeIf(r -> r.offset() >= end.get(new TopicPartition(r.topic(), r.partition())));
        records.sort(java.util.Comparator.<ConsumerRecord<K, V>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    /** The partition Kafka's default partitioner picks for a record with these key bytes. */
    public static int defaultPartition(byte[] keyBytes, int partitions) {
        return BuiltInPartitioner.partitionForKey(keyBytes, partitions);
    }

    /** Waits for an admin result with a bound, unwrapping Kafka's exception. */
    public static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the cluster", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The cluster did not answer within " + ADMIN_TIMEOUT.toSeconds() + " s", e);
        }
    }
}
