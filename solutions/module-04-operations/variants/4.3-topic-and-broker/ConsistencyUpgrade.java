package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Exercise 4.3., a plausible wrong answer: set on the topic and, for good measure, on the brokers */
public final class ConsistencyUpgrade {

    private ConsistencyUpgrade() {
    }

    public static void requireTwoInSyncReplicas(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"),
                AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(set),
                new ConfigResource(ConfigResource.Type.BROKER, ""), List.of(set))).all().get(10, TimeUnit.SECONDS);
    }
}
