package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Exercise 4.3., a correct answer written differently: describes the topic first and alters only when needed */
public final class ConsistencyUpgrade {

    private ConsistencyUpgrade() {
    }

    public static void requireTwoInSyncReplicas(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"),
                AlterConfigOp.OpType.SET);
        // Only when needed, as an operator would: look first.
        org.apache.kafka.clients.admin.Config now = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        ConfigEntry current = now.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        if (current == null || current.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG || !"2".equals(current.value())) {
            admin.incrementalAlterConfigs(Map.of(resource, List.of(set))).all().get(10, TimeUnit.SECONDS);
        }
    }
}
