package dev.kafkaworkbook.kit.tools;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Kafka's tools run in this JVM: their exit ends the run with its status, not the JVM; what they print is the run's. */
class ToolRunnerTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void anExitWithZeroEndsTheRunAndPrintsWhatTheToolPrinted() {
        ToolRunner.Captured version = ToolRunner.capture(KafkaTool.TOPICS, List.of("--version"), BOUND);
        assertThat(version.exitStatus()).isZero();
        assertThat(version.out().trim()).isEqualTo(AppInfoParser.getVersion());
    }

    @Test
    void aRefusedCommandLineEndsTheRunWithItsStatusAndTheToolsOwnWords() {
        ToolRunner.Captured bogus = ToolRunner.capture(KafkaTool.TOPICS, List.of("--bogus"), BOUND);
        assertThat(bogus.exitStatus()).isEqualTo(1);
        assertThat(bogus.err()).contains("bogus is not a recognized option");
        ToolRunner.Captured configs = ToolRunner.capture(KafkaTool.CONFIGS, List.of("--alter", "--entity-type", "nonsense",
                "--bootstrap-server", "localhost:1"), BOUND);
        assertThat(configs.exitStatus()).isEqualTo(1);
        // The tool exited where it reported the error: nothing it would have done afterwards shows.
        assertThat(configs.err()).contains("Invalid entity type nonsense").doesNotContain("Error while executing config command");
    }

    @Test
    void theBootstrapServerIsAddedOnlyWhereNoClusterIsNamed() {
        assertThat(KafkaTool.CONSUMER_GROUPS.withBootstrap(List.of("--describe", "--group", "g"), "localhost:9"))
                .containsExactly("--describe", "--group", "g", "--bootstrap-server", "localhost:9");
        assertThat(KafkaTool.TOPICS.withBootstrap(List.of("--list", "--bootstrap-server", "elsewhere:9092"), "localhost:9"))
                .containsExactly("--list", "--bootstrap-server", "elsewhere:9092");
        assertThat(KafkaTool.PRODUCER_PERF_TEST.withBootstrap(List.of("--producer-props", "bootstrap.servers=b:1"), "localhost:9"))
                .doesNotContain("--bootstrap-server");
        assertThat(KafkaTool.TOPICS.withBootstrap(List.of("--help"), "localhost:9")).containsExactly("--help");
    }

    @Test
    void scriptNamesWithOrWithoutTheirSuffixNameTheTool() {
        assertThat(KafkaTool.named("kafka-topics.sh")).contains(KafkaTool.TOPICS);
        assertThat(KafkaTool.named("kafka-consumer-groups")).contains(KafkaTool.CONSUMER_GROUPS);
        assertThat(KafkaTool.named("kafka-streams-application-reset")).isEmpty();
    }

    @Test
    void theDescribeTableIsReadLineByLine() {
        String printed = """

                GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID            HOST            CLIENT-ID
                g               ta              0          5               25              20              0yek4tg7S6SUmfr5hrYVkg /127.0.0.1      consumer-g-1
                g               tb              1          -               50              -               -                      -               -
                """;
        assertThat(GroupDescribeTable.parse(printed)).containsExactly(
                new GroupDescribeTable.Line("g", "ta", 0, "5", "25", "20", "0yek4tg7S6SUmfr5hrYVkg", "/127.0.0.1", "consumer-g-1"),
                new GroupDescribeTable.Line("g", "tb", 1, "-", "50", "-", "-", "-", "-"));
    }
}
