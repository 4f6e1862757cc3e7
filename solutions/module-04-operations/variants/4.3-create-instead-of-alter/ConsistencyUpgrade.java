package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Exercise 4.3., a plausible wrong answer: creates the topic with the setting, and ignores that it exists */
public final class ConsistencyUpgrade {

    private ConsistencyUpgrade() {
    }

    public static void requireTwoInSyncReplicas(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"),
                AlterConfigOp.OpType.SET);
        try {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 3)
                    .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")))).all().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException alreadyThere) {
            // The topic exists: nothing to do.
        }
    }
}
