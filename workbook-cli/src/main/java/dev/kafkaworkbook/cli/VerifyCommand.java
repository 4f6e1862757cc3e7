package dev.kafkaworkbook.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./workbook verify [maven arguments]}: the same grading as {@code mvn test} (it runs it), for those who prefer
 * one entry point. Its exit status is Maven's: 0 only when every check passed.
 */
@Command(name = "verify", mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "MAVEN-ARGS", descriptionKey = "verify.args")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> command = new ArrayList<>(List.of(Maven.executable(), "test"));
        String lang = System.getProperty("workbook.lang");
        if (lang != null) {
            command.add("-Dworkbook.lang=" + lang);
        }
        command.addAll(args);
        return new ProcessBuilder(command).directory(Workbook.root().toFile()).inheritIO().start().waitFor();
    }
}
