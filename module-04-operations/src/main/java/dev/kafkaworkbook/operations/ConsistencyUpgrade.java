package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * <b>Exercise 4.3 — Strengthening consistency.</b>
 *
 * <p>The lesson's command
 * {@code kafka-configs.sh --alter --entity-type topics --entity-name <topic> --add-config min.insync.replicas=2}
 * "strengthens consistency": with it, a write with {@code acks=all} counts only once at least two replicas have it,
 * and the broker refuses it ({@code NOT_ENOUGH_REPLICAS}) when fewer are in sync, instead of keeping it on one disk.
 * Write {@link #requireTwoInSyncReplicas}, which does what that command does, with the Admin API:
 * <ul>
 *   <li>set {@link TopicConfig#MIN_IN_SYNC_REPLICAS_CONFIG} to 2 on the topic {@code topic}, and on nothing else: not on
 *       the brokers (that would change every topic of the cluster);</li>
 *   <li>add to the topic's configuration, as {@code --add-config} does: its other settings stay as they are
 *       ({@link Admin#incrementalAlterConfigs} with {@link AlterConfigOp.OpType#SET} on a
 *       {@link ConfigResource.Type#TOPIC} resource);</li>
 *   <li>wait for the result, so that a change the cluster refuses reaches the caller as an exception.</li>
 * </ul>
 *
 * <p>Statement: {@code module-04-operations/README.md#43-strengthening-consistency} (es: {@code README.es.md}).
 */
public final class ConsistencyUpgrade {

    private ConsistencyUpgrade() {
    }

    /**
     * @param admin an admin client of the cluster (do not close it)
     * @param topic an existing topic
     */
    public static void requireTwoInSyncReplicas(Admin admin, String topic) throws Exception {
        // TODO 4.3: set min.insync.replicas=2 on the topic (incrementalAlterConfigs), and wait for the result.
        throw new UnsupportedOperationException("TODO 4.3: ConsistencyUpgrade.requireTwoInSyncReplicas() is not written yet");
    }
}
