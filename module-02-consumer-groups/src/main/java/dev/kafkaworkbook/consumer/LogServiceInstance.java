package dev.kafkaworkbook.consumer;

/**
 * <b>Exercise 2.3 — Scaling out.</b>
 *
 * <p>The service's logs come in faster than one instance can process them, so the service runs several instances,
 * each in a JVM or thread of its own, all in one consumer group: Kafka gives each partition of the topic to exactly
 * one instance, and moves partitions when an instance comes or goes. Write one instance; the grader starts several.
 * <ul>
 *   <li>the constructor only remembers its arguments;</li>
 *   <li>{@link #run()} creates this instance's own consumer (a {@code KafkaConsumer} is never shared between
 *       threads): in the group {@code groupId}, with manual commits, reading a brand-new group's partitions from the
 *       start, keys as strings and values with the given {@link LogEventDeserializer}; it joins the group on
 *       {@code topic} and lets Kafka assign its partitions; then polls, hands each record to the handler, commits
 *       what was processed, until {@link #shutdown()}; and closes its consumer before returning;</li>
 *   <li>{@link #shutdown()} is called from another thread and returns at once.</li>
 * </ul>
 * You may reuse your configuration from 2.1 and your loop from 2.2.
 *
 * <p>Statement: {@code module-02-consumer-groups/README.md#23-scaling-out} (es: {@code README.es.md}).
 */
public final class LogServiceInstance implements Runnable {

    private final String bootstrapServers;
    private final String groupId;
    private final String topic;
    private final LogHandler handler;

    /**
     * @param bootstrapServers the cluster
     * @param groupId          the service's group: the same for every instance
     * @param topic            the service's log topic
     * @param handler          this instance's processing
     */
    public LogServiceInstance(String bootstrapServers, String groupId, String topic, LogHandler handler) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
        this.topic = topic;
        this.handler = handler;
    }

    @Override
    public void run() {
        // TODO 2.3: create this instance's consumer in groupId, join the group on topic, poll/handle/commit until
        //  shutdown(), close the consumer.
        throw new UnsupportedOperationException("TODO 2.3: LogServiceInstance.run() is not written yet");
    }

    public void shutdown() {
        // TODO 2.3: ask run() to stop, from another thread.
        throw new UnsupportedOperationException("TODO 2.3: LogServiceInstance.shutdown() is not written yet");
    }
}
