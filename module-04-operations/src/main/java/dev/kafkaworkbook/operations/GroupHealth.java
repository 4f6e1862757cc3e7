package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * <b>Exercise 4.2 — Group health.</b>
 *
 * <p>"Run several instances per group and watch rebalances and lag" (Ejemplo de Implementación, step 4). While a
 * group rebalances, none of its members reads; a group with no members only keeps its offsets. Write {@link #check},
 * which tells an operator what a group is doing, from {@link Admin#describeConsumerGroups}:
 * <ul>
 *   <li>{@link GroupStatus#phase()}: {@link GroupPhase#STABLE} for Kafka's {@link GroupState#STABLE};
 *       {@link GroupPhase#REBALANCING} while partitions are being handed out again, which Kafka names
 *       {@link GroupState#PREPARING_REBALANCE} and {@link GroupState#COMPLETING_REBALANCE} for groups of the classic
 *       protocol, and {@link GroupState#ASSIGNING} and {@link GroupState#RECONCILING} for groups of the consumer
 *       protocol ({@code group.protocol=consumer}); {@link GroupPhase#EMPTY} for {@link GroupState#EMPTY};
 *       {@link GroupPhase#GONE} for a group the cluster does not know: {@link GroupState#DEAD}, or a
 *       {@link GroupIdNotFoundException} (inside the {@code ExecutionException} of the admin result);</li>
 *   <li>{@link GroupStatus#kafkaState()}: the state as Kafka names it ({@link GroupState#toString()}), or
 *       {@code "Unknown"} for a group that does not exist;</li>
 *   <li>{@link GroupStatus#assignments()}: for each member ({@link ConsumerGroupDescription#members()}), by its member
 *       id, the partitions of its current assignment.</li>
 * </ul>
 *
 * <p>Statement: {@code module-04-operations/README.md#42-group-health} (es: {@code README.es.md}).
 */
public final class GroupHealth {

    private GroupHealth() {
    }

    /**
     * @param admin   an admin client of the cluster (do not close it)
     * @param groupId the consumer group
     * @return its phase, Kafka's name for its state, and its members' assignments
     */
    public static GroupStatus check(Admin admin, String groupId) throws Exception {
        // TODO 4.2: describe the group; map its state to a GroupPhase; collect each member's assignment.
        throw new UnsupportedOperationException("TODO 4.2: GroupHealth.check() is not written yet");
    }
}
