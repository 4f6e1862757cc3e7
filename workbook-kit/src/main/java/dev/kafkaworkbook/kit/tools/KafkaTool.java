package dev.kafkaworkbook.kit.tools;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Kafka command-line tools of the lesson, by the names of their scripts ({@code kafka-topics.sh} is
 * {@link #TOPICS}), each with the class its script runs. They come from Kafka's own jars ({@code kafka-tools},
 * and {@code kafka_2.13} for {@code kafka-configs}), the same code the scripts of a Kafka download run.
 */
public enum KafkaTool {

    TOPICS("kafka-topics", org.apache.kafka.tools.TopicCommand::main),
    CONSOLE_PRODUCER("kafka-console-producer", org.apache.kafka.tools.ConsoleProducer::main),
    CONSOLE_CONSUMER("kafka-console-consumer", org.apache.kafka.tools.consumer.ConsoleConsumer::main),
    CONSUMER_GROUPS("kafka-consumer-groups", org.apache.kafka.tools.consumer.group.ConsumerGroupCommand::main),
    CONFIGS("kafka-configs", kafka.admin.ConfigCommand::main),
    REASSIGN_PARTITIONS("kafka-reassign-partitions", org.apache.kafka.tools.reassign.ReassignPartitionsCommand::main),
    DELETE_RECORDS("kafka-delete-records", org.apache.kafka.tools.DeleteRecordsCommand::main),
    PRODUCER_PERF_TEST("kafka-producer-perf-test", org.apache.kafka.tools.ProducerPerformance::main);

    /** Options that name the cluster: where one is given, the local cluster's address is not added. */
    private static final List<String> CLUSTER_OPTIONS = List.of("--bootstrap-server", "--bootstrap-controller");

    private final String command;
    private final Main main;

    KafkaTool(String command, Main main) {
        this.command = command;
        this.main = main;
    }

    /** The script's name without {@code .sh}: {@code kafka-topics}. */
    public String command() {
        return command;
    }

    /** The tool a script name stands for, with or without {@code .sh} / {@code .bat}: {@code kafka-topics.sh}. */
    public static Optional<KafkaTool> named(String name) {
        String bare = name.toLowerCase(Locale.ROOT).replaceFirst("\\.(sh|bat|cmd)$", "");
        return Arrays.stream(values()).filter(tool -> tool.command.equals(bare)).findFirst();
    }

    /**
     * {@code args}, with {@code --bootstrap-server <bootstrap>} added unless they already say which cluster to use
     * ({@code --bootstrap-server}, {@code --bootstrap-controller}, or a {@code bootstrap.servers=} property), or
     * only ask for help or the version.
     */
    public List<String> withBootstrap(List<String> args, String bootstrap) {
        boolean named = args.stream().anyMatch(arg -> CLUSTER_OPTIONS.stream().anyMatch(arg::startsWith)
                || arg.contains("bootstrap.servers="));
        boolean onlyAsks = args.isEmpty() || args.stream().anyMatch(arg -> arg.equals("--help") || arg.equals("-h")
                || arg.equals("--version"));
        if (named || onlyAsks) {
            return List.copyOf(args);
        }
        List<String> completed = new java.util.ArrayList<>(args);
        completed.add("--bootstrap-server");
        completed.add(bootstrap);
        return List.copyOf(completed);
    }

    void runMain(String[] args) throws Exception {
        main.run(args);
    }

    /** A tool's {@code main(String[])}. */
    @FunctionalInterface
    interface Main {
        void run(String[] args) throws Exception;
    }
}
