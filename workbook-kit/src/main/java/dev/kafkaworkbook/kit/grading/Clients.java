package dev.kafkaworkbook.kit.grading;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The Kafka clients a check opened or was handed, closed when the check ends, newest first and each within
 * a bound: a learner's client that never closes must not hang the grading.
 */
final class Clients implements AutoCloseable {

    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T track(T client) {
        open.push(client);
        return client;
    }

    @Override
    public synchronized void close() {
        while (!open.isEmpty()) {
            closeBounded(open.pop());
        }
    }

    static void closeBounded(AutoCloseable client) {
        try {
            if (client instanceof Producer<?, ?> producer) {
                producer.close(CLOSE_TIMEOUT);
            } else if (client instanceof Consumer<?, ?> consumer) {
                consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            } else if (client instanceof Admin admin) {
                admin.close(CLOSE_TIMEOUT);
            } else {
                client.close();
            }
        } catch (Exception | LinkageError e) {
            // Already closed, or failing on the way out: the check's verdict is made, closing is best effort.
        }
    }
}
