package dev.kafkaworkbook.kit.cluster;

import dev.kafkaworkbook.kit.sandbox.KitThreads;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.metadata.BrokerState;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Real Kafka brokers in KRaft mode inside this JVM, built on Kafka's own {@link KafkaClusterTestKit}.
 *
 * <p>Unlike the test kit's defaults, the cluster is bootstrapped with the latest <em>production</em>
 * metadata version and feature levels, and unstable APIs are off: graders see what a learner's own
 * Kafka of the same version would do. Every listener is on loopback.
 *
 * <p>One broker runs in combined mode (broker and controller in one node), the fastest start. Several
 * brokers get a dedicated controller, so stopping brokers never costs the metadata quorum.
 */
public final class EmbeddedKafkaCluster implements KafkaBackend, BrokerControl {

    private static final Duration BROKER_TRANSITION_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaClusterTestKit testKit;
    private final int brokers;
    private final Duration startup;
    private final Set<Integer> stopped = new java.util.concurrent.ConcurrentSkipListSet<>();
    /** The restart {@link #startAllInBackground} began, if any. */
    private CompletableFuture<Void> restoring = CompletableFuture.completedFuture(null);

    private EmbeddedKafkaCluster(KafkaClusterTestKit testKit, int brokers, Duration startup) {
        this.testKit = testKit;
        this.brokers = brokers;
        this.startup = startup;
    }

    /**
     * Formats and starts a cluster of {@code brokers} brokers with its data under {@code workDir},
     * and returns once every broker is ready to serve clients.
     */
    public static EmbeddedKafkaCluster start(int brokers, Path workDir) {
        if (brokers < 1) {
            throw new IllegalArgumentException("A cluster needs at least one broker, not " + brokers);
        }
        requireLoopbackSockets();
        long began = System.nanoTime();
        KafkaClusterTestKit testKit = null;
        try {
            Files.createDirectories(workDir);
            boolean combined = brokers == 1;
            TestKitNodes nodes = new TestKitNodes.Builder(productionBootstrapMetadata())
                    .setCombined(combined)
                    .setNumBrokerNodes(brokers)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory(workDir, "kafka-" + brokers + "b-"))
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            brokerConfig(brokers).forEach(builder::setConfigProp);
            testKit = builder.build();
            formatQuietly(testKit);
            testKit.startup();
            testKit.waitForReadyBrokers();
            return new EmbeddedKafkaCluster(testKit, brokers, Duration.ofNanos(System.nanoTime() - began));
        } catch (Exception e) {
            closeQuietly(testKit);
            throw new BackendUnavailableException("embeddedFailed", List.of(brokers, String.valueOf(e)),
                    "The embedded Kafka cluster (" + brokers + " broker(s)) did not start: " + e
                            + ". Broker logs are in target/workbook-logs/.", e);
        }
    }

    /**
     * The kit ships a copy of Kafka's PreboundSocketFactoryManager that binds to loopback; if Kafka's own copy came
     * first on the class path, brokers would listen on every interface. Refuse rather than expose them.
     */
    private static void requireLoopbackSockets() {
        java.security.CodeSource kit = EmbeddedKafkaCluster.class.getProtectionDomain().getCodeSource();
        java.security.CodeSource sockets = org.apache.kafka.common.test.PreboundSocketFactoryManager.class
                .getProtectionDomain().getCodeSource();
        if (kit != null && sockets != null && !kit.getLocation().equals(sockets.getLocation())) {
            throw new BackendUnavailableException("classPath", List.of(String.valueOf(sockets.getLocation())),
                    "workbook-kit must come before kafka-test-common-runtime on the class"
                    + " path (found the socket factory in " + sockets.getLocation() + "); otherwise the embedded"
                    + " brokers would listen beyond loopback.");
        }
    }

    /** Kafka's storage formatter prints to System.out; the learner's console is for the scorecard. */
    private static void formatQuietly(KafkaClusterTestKit testKit) throws Exception {
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            testKit.format();
        } finally {
            System.setOut(console);
        }
    }

    /** Latest production metadata version and feature levels: what a fresh production cluster formats with. */
    static BootstrapMetadata productionBootstrapMetadata() {
        MetadataVersion version = MetadataVersion.LATEST_PRODUCTION;
        Map<String, Short> features = Feature.PRODUCTION_FEATURES.stream().collect(Collectors.toMap(
                Feature::featureName, feature -> feature.defaultLevel(version), (a, b) -> a, TreeMap::new));
        return BootstrapMetadata.fromVersions(version, features, "kafka-workbook");
    }

    /** Production behaviour, sized for one small machine and quick to react. */
    static Map<String, Object> brokerConfig(int brokers) {
        int internalReplicas = Math.min(3, brokers);
        Map<String, Object> config = new TreeMap<>();
        config.put("unstable.api.versions.enable", "false");
        config.put("unstable.feature.versions.enable", "false");
        // Classic groups would otherwise wait 3 s for more members before their first rebalance.
        config.put("group.initial.rebalance.delay.ms", "0");
        // Group members may detect a dead member within 2 s, as graders that crash one need (the production minimums,
        // 6 s for classic and 45 s for consumer groups, would hold every such check for ~45 s). Consumer groups also
        // hear of a new assignment every 0.5 s instead of 5 s. The session itself stays at its production default
        // (45 s) unless a client (classic) or the group's own config (consumer) asks for less: see kit.groups.
        config.put("group.min.session.timeout.ms", "500");
        config.put("group.consumer.min.session.timeout.ms", "1000");
        config.put("group.consumer.min.heartbeat.interval.ms", "100");
        config.put("group.consumer.heartbeat.interval.ms", "500");
        config.put("offsets.topic.replication.factor", String.valueOf(internalReplicas));
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", String.valueOf(internalReplicas));
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "5");
        config.put("share.coordinator.state.topic.replication.factor", String.valueOf(internalReplicas));
        config.put("share.coordinator.state.topic.min.isr", "1");
        // A restarted broker may register again only once its old session has expired: a 1.2 s session (six
        // heartbeats, so a stalled machine does not fence a live broker) brings it back in ~1.2 s instead of ~10 s.
        config.put("broker.heartbeat.interval.ms", "200");
        config.put("broker.session.timeout.ms", "1200");
        // A follower that stops fetching (seen once in ~50 runs of 1.6, after a leader restart) leaves the ISR after
        // 10 s instead of 30 s, so acks=all writes waiting on it finish within a 30 s delivery timeout.
        config.put("replica.lag.time.max.ms", "10000");
        config.put("num.io.threads", "4");
        config.put("num.network.threads", "2");
        config.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        return config;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.EMBEDDED;
    }

    @Override
    public String bootstrapServers() {
        return testKit.bootstrapServers();
    }

    @Override
    public int brokerCount() {
        return brokers;
    }

    @Override
    public Optional<BrokerControl> brokerControl() {
        return Optional.of(this);
    }

    @Override
    public Description description() {
        return new Description(BackendKind.EMBEDDED, AppInfoParser.getVersion(), brokers, Optional.of(startup));
    }

    /** Wall time from formatting the storage to every broker ready. */
    public Duration startupTime() {
        return startup;
    }

    @Override
    public Set<Integer> brokerIds() {
        return new TreeSet<>(testKit.brokers().keySet());
    }

    @Override
    public Set<Integer> runningBrokers() {
        Set<Integer> running = brokerIds();
        running.removeAll(stopped);
        return running;
    }

    /** Stops and starts run on kit threads: a broker's threads must not join the scope of the check that asked. */
    @Override
    public void stop(int brokerId) {
        BrokerServer broker = broker(brokerId);
        if (stopped.add(brokerId)) {
            KitThreads.run(() -> {
                broker.shutdown();
                broker.awaitShutdown();
            });
        }
    }

    @Override
    public void stop(java.util.Collection<Integer> brokerIds) {
        join(brokerIds.stream().map(id -> KitThreads.async(() -> stop(id))).toList());
    }

    @Override
    public void start(int brokerId) {
        BrokerServer broker = broker(brokerId);
        if (stopped.remove(brokerId)) {
            KitThreads.run(() -> {
                broker.startup();
                await("broker " + brokerId + " running again").atMost(BROKER_TRANSITION_TIMEOUT)
                        .pollInterval(Duration.ofMillis(50)).pollInSameThread()
                        .until(() -> broker.brokerState() == BrokerState.RUNNING);
            });
        }
    }

    /** Restarts every stopped broker at once (each takes a second or so to rejoin), after any restart under way. */
    @Override
    public void startAll() {
        awaitRestore();
        startStopped();
    }

    /**
     * Restarts every stopped broker on kit threads and returns at once: the next {@link #startAll} (every check's
     * first look at the cluster) waits for it. Between two gradings of the watch loop the restart is free.
     */
    @Override
    public synchronized void startAllInBackground() {
        restoring = restoring.handle((done, failed) -> null).thenCompose(previous -> KitThreads.async(this::startStopped));
    }

    private void awaitRestore() {
        CompletableFuture<Void> pending;
        synchronized (this) {
            pending = restoring;
            restoring = CompletableFuture.completedFuture(null);
        }
        try {
            pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private void startStopped() {
        join(new ArrayList<>(stopped).stream().map(id -> KitThreads.async(() -> start(id))).toList());
    }

    /** Waits for every broker operation, rethrowing the first failure as it was thrown. */
    private static void join(List<CompletableFuture<Void>> operations) {
        try {
            CompletableFuture.allOf(operations.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private BrokerServer broker(int brokerId) {
        BrokerServer broker = testKit.brokers().get(brokerId);
        if (broker == null) {
            throw new IllegalArgumentException("No broker " + brokerId + " in this cluster; brokers are " + brokerIds());
        }
        return broker;
    }

    @Override
    public void close() {
        try {
            restoring.get(BROKER_TRANSITION_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception restartFailedOrSlow) {
            // Closing anyway: the brokers' logs say why a restart failed.
        }
        closeQuietly(testKit);
    }

    private static void closeQuietly(KafkaClusterTestKit testKit) {
        if (testKit == null) {
            return;
        }
        try {
            testKit.close();
        } catch (Exception e) {
            // Stopping at the end of a run: nothing a learner can act on, and the logs have the details.
            org.slf4j.LoggerFactory.getLogger(EmbeddedKafkaCluster.class).warn("Closing the embedded cluster failed", e);
        }
    }
}
