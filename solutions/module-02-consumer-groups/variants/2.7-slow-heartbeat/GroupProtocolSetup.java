package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Variant, not a reference solution of exercise 2.7: the session on the client (classic) or on the broker (consumer). */
public final class GroupProtocolSetup {

    private static final int SESSION_MS = 2_000;
    private static final int HEARTBEAT_MS = 500;

    private GroupProtocolSetup() {
    }

    public static Properties memberConfig(String bootstrapServers, String groupId, GroupProtocol protocol) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol.name().toLowerCase());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LogEventDeserializer.class);
        if (protocol == GroupProtocol.CLASSIC) {
            // The classic member states its own session; under KIP-848 the broker holds it (see prepareGroup).
            config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_MS);
            config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_500);
        }
        return config;
    }

    public static void prepareGroup(Admin admin, String groupId, GroupProtocol protocol) throws Exception {
        if (protocol != GroupProtocol.CONSUMER) {
            return;
        }
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, groupId);
        List<AlterConfigOp> ops = List.of(
                new AlterConfigOp(new ConfigEntry("consumer.session.timeout.ms", String.valueOf(SESSION_MS)), AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry("consumer.heartbeat.interval.ms", String.valueOf(HEARTBEAT_MS)), AlterConfigOp.OpType.SET));
        admin.incrementalAlterConfigs(Map.of(group, ops)).all().get(30, TimeUnit.SECONDS);
    }
}
