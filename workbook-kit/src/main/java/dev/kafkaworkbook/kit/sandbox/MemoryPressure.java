package dev.kafkaworkbook.kit.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Tells when the heap was nearly full: every exercise and the embedded broker share one heap, so a learner's runaway
 * allocation makes whichever thread allocates next fail, a concurrent check's or the broker's (a controller that
 * cannot create a topic answers {@code UnknownServerException}). A check that failed while the heap was full may have
 * failed for another exercise's code, and is worth one more try once the memory is back.
 *
 * <p>The JVM counts, at each collection, whether the old generation was still over a threshold afterwards
 * ({@link MemoryPoolMXBean#getCollectionUsageThresholdCount()}): the count is kept by the collector itself, so it
 * is up to date the moment an {@code OutOfMemoryError} is thrown, with no listener thread to wait for.
 */
public final class MemoryPressure {

    /** Old generation still this full after a collection: the heap is about to run out. */
    private static final double NEARLY_FULL = 0.9;
    private static final List<MemoryPoolMXBean> OLD_GENERATION = watchOldGeneration();

    private MemoryPressure() {
    }

    /** How many collections so far left the heap nearly full; compare two readings to tell if it happened between. */
    public static long incidents() {
        long count = 0;
        for (MemoryPoolMXBean pool : OLD_GENERATION) {
            count += pool.getCollectionUsageThresholdCount();
        }
        return count;
    }

    /** Whether the heap, after the last collection, has room again. */
    public static boolean relieved() {
        for (MemoryPoolMXBean pool : OLD_GENERATION) {
            var usage = pool.getCollectionUsage();
            if (usage != null && usage.getUsed() >= pool.getCollectionUsageThreshold()) {
                return false;
            }
        }
        return true;
    }

    private static List<MemoryPoolMXBean> watchOldGeneration() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
                // Young pools are nearly full after a collection as a matter of course (survivors), and emptied.
                .filter(pool -> !pool.getName().contains("Eden") && !pool.getName().contains("Survivor"))
                .filter(pool -> pool.getUsage().getMax() > 0)
                .toList();
        for (MemoryPoolMXBean pool : pools) {
            pool.setCollectionUsageThreshold((long) (pool.getUsage().getMax() * NEARLY_FULL));
        }
        return pools;
    }
}
