package dev.kafkaworkbook.cli;

import dev.kafkaworkbook.kit.cluster.EmbeddedKafkaCluster;
import dev.kafkaworkbook.kit.tools.GroupDescribeTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every tool of {@code ./workbook} once, as the statements use it, against an embedded cluster of three brokers that
 * the launcher finds as it finds {@code ./workbook cluster}; and {@code ./workbook cluster} itself, in a JVM of its own,
 * started, asked for its brokers and stopped as Ctrl-C stops it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbookCliTest {

    private static final String TOPIC = "orders";
    private static Path root;
    private static EmbeddedKafkaCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "cli-root-").toAbsolutePath();
        System.setProperty(Workbook.ROOT_PROPERTY, root.toString());
        cluster = EmbeddedKafkaCluster.start(3, LocalCluster.directory(root));
        new LocalCluster(cluster.bootstrapServers(), ProcessHandle.current().pid(), 3).write(root);
    }

    @AfterAll
    static void stopCluster() {
        LocalCluster.remove(root);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void kafkaTopicsCreatesATopicOnTheLocalClusterByItsScriptName() {
        Run run = workbook("", "kafka-topics.sh", "--create", "--topic", TOPIC, "--partitions", "3", "--replication-factor", "3");
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.out).contains("Created topic " + TOPIC);
    }

    @Test
    @Order(2)
    void kafkaConsoleProducerWritesTheLinesItReads() {
        Run run = workbook("order-1:created\norder-2:created\norder-1:paid\n", "kafka-console-producer",
                "--producer-property", "acks=all", "--topic", TOPIC, "--property", "parse.key=true", "--property", "key.separator=:");
        assertThat(run.status).as(run.toString()).isZero();
    }

    @Test
    @Order(3)
    void kafkaConsoleConsumerReadsThemBackInAGroup() {
        Run run = workbook("", "kafka-console-consumer", "--topic", TOPIC, "--from-beginning", "--max-messages", "3",
                "--group", "audit", "--property", "print.key=true");
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.out).contains("order-1\tcreated", "order-2\tcreated", "order-1\tpaid");
    }

    @Test
    @Order(4)
    void kafkaConsumerGroupsDescribesTheGroupWithoutABootstrapServer() {
        Run run = workbook("", "kafka-consumer-groups", "--describe", "--group", "audit");
        assertThat(run.status).as(run.toString()).isZero();
        List<GroupDescribeTable.Line> lines = GroupDescribeTable.parse(run.out);
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line.lag()).isEqualTo("0"));
        assertThat(lines.stream().mapToLong(line -> Long.parseLong(line.currentOffset())).sum()).isEqualTo(3);
    }

    @Test
    @Order(5)
    void kafkaConfigsAddsATopicSetting() {
        Run alter = workbook("", "kafka-configs", "--alter", "--entity-type", "topics", "--entity-name", TOPIC,
                "--add-config", "min.insync.replicas=2");
        assertThat(alter.status).as(alter.toString()).isZero();
        Run describe = workbook("", "kafka-configs", "--describe", "--entity-type", "topics", "--entity-name", TOPIC);
        assertThat(describe.out).contains("min.insync.replicas=2");
    }

    @Test
    @Order(6)
    void kafkaReassignPartitionsExecutesAPlanAndVerifiesIt() throws Exception {
        Path plan = root.resolve("plan.json");
        Files.writeString(plan, "{\"version\":1,\"partitions\":[{\"topic\":\"" + TOPIC + "\",\"partition\":0,\"replicas\":[2,1,0]}]}");
        Run execute = workbook("", "kafka-reassign-partitions", "--reassignment-json-file", plan.toString(), "--execute");
        assertThat(execute.status).as(execute.toString()).isZero();
        assertThat(execute.out).contains("Successfully started partition reassignment");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                workbook("", "kafka-reassign-partitions", "--reassignment-json-file", plan.toString(), "--verify").out)
                .contains("Reassignment of partition " + TOPIC + "-0 is completed"));
    }

    @Test
    @Order(7)
    void kafkaDeleteRecordsMovesALogStart() throws Exception {
        Path offsets = root.resolve("offsets.json");
        Run describe = workbook("", "kafka-consumer-groups", "--describe", "--group", "audit");
        GroupDescribeTable.Line busiest = GroupDescribeTable.parse(describe.out).stream()
                .max(java.util.Comparator.comparingLong(line -> Long.parseLong(line.logEndOffset()))).orElseThrow();
        Files.writeString(offsets, "{\"version\":1,\"partitions\":[{\"topic\":\"" + TOPIC + "\",\"partition\":"
                + busiest.partition() + ",\"offset\":1}]}");
        Run run = workbook("", "kafka-delete-records", "--offset-json-file", offsets.toString());
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.out).contains("low_watermark: 1");
    }

    @Test
    @Order(8)
    void kafkaProducerPerfTestMeasuresAProducer() {
        Run run = workbook("", "kafka-producer-perf-test", "--topic", TOPIC, "--num-records", "2000", "--record-size", "100",
                "--throughput", "-1", "--producer-props", "acks=all", "linger.ms=20");
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.out).contains("2000 records sent");
    }

    @Test
    @Order(9)
    void aToolSaysHowToStartAClusterWhenNoneRuns() throws Exception {
        Path elsewhere = Files.createTempDirectory(Path.of("target"), "cli-empty-").toAbsolutePath();
        System.setProperty(Workbook.ROOT_PROPERTY, elsewhere.toString());
        try {
            Run run = workbook("", "kafka-topics", "--list");
            assertThat(run.status).isEqualTo(1);
            assertThat(run.err).contains("./workbook cluster");
        } finally {
            System.setProperty(Workbook.ROOT_PROPERTY, root.toString());
        }
    }

    @Test
    @Order(10)
    void helpListsEveryCommand() {
        Run run = workbook("", "help");
        assertThat(run.status).isZero();
        assertThat(run.out).contains("cluster", "kafka-topics", "kafka-console-producer", "kafka-console-consumer",
                "kafka-consumer-groups", "kafka-configs", "kafka-reassign-partitions", "kafka-delete-records");
    }

    @Test
    @Order(11)
    void clusterStartsPrintsItsAddressTakesCommandsAndStopsOnASignal() throws Exception {
        Path own = Files.createTempDirectory(Path.of("target"), "cli-cluster-").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-D" + Workbook.ROOT_PROPERTY + "=" + own, "-cp", System.getProperty("java.class.path"),
                Workbook.class.getName(), "cluster", "--brokers", "2").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            readUntil(out, seen, "bootstrap servers:");
            assertThat(LocalCluster.running(own)).isPresent();
            Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            in.write("status\n");
            in.flush();
            readUntil(out, seen, "broker 1: ");
            process.toHandle().destroy();  // SIGTERM, as Ctrl-C: the same shutdown hooks (and the output stays readable)
            readUntil(out, seen, "Stopped.");
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            assertThat(Files.exists(LocalCluster.file(own))).isFalse();
        } finally {
            process.destroyForcibly();
        }
    }

    private static void readUntil(BufferedReader out, List<String> seen, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.add(line);
            if (line.contains(text)) {
                return;
            }
        }
        throw new AssertionError("\"" + text + "\" never printed; the cluster printed:\n" + String.join("\n", seen));
    }

    /** Runs {@code ./workbook args…} in this JVM, with {@code stdin} as its input, and keeps what it printed. */
    private static Run workbook(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            int status = Workbook.commandLine().execute(Workbook.withoutScriptSuffix(args));
            return new Run(status, printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    private record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }
}
