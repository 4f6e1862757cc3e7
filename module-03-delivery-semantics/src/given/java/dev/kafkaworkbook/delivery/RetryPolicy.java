package dev.kafkaworkbook.delivery;

import java.time.Duration;

/**
 * Given: how often, and how patiently, to try a record again (3.6). Attempt 1 is the first call; before attempt
 * {@code n + 1} wait {@link #backoffBefore(int) backoffBefore(n)}: exponential, {@code initialBackoff × 2^(n-1)},
 * capped at {@code maxBackoff}. After {@code maxAttempts} failed attempts the record goes to the dead-letter topic.
 *
 * @param maxAttempts    attempts in all, the first one included (at least 1)
 * @param initialBackoff the wait before the second attempt
 * @param maxBackoff     no wait is longer than this
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** The wait after failed attempt {@code failedAttempt} (1, 2, …) before the next one. */
    public Duration backoffBefore(int failedAttempt) {
        long millis = initialBackoff.toMillis() << Math.min(failedAttempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
