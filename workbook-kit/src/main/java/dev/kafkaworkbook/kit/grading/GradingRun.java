package dev.kafkaworkbook.kit.grading;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What one test JVM's grading shares between the extension and the scorecard: the seed and the clusters used. */
public final class GradingRun {

    public static final String SEED_PROPERTY = "workbook.seed";

    private static final GradingRun CURRENT = new GradingRun(seedFrom(System.getProperty(SEED_PROPERTY)));

    private final long seed;
    private final Map<String, String> clusters = new ConcurrentHashMap<>();

    private GradingRun(long seed) {
        this.seed = seed;
    }

    public static GradingRun current() {
        return CURRENT;
    }

    static long seedFrom(String property) {
        if (property == null || property.isBlank()) {
            return new SecureRandom().nextLong() & 0xFFFFFFFFL;
        }
        try {
            return Long.parseLong(property.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + "=" + property + " is not a number; use the seed"
                    + " the scorecard printed.", e);
        }
    }

    public long seed() {
        return seed;
    }

    void clusterUsed(String key, String description) {
        clusters.put(key, description);
    }

    /** One line per cluster this run started or joined, e.g. {@code embedded Kafka 4.3.1, 1 broker, started in 2.4 s}. */
    public java.util.Collection<String> clusters() {
        return new java.util.TreeMap<>(clusters).values();
    }
}
