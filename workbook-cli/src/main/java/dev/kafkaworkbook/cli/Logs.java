package dev.kafkaworkbook.cli;

import java.nio.file.Path;

/**
 * Where the launcher's Kafka logs go: always a file under {@code target/workbook-logs/}; for a tool, also its warnings
 * and errors on standard error, as Kafka's scripts show them (a write the broker refuses is logged there); never the
 * brokers' logs on the cluster's console. Set before any Kafka class logs anything.
 */
final class Logs {

    static final String FILE_PROPERTY = "workbook.logFile";

    private Logs() {
    }

    static void forCluster(Path root) {
        configure(root, "cluster");
    }

    static void forTools(Path root) {
        configure(root, "tools");
    }

    private static void configure(Path root, String name) {
        System.setProperty(FILE_PROPERTY, root.resolve("target").resolve("workbook-logs").resolve(name + ".log").toString());
        System.setProperty("log4j2.configurationFile", "workbook-" + name + "-log4j2.xml");
    }
}
