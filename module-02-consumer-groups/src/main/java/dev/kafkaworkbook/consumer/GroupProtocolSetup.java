package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.GroupProtocol;

import java.util.Properties;

/**
 * <b>Exercise 2.7 — Classic vs the new group protocol (KIP-848).</b>
 *
 * <p>Kafka 4 runs consumer groups under two protocols. Under {@code group.protocol=classic} (the client default) the
 * members do the work: each one says how long it may go silent ({@code session.timeout.ms}, {@code heartbeat.interval.ms}),
 * and one of them computes the assignment. Under {@code group.protocol=consumer} (KIP-848) the broker does: it
 * computes the assignment and keeps the group's session and heartbeat settings as <em>group configs</em> on the broker
 * ({@code consumer.session.timeout.ms}, {@code consumer.heartbeat.interval.ms}); a client that still sets
 * {@code session.timeout.ms}, {@code heartbeat.interval.ms} or {@code partition.assignment.strategy} is refused with a
 * {@code ConfigException}.
 *
 * <p>The log service must notice a dead instance within 2 s under either protocol (the workbook's broker allows
 * sessions that short; a production broker's minimums are 6 s for classic and 45 s for consumer groups):
 * <ul>
 *   <li>{@link #memberConfig}: the configuration of one member of {@code groupId} under {@code protocol}: bootstrap,
 *       group, {@code group.protocol}, manual commits, reading a new group from the start, string keys and
 *       {@link LogEventDeserializer} values; under classic a session of 0.5 to 2 s (0.5 s is this broker's minimum) with
 *       a heartbeat of at most a third of it; under consumer, nothing the client may no longer set;</li>
 *   <li>{@link #prepareGroup}: what must be set on the broker, before the first member joins, for the same 2 s under
 *       {@code protocol}: under consumer the group configs (a session of 1 to 2 s: 1 s is this broker's minimum for
 *       consumer groups), with {@code Admin.incrementalAlterConfigs} on the
 *       {@code ConfigResource.Type.GROUP} resource named {@code groupId}; under classic nothing (return at once).</li>
 * </ul>
 *
 * <p>Statement: {@code module-02-consumer-groups/README.md#27-classic-vs-the-new-group-protocol-kip-848} (es: {@code README.es.md}).
 */
public final class GroupProtocolSetup {

    private GroupProtocolSetup() {
    }

    public static Properties memberConfig(String bootstrapServers, String groupId, GroupProtocol protocol) {
        // TODO 2.7: the member's configuration under protocol; the session is the client's business only under classic.
        throw new UnsupportedOperationException("TODO 2.7: GroupProtocolSetup.memberConfig() is not written yet");
    }

    public static void prepareGroup(Admin admin, String groupId, GroupProtocol protocol) throws Exception {
        // TODO 2.7: under consumer, set consumer.session.timeout.ms and consumer.heartbeat.interval.ms for groupId on
        //  the broker (incrementalAlterConfigs on ConfigResource.Type.GROUP) and wait for the result.
        throw new UnsupportedOperationException("TODO 2.7: GroupProtocolSetup.prepareGroup() is not written yet");
    }
}
