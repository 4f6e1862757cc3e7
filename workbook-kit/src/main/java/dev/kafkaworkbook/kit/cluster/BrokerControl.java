package dev.kafkaworkbook.kit.cluster;

import java.util.Set;

/** Stops and restarts brokers of a cluster under test, as a failing machine would. */
public interface BrokerControl {

    Set<Integer> brokerIds();

    Set<Integer> runningBrokers();

    /** Shuts the broker down (its partitions move to other replicas) and returns once it has stopped. */
    void stop(int brokerId);

    /** Shuts these brokers down at once, as a rack losing power would, and returns once all have stopped. */
    default void stop(java.util.Collection<Integer> brokerIds) {
        brokerIds.forEach(this::stop);
    }

    /** Starts a stopped broker on its old port and returns once it has rejoined the cluster. */
    void start(int brokerId);

    /** Starts every stopped broker, so the next check finds the cluster whole. */
    default void startAll() {
        for (int id : brokerIds()) {
            if (!runningBrokers().contains(id)) {
                start(id);
            }
        }
    }

    /** Starts every stopped broker without waiting for them; the next {@link #startAll} waits. */
    default void startAllInBackground() {
        startAll();
    }
}
