package dev.kafkaworkbook.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code ./workbook cluster} tells the tools of other terminals: the bootstrap address of the cluster it runs,
 * and its process id, in {@code target/workbook-cluster/cluster.properties} while it runs.
 */
record LocalCluster(String bootstrapServers, long pid, int brokers) {

    static Path file(Path root) {
        return directory(root).resolve("cluster.properties");
    }

    static Path directory(Path root) {
        return root.resolve("target").resolve("workbook-cluster");
    }

    /** The cluster described in {@code root}'s file, if its process is still alive. */
    static Optional<LocalCluster> running(Path root) {
        Path file = file(root);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            LocalCluster cluster = new LocalCluster(properties.getProperty("bootstrap.servers"),
                    Long.parseLong(properties.getProperty("pid")), Integer.parseInt(properties.getProperty("brokers")));
            return ProcessHandle.of(cluster.pid()).filter(ProcessHandle::isAlive).map(alive -> cluster);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    void write(Path root) {
        Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", bootstrapServers);
        properties.setProperty("pid", String.valueOf(pid));
        properties.setProperty("brokers", String.valueOf(brokers));
        try {
            Files.createDirectories(directory(root));
            try (Writer out = Files.newBufferedWriter(file(root), StandardCharsets.UTF_8)) {
                properties.store(out, "./workbook cluster: removed when it stops");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void remove(Path root) {
        try {
            Files.deleteIfExists(file(root));
        } catch (IOException ignored) {
            // A leftover file names a dead process: the tools check that, and say no cluster runs.
        }
    }
}
