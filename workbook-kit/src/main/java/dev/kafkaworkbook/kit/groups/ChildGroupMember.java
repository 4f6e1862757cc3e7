package dev.kafkaworkbook.kit.groups;

import dev.kafkaworkbook.kit.learner.ChildJvm;
import dev.kafkaworkbook.kit.learner.ChildProgram;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A {@link GroupMember} in a JVM of its own, so that a check can crash it for real ({@link ChildJvm#kill()}, i.e.
 * {@code kill -9}): a consumer built from the given configuration, subscribed to one topic, polling until it dies.
 * It reports {@code assigned <partitions>} each time it gets partitions.
 * <pre>{@code
 * try (ChildJvm member = ChildGroupMember.start(learnerConfig, topic)) {
 *     groups.awaitSettled(group, 2, partitions, within);   // it joined
 *     member.kill();                                       // and died, without a word to the group
 * }
 * }</pre>
 */
public final class ChildGroupMember implements ChildProgram {

    private static final String CONFIG = "config.";

    /** The signal a member started early waits for before it joins. */
    public static final String JOIN = "join";
    private static final java.time.Duration JOIN_WAIT = java.time.Duration.ofSeconds(60);

    /** Starts the member; {@code config} is a consumer configuration (deserializers default to bytes). */
    public static ChildJvm start(Properties config, String topic) {
        return start(config, topic, false);
    }

    /**
     * Starts the member's JVM now and has it join only when signalled {@link #JOIN}: the JVM's start-up (a second or
     * two) overlaps whatever the check does meanwhile.
     */
    public static ChildJvm startEarly(Properties config, String topic) {
        return start(config, topic, true);
    }

    private static ChildJvm start(Properties config, String topic, boolean waitForJoin) {
        Map<String, String> args = new HashMap<>();
        config.forEach((key, value) -> args.put(CONFIG + key, value instanceof Class<?> type ? type.getName() : String.valueOf(value)));
        args.put("topic", topic);
        args.put("waitForJoin", String.valueOf(waitForJoin));
        return ChildJvm.start(ChildGroupMember.class, args);
    }

    @Override
    public void run(Context context) {
        Map<String, Object> config = new HashMap<>();
        context.args().forEach((key, value) -> {
            if (key.startsWith(CONFIG)) {
                config.put(key.substring(CONFIG.length()), value);
            }
        });
        config.putIfAbsent("key.deserializer", ByteArrayDeserializer.class.getName());
        config.putIfAbsent("value.deserializer", ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<Object, Object> consumer = new KafkaConsumer<>(config)) {
            if (Boolean.parseBoolean(context.args().get("waitForJoin")) && !context.awaitSignal(JOIN, JOIN_WAIT)) {
                return;
            }
            consumer.subscribe(List.of(context.args().get("topic")), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    context.report("assigned " + partitions);
                }
            });
            while (true) {
                consumer.poll(Duration.ofMillis(100));
            }
        }
    }
}
