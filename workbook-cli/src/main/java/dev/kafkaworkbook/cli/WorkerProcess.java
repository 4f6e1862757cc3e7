package dev.kafkaworkbook.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkaworkbook.kit.grading.Language;
import dev.kafkaworkbook.kit.session.GradingWorker;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The grading worker of the watch loop: a JVM of its own ({@link GradingWorker}), kept warm between saves, its
 * output shown as it comes. If the learner's code leaves it unusable (a thread that cannot be stopped) or it dies,
 * the loop starts another.
 */
final class WorkerProcess implements AutoCloseable {

    /** How one grading ended: the worker's verdict line, or nothing when the worker died. */
    record Result(String exercise, int points, int max, boolean passed, boolean compiled, boolean poisoned, double seconds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final PrintStream console;

    private WorkerProcess(Process process, PrintStream console) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.console = console;
    }

    /** Starts a worker and waits until its cluster is up. */
    static WorkerProcess start(Path root, List<String> classpath, PrintStream console) throws IOException {
        Path classpathFile = root.resolve("target").resolve("watch").resolve("worker-classpath.txt");
        Files.createDirectories(classpathFile.getParent());
        // An @argfile keeps a long class path off the command line (Windows limits it).
        Files.writeString(classpathFile, "-cp \"" + String.join(File.pathSeparator, classpath).replace("\\", "\\\\") + "\"");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xss1m", "-Xmx1g", "-Dfile.encoding=UTF-8", "-Djdk.attach.allowAttachSelf=true",
                "-XX:+EnableDynamicAgentLoading", "-Dworkbook.lang=" + Language.current().getLanguage(),
                "-Dlog4j2.configurationFile=log4j2-test.xml", "@" + classpathFile));
        System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("workbook.") && !key.equals("workbook.lang") && !key.equals("workbook.root"))
                .forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
        command.add(GradingWorker.class.getName());
        command.add(root.toString());
        Process process = new ProcessBuilder(command).directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("target/watch/worker.log").toFile())).start();
        WorkerProcess worker = new WorkerProcess(process, console);
        for (String line = worker.out.readLine(); ; line = worker.out.readLine()) {
            if (line == null) {
                throw new IOException("The grading worker stopped before it was ready; see target/watch/worker.log");
            }
            if (line.equals(GradingWorker.READY)) {
                return worker;
            }
            console.println(line);
        }
    }

    /** Grades one exercise, showing the card as the worker prints it. Empty when the worker died meanwhile. */
    Optional<Result> grade(String module, String exercise) throws IOException {
        try {
            in.write("grade " + module + " " + exercise + "\n");
            in.flush();
        } catch (IOException gone) {
            return Optional.empty();
        }
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(GradingWorker.RESULT)) {
                JsonNode json = JSON.readTree(line.substring(GradingWorker.RESULT.length()));
                return Optional.of(new Result(json.path("exercise").asText(), json.path("points").asInt(),
                        json.path("max").asInt(), json.path("passed").asBoolean(), json.path("compiled").asBoolean(),
                        json.path("poisoned").asBoolean(), json.path("seconds").asDouble()));
            }
            console.println(line);
        }
        return Optional.empty();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException alreadyGone) {
            // Stopped below.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
