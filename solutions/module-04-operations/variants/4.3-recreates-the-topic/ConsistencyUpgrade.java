package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Exercise 4.3, a plausible wrong answer: the topic is recreated with the setting (its other settings, and data, lost). */
public final class ConsistencyUpgrade {

    private ConsistencyUpgrade() {
    }

    public static void requireTwoInSyncReplicas(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions().size();
        admin.deleteTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 3)
                        .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")))).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException) || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(100);  // still being deleted
            }
        }
    }
}
