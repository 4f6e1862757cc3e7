package dev.kafkaworkbook.kit.grading;

import dev.kafkaworkbook.kit.cluster.KafkaBackend;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What one test JVM's grading shares between the extension and the scorecard: the seed and the clusters used. */
public final class GradingRun {

    public static final String SEED_PROPERTY = "workbook.seed";

    private static volatile GradingRun current = new GradingRun(System.getProperty(SEED_PROPERTY));

    /** The seed, or the reason -Dworkbook.seed is unusable: a bad option fails each check, not the class. */
    private final Long seed;
    private final IllegalArgumentException badSeed;
    private final Map<String, KafkaBackend.Description> clusters = new ConcurrentHashMap<>();

    private GradingRun(String seedProperty) {
        Long parsed = null;
        IllegalArgumentException bad = null;
        try {
            parsed = seedFrom(seedProperty);
        } catch (IllegalArgumentException e) {
            bad = e;
        }
        this.seed = parsed;
        this.badSeed = bad;
    }

    public static GradingRun current() {
        return current;
    }

    /** A grading session grades many times in one JVM: each run its own seed (unless -Dworkbook.seed fixes it). */
    public static GradingRun startNew() {
        current = new GradingRun(System.getProperty(SEED_PROPERTY));
        return current;
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

    /** @throws IllegalArgumentException when -Dworkbook.seed is not a number */
    public long seed() {
        if (badSeed != null) {
            throw new IllegalArgumentException(badSeed.getMessage(), badSeed);
        }
        return seed;
    }

    /** The seed where -Dworkbook.seed is usable, for reports that must not fail. */
    public java.util.Optional<Long> validSeed() {
        return java.util.Optional.ofNullable(seed);
    }

    void clusterUsed(String key, KafkaBackend backend) {
        clusters.put(key, backend.description());
    }

    /** The clusters this run started or joined, for the scorecard's header. */
    public java.util.Collection<KafkaBackend.Description> clusters() {
        return new java.util.TreeMap<>(clusters).values();
    }
}
