package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.consumer.Consumer;

/**
 * <b>Exercise 2.5 — Resume after a crash.</b>
 *
 * <p>An instance can die at any moment: killed, out of memory, its machine unplugged. It runs no {@code finally}
 * block, commits nothing on its way out, and never tells the group it left: the group notices only when its session
 * expires, and gives its partitions to another instance, which starts at the last <em>committed</em> offsets. What the
 * dead instance processed after its last commit is processed again; what it committed before processing is lost.
 * Write the loop of an instance that survives this: nothing lost, and at most {@code maxReplay} records processed
 * again after a crash.
 * <ul>
 *   <li>{@link #run()} subscribes {@code consumer} to {@code topic}, then polls and hands each record to
 *       {@code handler.handle(record)} until {@link #shutdown()}, committing only what was processed;</li>
 *   <li>one {@code poll()} may return hundreds of records, and the crash may come in the middle of them: commit
 *       at least once every {@code maxReplay} processed records, within a batch too ({@code commitSync(Map)} with the
 *       offset after the last processed record of each partition), synchronously: only a commit the broker has
 *       acknowledged survives a crash;</li>
 *   <li>resume where the group left off: do not seek anywhere when partitions are assigned;</li>
 *   <li>on shutdown, commit what is left and close the consumer, on its own thread.</li>
 * </ul>
 * The consumer is configured already (group, no auto-commit, deserializers); it is yours to close.
 *
 * <p>Statement: {@code module-02-consumer-groups/README.md#25-resume-after-a-crash} (es: {@code README.es.md}).
 */
public final class ResumableLogConsumer implements Runnable {

    private final Consumer<String, LogEvent> consumer;
    private final String topic;
    private final LogHandler handler;
    private final int maxReplay;

    /**
     * @param maxReplay at most this many records may be processed a second time after this instance crashes
     */
    public ResumableLogConsumer(Consumer<String, LogEvent> consumer, String topic, LogHandler handler, int maxReplay) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
        this.maxReplay = maxReplay;
    }

    @Override
    public void run() {
        // TODO 2.5: subscribe; poll; handle each record; commitSync the processed offsets at least every maxReplay
        //  records, also in the middle of a batch; on WakeupException commit what is left; close in finally.
        throw new UnsupportedOperationException("TODO 2.5: ResumableLogConsumer.run() is not written yet");
    }

    public void shutdown() {
        // TODO 2.5: ask run() to stop, from another thread.
        throw new UnsupportedOperationException("TODO 2.5: ResumableLogConsumer.shutdown() is not written yet");
    }
}
