package dev.kafkaworkbook.kit.groups;

import dev.kafkaworkbook.kit.learner.ConsumerJournal;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A member of a group that the grader runs, not the learner: the other instances of a service, a production group
 * that must not be disturbed, the survivor of a crash. It subscribes, polls (processing nothing, committing nothing)
 * on a thread of its own, and journals its rebalance callbacks, so a check can tell when partitions were taken from it.
 * Stopped with {@code wakeup()} and closed on its own thread; register it with {@code cluster.closeAfterCheck}.
 */
public final class GroupMember implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CLOSE = Duration.ofSeconds(5);

    private final Consumer<?, ?> consumer;
    private final ConsumerJournal journal = new ConsumerJournal();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile boolean stopping;

    private GroupMember(Consumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    /** Subscribes {@code consumer} to {@code topics} and polls it on a new thread named {@code name}. */
    public static GroupMember start(String name, Consumer<?, ?> consumer, Collection<String> topics) {
        GroupMember member = new GroupMember(consumer);
        Consumer<?, ?> recorded = member.journal.record(consumer);
        Thread thread = new Thread(() -> member.loop(recorded, topics), name);
        thread.setDaemon(true);
        thread.start();
        return member;
    }

    private void loop(Consumer<?, ?> recorded, Collection<String> topics) {
        try {
            recorded.subscribe(List.copyOf(topics));
            while (!stopping) {
                recorded.poll(POLL);
            }
        } catch (WakeupException stop) {
            // close() asked.
        } catch (RuntimeException failed) {
            ended.completeExceptionally(failed);
        } finally {
            try {
                consumer.close(CloseOptions.timeout(CLOSE));
            } finally {
                ended.complete(null);
            }
        }
    }

    /** Its polls and rebalance callbacks so far. */
    public ConsumerJournal journal() {
        return journal;
    }

    /** Why its loop ended, if the client failed (the broker refused its session timeout, say). */
    public java.util.Optional<Throwable> failure() {
        if (!ended.isCompletedExceptionally()) {
            return java.util.Optional.empty();
        }
        try {
            ended.join();
            return java.util.Optional.empty();
        } catch (java.util.concurrent.CompletionException e) {
            return java.util.Optional.of(e.getCause());
        }
    }

    /** Partitions taken from it (revoked or lost) so far. */
    public long revocations() {
        return journal.rebalances().stream().filter(r -> r.kind() != ConsumerJournal.Rebalanced.Kind.ASSIGNED).count();
    }

    /** Leaves the group (a graceful close) and waits, within a bound, for its thread to end. */
    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        try {
            ended.get(CLOSE.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (Exception stillClosingOrFailed) {
            // Best effort: the check's thread audit reports a member that would not stop.
        }
    }
}
