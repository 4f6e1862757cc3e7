package dev.kafkaworkbook.delivery;

import org.apache.kafka.streams.Topology;

import java.util.Properties;

/**
 * <b>Exercise 3.5 — Exactly-once in Kafka Streams.</b>
 *
 * <p>The lesson: exactly-once "is available in Kafka Streams". A Streams application keeps a running total per
 * customer; its state (the totals) lives in a store backed by a changelog topic, and its output, its changelog and
 * its input offsets commit in one transaction when {@code processing.guarantee=exactly_once_v2}. Killed and restarted,
 * it restores the totals and resumes where its last transaction ended: no amount counted twice.
 * <ul>
 *   <li>{@link #config} returns the application's configuration: {@code bootstrap.servers},
 *       {@code application.id}, {@code state.dir} (the ones given) and
 *       {@code processing.guarantee=exactly_once_v2};</li>
 *   <li>{@link #topology} reads {@link OrderEvent}s from {@code inputTopic} (keys: order ids, as strings; values:
 *       {@link OrderEventSerde}), re-keys them by {@code customer}, sums {@code amountCents} per customer in a state
 *       store, and writes every new total to {@code outputTopic}: key the customer (string), value the total
 *       (a {@code Long}, {@code Serdes.Long()});</li>
 *   <li>the store is in memory: {@code Materialized.as(Stores.inMemoryKeyValueStore("…"))}. This workbook leaves
 *       RocksDB, the default persistent store, out of its downloads (73 MB of native libraries); a persistent store
 *       fails with {@code NoClassDefFoundError: org/rocksdb/…}.</li>
 * </ul>
 * The grader runs your topology with your configuration, kills the application's JVM mid-stream and starts it again.
 *
 * <p>Statement: {@code module-03-delivery-semantics/README.md#35-exactly-once-in-kafka-streams} (es: {@code README.es.md}).
 */
public final class OrderTotalsApp {

    private OrderTotalsApp() {
    }

    /** The application's configuration: exactly_once_v2. */
    public static Properties config(String bootstrapServers, String applicationId, String stateDir) {
        // TODO 3.5: bootstrap.servers, application.id, state.dir, processing.guarantee=exactly_once_v2.
        throw new UnsupportedOperationException("TODO 3.5: OrderTotalsApp.config() is not written yet");
    }

    /** Totals of amountCents per customer, in an in-memory store, each new total to outputTopic. */
    public static Topology topology(String inputTopic, String outputTopic) {
        // TODO 3.5: StreamsBuilder: stream(inputTopic, Consumed.with(Serdes.String(), new OrderEventSerde()));
        //  re-key by customer; sum amountCents (Serdes.Long()) into Stores.inMemoryKeyValueStore(...);
        //  toStream().to(outputTopic, Produced.with(Serdes.String(), Serdes.Long())).
        throw new UnsupportedOperationException("TODO 3.5: OrderTotalsApp.topology() is not written yet");
    }
}
