package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The learner's Kafka Streams application (3.5) as the grader runs it, in this JVM or in a crashing child: the
 * learner's topology and configuration, plus the grader's own settings for a crash to fall mid-transaction: a short
 * commit interval, and no record cache, so that every update is sent (to the output and the changelog) as soon as it
 * is made and stays open in its transaction until the next commit. What a stream thread throws is kept, and the
 * application shuts down on it, so the check reports it instead of waiting.
 */
final class StreamsApp implements AutoCloseable {

    static final Duration COMMIT_INTERVAL = Duration.ofMillis(500);
    private static final Duration CLOSE = Duration.ofSeconds(10);

    private final KafkaStreams streams;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private StreamsApp(Topology topology, Properties config, KafkaClientSupplier clients) {
        this.streams = new KafkaStreams(topology, config, clients);
        streams.setUncaughtExceptionHandler(thrown -> {
            failure.compareAndSet(null, thrown);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /** Builds and starts the learner's application: {@code topology()} and {@code config()} are learner code. */
    static StreamsApp start(String bootstrap, String applicationId, String stateDir, String input, String output) {
        return start(bootstrap, applicationId, stateDir, input, output, new DefaultKafkaClientSupplier());
    }

    /** The same, with the application's clients made by {@code clients} (a producer that crashes on cue, say). */
    static StreamsApp start(String bootstrap, String applicationId, String stateDir, String input, String output,
                            KafkaClientSupplier clients) {
        Properties config = new Properties();
        config.putAll(OrderTotalsApp.config(bootstrap, applicationId, stateDir));
        withGraderSettings(config);
        StreamsApp app = new StreamsApp(OrderTotalsApp.topology(input, output), config, clients);
        app.streams.start();
        return app;
    }

    /**
     * Clients whose producers halt the JVM right after the {@code crashAt}-th record sent to {@code topic}, once what
     * they sent is flushed to the broker: under exactly_once_v2 the transaction is open then; under at_least_once the
     * store's changelog has the update and the input offset is not committed yet.
     */
    static KafkaClientSupplier crashingAfter(String topic, int crashAt, Runnable crash) {
        AtomicInteger sent = new AtomicInteger();
        return new DefaultKafkaClientSupplier() {
            @Override
            @SuppressWarnings("unchecked")
            public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
                Producer<byte[], byte[]> producer = super.getProducer(config);
                return (Producer<byte[], byte[]>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
                        new Class<?>[]{Producer.class}, (proxy, method, args) -> {
                            Object result;
                            try {
                                result = method.invoke(producer, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                            if (method.getName().equals("send") && args[0] instanceof ProducerRecord<?, ?> record
                                    && topic.equals(record.topic()) && sent.incrementAndGet() == crashAt) {
                                producer.flush();
                                crash.run();
                            }
                            return result;
                        });
            }
        };
    }

    static void withGraderSettings(Properties config) {
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) COMMIT_INTERVAL.toMillis());
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        // The restarted application is the same static member as the dead one: it takes over at once, instead of
        // waiting for a session the dead one never ended.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "order-totals-1");
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
    }

    KafkaStreams.State state() {
        return streams.state();
    }

    /** What a stream thread threw, if one did. */
    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        streams.close(CLOSE);
    }
}
