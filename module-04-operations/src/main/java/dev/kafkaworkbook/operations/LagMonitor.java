package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;

import java.util.Collection;
import java.util.List;

/**
 * <b>Exercise 4.6 — Lag alerting.</b>
 *
 * <p>"Monitor lag with metrics" (Ejemplo de Implementación, step 6): lag shows a bottleneck before users notice it.
 * Write a monitor that is asked to {@link #check} a set of groups again and again (say, once a minute), and each
 * time returns the alerts that hold at that moment:
 * <ul>
 *   <li>{@link LagAlert.Reason#LAGGING}: a partition of the group has a lag (log-end offset minus committed offset)
 *       of <em>more than</em> {@code maxLag} records. The threshold is per partition: one consumer drowning on one
 *       partition is the alarm, while a little lag on many partitions is not, however much it adds up to. The alert
 *       names every partition over the threshold;</li>
 *   <li>{@link LagAlert.Reason#STUCK}: since the previous {@code check} of this monitor, the group's committed
 *       offset on a partition has not moved while the partition's log-end offset has: records keep arriving and
 *       nobody reads them (a consumer that hangs, or that lost its partitions). The alert names every such
 *       partition. A group that commits nothing because nothing arrives (idle, lag 0) is not stuck. The first
 *       {@code check} of a group has nothing to compare with: it never reports the group stuck.</li>
 * </ul>
 * Only partitions where the group has a committed offset count. A group may get both alerts at once; a group with
 * no alert is left out. Each monitor remembers its own previous look, per group and partition.
 *
 * <p>Statement: {@code module-04-operations/README.md#46-lag-alerting} (es: {@code README.es.md}).
 */
public final class LagMonitor {

    private final Admin admin;
    private final long maxLag;

    /**
     * @param admin  an admin client of the cluster (do not close it)
     * @param maxLag the largest lag a partition may have without an alert
     */
    public LagMonitor(Admin admin, long maxLag) {
        this.admin = admin;
        this.maxLag = maxLag;
    }

    /**
     * @param groupIds the groups to look at now
     * @return the alerts that hold now, at most one per group and reason
     */
    public List<LagAlert> check(Collection<String> groupIds) throws Exception {
        // TODO 4.6: committed and log-end offsets of every group; LAGGING above maxLag; STUCK against the last look.
        throw new UnsupportedOperationException("TODO 4.6: LagMonitor.check() is not written yet");
    }
}
