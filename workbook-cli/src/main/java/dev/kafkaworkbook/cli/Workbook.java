package dev.kafkaworkbook.cli;

import dev.kafkaworkbook.kit.grading.Language;
import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.tools.KafkaTool;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/**
 * {@code ./workbook}: the learner's single entry point beside {@code mvn test}. A local Kafka cluster, and the
 * lesson's Kafka tools by their names, with the cluster's address filled in:
 * <pre>
 * ./workbook cluster --brokers 3              # one terminal
 * ./workbook kafka-topics --create --topic orders --partitions 3 --replication-factor 3   # another
 * </pre>
 * Each learner command is a subcommand, so that later ones (watch, list, hint…) sit beside these.
 */
@Command(name = "workbook", subcommands = {ClusterCommand.class, WatchCommand.class, ListCommand.class, HintCommand.class,
        ResetCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class},
        mixinStandardHelpOptions = true, versionProvider = Workbook.Version.class)
public final class Workbook implements Runnable {

    /** The repository's root, as the {@code workbook} script passes it: where {@code target/} is. */
    static final String ROOT_PROPERTY = "workbook.root";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] given) {
        String[] args = withLanguage(given);
        if (args.length > 0 && args[0].equals(ClusterCommand.NAME)) {
            Logs.forCluster(root());
        } else {
            Logs.forTools(root());
        }
        System.exit(commandLine().execute(withoutScriptSuffix(args)));
    }

    /** {@code --lang es|en} before the command sets the language of everything that follows, as -Dworkbook.lang does. */
    static String[] withLanguage(String[] args) {
        if (args.length >= 2 && args[0].equals("--lang")) {
            System.setProperty(Language.PROPERTY, args[1]);
            return java.util.Arrays.copyOfRange(args, 2, args.length);
        }
        return args;
    }

    /** {@code kafka-topics.sh}, as the lesson writes it, is {@code kafka-topics}. */
    static String[] withoutScriptSuffix(String[] args) {
        String[] plain = args.clone();
        if (plain.length > 0) {
            KafkaTool.named(plain[0]).ifPresent(tool -> plain[0] = tool.command());
        }
        return plain;
    }

    /** The command line with every subcommand, its texts in the learner's language ({@code -Dworkbook.lang}). */
    static CommandLine commandLine() {
        Texts texts = texts();
        CommandLine commandLine = new CommandLine(new Workbook());
        for (KafkaTool tool : KafkaTool.values()) {
            commandLine.addSubcommand(tool.command(), ToolCommand.commandLine(tool, texts));
        }
        commandLine.addSubcommand("generate-completion", hidden(new AutoComplete.GenerateCompletion()));
        commandLine.setExpandAtFiles(false);
        commandLine.setUsageHelpWidth(100);
        // Option descriptions come from the bundle by their descriptionKey; command descriptions from describe().
        commandLine.setResourceBundle(java.util.ResourceBundle.getBundle(Workbook.class.getName(), Language.current(),
                Workbook.class.getClassLoader(),
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES)));
        describe(commandLine, texts);
        return commandLine;
    }

    private static CommandLine hidden(Object command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.getCommandSpec().usageMessage().hidden(true);
        return commandLine;
    }

    /** Descriptions from the texts bundle: {@code <command>.description} for each (sub)command. */
    private static void describe(CommandLine commandLine, Texts texts) {
        CommandLine.Model.CommandSpec spec = commandLine.getCommandSpec();
        texts.find(spec.name() + ".description").ifPresent(text -> {
            spec.usageMessage().description(text.split("\n"));
            if (spec.usageMessage().header().length > 0) {
                // picocli's own help command lists itself by its header.
                spec.usageMessage().header(text.split("\n")[0]);
            }
        });
        texts.find(spec.name() + ".footer").ifPresent(text -> spec.usageMessage().footer(text.split("\n")));
        commandLine.getSubcommands().values().stream().distinct().forEach(sub -> describe(sub, texts));
    }

    static Texts texts() {
        return Texts.of(Workbook.class, Language.current());
    }

    static Path root() {
        return Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code ./workbook --version}: the Kafka version the cluster and the tools are. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"Kafka Workbook, Apache Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()};
        }
    }
}
