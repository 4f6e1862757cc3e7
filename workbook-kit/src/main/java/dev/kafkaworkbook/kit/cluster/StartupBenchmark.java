package dev.kafkaworkbook.kit.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Measures embedded cluster start-up as graders experience it: the first cluster of a fresh JVM (cold: class
 * loading and JIT included) and the next ones in the same JVM (warm). Run by {@code tools/benchmark}.
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path workDir = Files.createTempDirectory("workbook-benchmark");
        int[] brokerCounts = args.length == 0 ? new int[]{1, 3} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int brokers : brokerCounts) {
            for (String run : new String[]{"cold", "warm"}) {
                try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(brokers, workDir)) {
                    Duration ready = cluster.startupTime();
                    System.out.printf("startup %d broker(s) %s: %.2f s%n", brokers,
                            brokers == brokerCounts[0] ? run : run + " (JVM already warm from the previous cluster)",
                            ready.toMillis() / 1000.0);
                }
            }
        }
    }
}
