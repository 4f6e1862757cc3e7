package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Exercise 4.3., a plausible wrong answer: min.insync.replicas set on each broker */
public final class ConsistencyUpgrade {

    private ConsistencyUpgrade() {
    }

    public static void requireTwoInSyncReplicas(Admin admin, String topic) throws Exception {
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"),
                AlterConfigOp.OpType.SET);
        Map<ConfigResource, java.util.Collection<AlterConfigOp>> each = new java.util.HashMap<>();
        for (org.apache.kafka.common.Node node : admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)) {
            each.put(new ConfigResource(ConfigResource.Type.BROKER, node.idString()), List.of(set));
        }
        admin.incrementalAlterConfigs(each).all().get(10, TimeUnit.SECONDS);
    }
}
