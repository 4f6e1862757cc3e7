package dev.kafkaworkbook.kit.grading;

import org.apache.kafka.clients.producer.Producer;

/** A producer's own measurements of its batching, read from {@code producer.metrics()}. */
public final class ProducerMetrics {

    private ProducerMetrics() {
    }

    /**
     * The value of metric {@code name} in group {@code producer-metrics} (e.g. {@code records-per-request-avg},
     * {@code batch-size-avg}, {@code compression-rate-avg}), or NaN where the producer has none.
     */
    public static double value(Producer<?, ?> producer, String name) {
        return producer.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("producer-metrics") && e.getKey().name().equals(name))
                .map(e -> e.getValue().metricValue())
                .filter(Number.class::isInstance)
                .mapToDouble(v -> ((Number) v).doubleValue())
                .findFirst().orElse(Double.NaN);
    }
}
