package dev.kafkaworkbook.cli;

import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.tools.KafkaTool;
import dev.kafkaworkbook.kit.tools.ToolRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ./workbook kafka-topics …} and the other tools of the lesson: Kafka's own tool, run in this process with the
 * arguments as given, plus {@code --bootstrap-server} of the local cluster where they name none. Every argument,
 * {@code --help} included, belongs to the tool.
 */
@Command
final class ToolCommand implements Callable<Integer> {

    private final KafkaTool tool;
    private final Texts texts;

    @Parameters(arity = "0..*", paramLabel = "ARGS", descriptionKey = "tool.args")
    List<String> args = new ArrayList<>();

    private ToolCommand(KafkaTool tool, Texts texts) {
        this.tool = tool;
        this.texts = texts;
    }

    static CommandLine commandLine(KafkaTool tool, Texts texts) {
        CommandLine commandLine = new CommandLine(new ToolCommand(tool, texts));
        commandLine.setUnmatchedOptionsArePositionalParams(true);
        commandLine.setExpandAtFiles(false);
        commandLine.setEndOfOptionsDelimiter("\u0000");
        String description = texts.get("tool.description", tool.command(), texts.get(tool.command() + ".does"));
        commandLine.getCommandSpec().usageMessage().description(description);
        return commandLine;
    }

    @Override
    public Integer call() {
        List<String> given = List.copyOf(args);
        List<String> completed = given;
        if (tool.withBootstrap(given, "").size() != given.size()) {
            Optional<LocalCluster> local = LocalCluster.running(Workbook.root());
            if (local.isEmpty()) {
                System.err.println(texts.get("tool.noCluster", tool.command()));
                return 1;
            }
            completed = tool.withBootstrap(given, local.get().bootstrapServers());
        }
        return ToolRunner.run(tool, completed, System.in, System.out, System.err, Optional.empty()).exitStatus();
    }
}
