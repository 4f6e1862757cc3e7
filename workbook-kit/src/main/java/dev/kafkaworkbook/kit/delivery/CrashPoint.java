package dev.kafkaworkbook.kit.delivery;

import dev.kafkaworkbook.kit.learner.ConsumerJournal;

import java.util.function.Consumer;

/**
 * Where a processor dies: in the middle of a polled batch, once it has processed at least a given number of records,
 * which is when each delivery model shows what it is made of. A processor that committed before processing loses the
 * rest of the batch; one that commits after processing repeats what it did of it. Watch a {@link ConsumerJournal}
 * with it in a {@link dev.kafkaworkbook.kit.learner.ChildJvm}, whose context crashes for real:
 * <pre>{@code
 * journal.watch(CrashPoint.midBatch(60, context::crash));
 * }</pre>
 * Choose {@code afterProcessed} beyond a batch or two (batches are at most {@code max.poll.records}), so that a
 * processor that commits once per batch has committed before it dies. Should no batch have records left at that point
 * (batches of one record), it dies anyway a few records later.
 */
public final class CrashPoint implements Consumer<ConsumerJournal.Event> {

    /** How far past the crash point a processor that never shows a batch with records left may go. */
    private static final int GRACE = 50;

    private final int afterProcessed;
    private final Runnable crash;
    private int processed;
    private int batchSize;
    private int processedOfBatch;

    private CrashPoint(int afterProcessed, Runnable crash) {
        this.afterProcessed = afterProcessed;
        this.crash = crash;
    }

    /** Runs {@code crash} on the first processed record, from the {@code afterProcessed}-th on, that leaves some of its batch unprocessed. */
    public static CrashPoint midBatch(int afterProcessed, Runnable crash) {
        return new CrashPoint(afterProcessed, crash);
    }

    @Override
    public synchronized void accept(ConsumerJournal.Event event) {
        if (event instanceof ConsumerJournal.Polled polled && !polled.records().isEmpty()) {
            batchSize = polled.records().size();
            processedOfBatch = 0;
        } else if (event instanceof ConsumerJournal.Processed) {
            processed++;
            processedOfBatch++;
            boolean midBatch = processedOfBatch < batchSize;
            if (processed >= afterProcessed && (midBatch || processed >= afterProcessed + GRACE)) {
                crash.run();
            }
        }
    }
}
