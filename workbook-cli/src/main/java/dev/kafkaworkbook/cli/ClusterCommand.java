package dev.kafkaworkbook.cli;

import dev.kafkaworkbook.kit.cluster.BackendUnavailableException;
import dev.kafkaworkbook.kit.cluster.EmbeddedKafkaCluster;
import dev.kafkaworkbook.kit.grading.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./workbook cluster [--brokers 3]}: real Kafka brokers in this process, on loopback, with their data under
 * {@code target/workbook-cluster/}, until Ctrl-C. While it runs, the tools of {@code ./workbook} find it by themselves,
 * and its terminal takes a few commands: {@code stop 1} and {@code start 1} stop and restart a broker (exercise 1.6 by
 * hand), {@code status} lists them, {@code quit} stops the cluster.
 */
@Command(name = ClusterCommand.NAME, mixinStandardHelpOptions = true)
final class ClusterCommand implements Callable<Integer> {

    static final String NAME = "cluster";

    @Option(names = "--brokers", paramLabel = "N", defaultValue = "1", descriptionKey = "cluster.brokers")
    int brokers;

    private final Texts texts = Workbook.texts();
    private final PrintStream out = System.out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path root = Workbook.root();
        var running = LocalCluster.running(root);
        if (running.isPresent()) {
            System.err.println(texts.get("cluster.already", running.get().pid(), running.get().bootstrapServers()));
            return 1;
        }
        if (brokers < 1 || brokers > 9) {
            System.err.println(texts.get("cluster.brokers.range", brokers));
            return 2;
        }
        Path data = LocalCluster.directory(root);
        deleteEarlierData(data);
        out.println(texts.get("cluster.starting", brokers));
        EmbeddedKafkaCluster cluster;
        try {
            cluster = EmbeddedKafkaCluster.start(brokers, data);
        } catch (BackendUnavailableException e) {
            System.err.println(texts.get("cluster.failed", e.getMessage(), root.resolve("target/workbook-logs/cluster.log")));
            return 1;
        }
        new LocalCluster(cluster.bootstrapServers(), ProcessHandle.current().pid(), brokers).write(root);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println(texts.get("cluster.stopping"));
            cluster.close();
            LocalCluster.remove(root);
            out.println(texts.get("cluster.stopped"));
        }, "workbook-cluster-shutdown"));

        out.println(texts.get("cluster.ready", cluster.bootstrapServers(), brokers, cluster.brokerIds(),
                String.format(Locale.ROOT, "%.1f", cluster.startupTime().toMillis() / 1000.0), root.relativize(data)));
        out.println(texts.get(brokers > 1 ? "cluster.console.brokers" : "cluster.console"));
        new Console(cluster).run();
        return 0;
    }

    /** Earlier runs' brokers are gone: their data would only fill the disk. */
    private static void deleteEarlierData(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return;
        }
        try (Stream<Path> earlier = Files.list(data)) {
            for (Path directory : earlier.filter(p -> p.getFileName().toString().startsWith("kafka-")).toList()) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
    }

    /** The cluster's terminal: a few commands, one a line, until Ctrl-C or {@code quit}. */
    private final class Console {
        private final EmbeddedKafkaCluster cluster;

        Console(EmbeddedKafkaCluster cluster) {
            this.cluster = cluster;
        }

        void run() throws IOException, InterruptedException {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
                switch (words[0]) {
                    case "" -> { }
                    case "quit", "exit" -> System.exit(0);
                    case "status" -> status();
                    case "stop", "start" -> broker(words);
                    default -> out.println(texts.get(brokers > 1 ? "cluster.console.brokers" : "cluster.console"));
                }
            }
            // No terminal to read (started in the background): run until the process is stopped.
            Thread.currentThread().join();
        }

        private void status() {
            for (int id : cluster.brokerIds()) {
                out.println(texts.get(cluster.runningBrokers().contains(id) ? "cluster.broker.up" : "cluster.broker.down", id));
            }
        }

        private void broker(String[] words) {
            if (brokers == 1) {
                out.println(texts.get("cluster.broker.single"));
                return;
            }
            int id;
            try {
                id = Integer.parseInt(words.length > 1 ? words[1] : "");
            } catch (NumberFormatException notANumber) {
                out.println(texts.get("cluster.broker.which", words[0], cluster.brokerIds()));
                return;
            }
            if (!cluster.brokerIds().contains(id)) {
                out.println(texts.get("cluster.broker.which", words[0], cluster.brokerIds()));
                return;
            }
            if (words[0].equals("stop")) {
                cluster.stop(id);
                out.println(texts.get("cluster.broker.stopped", id));
            } else {
                out.println(texts.get("cluster.broker.starting", id));
                cluster.start(id);
                out.println(texts.get("cluster.broker.up", id));
            }
        }
    }
}
