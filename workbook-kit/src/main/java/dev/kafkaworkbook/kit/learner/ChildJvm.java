package dev.kafkaworkbook.kit.learner;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Learner code in a JVM of its own, so that it can die for real: the one crash of a group member that every
 * group protocol sees as a crash.
 *
 * <p>Measured on Kafka 4.3.1: a consumer that is merely abandoned (no more polls, never closed) is no crash, its
 * heartbeat thread keeps it in the group for 8 s and more; {@code close(REMAIN_IN_GROUP)} behaves as a crash only
 * under the classic protocol, since under {@code group.protocol=consumer} a dynamic member leaves at once. A JVM that
 * ends without running another line of Java, by {@code kill -9} from outside ({@link #kill()},
 * {@link Process#destroyForcibly}) or {@link Runtime#halt} from inside ({@link ChildProgram.Context#crash}), sends
 * nothing: no commit, no LeaveGroup; its sockets are closed by the operating system, and the coordinator notices only
 * when the member's session expires (about 2 s with the kit's group settings, under either protocol).
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.start(CrashingInstance.class, Map.of("topic", topic, "group", group))) {
 *     child.awaitExit(Duration.ofSeconds(30));     // the program crashes itself mid-batch
 *     List<String> lines = child.reports();          // what it reported before dying
 * }
 * }</pre>
 * The child runs with this JVM's class path (the learner's classes, the graders, the kit), its own log file, and a
 * small heap. Whatever it leaves is under {@code target/workbook-children/}.
 */
public final class ChildJvm implements AutoCloseable {

    private static final Path ROOT = Path.of("target", "workbook-children");
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final Process process;
    private final Path dir;

    private ChildJvm(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** Starts {@code program} in a new JVM with {@code args}; returns at once, while the child starts. */
    public static ChildJvm start(Class<? extends ChildProgram> program, Map<String, String> args) {
        try {
            Files.createDirectories(ROOT);
            Path dir = Files.createTempDirectory(ROOT, program.getSimpleName() + "-");
            Properties stored = new Properties();
            stored.putAll(args);
            stored.setProperty(ChildMain.PROGRAM, program.getName());
            try (var out = Files.newOutputStream(dir.resolve(ChildMain.ARGS_FILE))) {
                stored.store(out, "ChildJvm arguments");
            }
            Path log = dir.resolve("log4j2.xml");
            Files.writeString(log, logConfig(dir.resolve("kafka.log")));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java,
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xss1m", "-Dfile.encoding=UTF-8",
                    "-Dlog4j2.configurationFile=" + log.toAbsolutePath(),
                    "-cp", classpathOf(program),
                    ChildMain.class.getName(), dir.toAbsolutePath().toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("output.txt").toFile()).start();
            return new ChildJvm(process, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a child JVM", e);
        }
    }

    /**
     * The class path the child needs to run {@code program}: this JVM's, and before it the folders of the class
     * loaders that loaded the program or the check (a grading session loads the learner's classes and the graders
     * itself: a kit program may still need the learner's deserializer).
     */
    static String classpathOf(Class<?> program) {
        java.util.Set<String> entries = new java.util.LinkedHashSet<>();
        for (ClassLoader first : java.util.Arrays.asList(program.getClassLoader(), Thread.currentThread().getContextClassLoader())) {
            for (ClassLoader loader = first; loader != null; loader = loader.getParent()) {
                if (loader instanceof java.net.URLClassLoader urls) {
                    for (java.net.URL url : urls.getURLs()) {
                        try {
                            entries.add(Path.of(url.toURI()).toString());
                        } catch (java.net.URISyntaxException | IllegalArgumentException notAFile) {
                            // Only files and folders go on a class path.
                        }
                    }
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Tells the child {@code name}: what {@link ChildProgram.Context#awaitSignal} waits for. */
    public void signal(String name) {
        try {
            Files.createDirectories(dir.resolve(ChildMain.SIGNALS));
            Files.writeString(dir.resolve(ChildMain.SIGNALS).resolve(name), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the child as {@code kill -9} does (SIGKILL), and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the child to end on its own; true if it did within {@code within}. */
    public boolean awaitExit(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether it ended by {@link ChildProgram.Context#crash} (or was killed). */
    public boolean crashed() {
        return !process.isAlive() && process.exitValue() == ChildMain.CRASHED;
    }

    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** The lines the child reported so far, in order; a line cut short by the crash is left out. */
    public List<String> reports() {
        try {
            Path file = dir.resolve(ChildMain.REPORT_FILE);
            if (!Files.exists(file)) {
                return List.of();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the reports satisfy {@code condition} or the child ends, for at most {@code within}; returns the
     * reports then.
     */
    public List<String> awaitReports(Predicate<List<String>> condition, Duration within) {
        try {
            Awaitility.await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(() -> condition.test(reports()) || !process.isAlive());
        } catch (ConditionTimeoutException notYet) {
            // The check judges the reports it has.
        }
        return reports();
    }

    /** What the program threw in the child, as it threw it (the learner's frames included), if it threw. */
    public Optional<Throwable> thrown() {
        Path file = dir.resolve(ChildMain.THROWN_FILE);
        if (process.isAlive() || !Files.exists(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file); ObjectInputStream objects = new ObjectInputStream(in)) {
            return Optional.of((Throwable) objects.readObject());
        } catch (IOException | ClassNotFoundException unreadable) {
            return Optional.of(new IllegalStateException("The child JVM threw, and what it threw cannot be read: " + unreadable));
        }
    }

    /** Rethrows in this JVM what the program threw in the child: a TODO there is "not started" here. */
    public void rethrowIfThrew() {
        Optional<Throwable> thrown = thrown();
        if (thrown.isPresent()) {
            throw LearnerLoops.<RuntimeException>sneaky(thrown.get());
        }
    }

    /** The first lines the child printed (the learner's prints, a JVM error). */
    public String output(int maxLines) {
        try {
            Path file = dir.resolve("output.txt");
            return Files.exists(file) ? String.join("\n", Files.readAllLines(file).stream().limit(maxLines).toList()) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills the child if it still runs: nothing a check starts outlives it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String logConfig(Path file) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN">
                  <Appenders>
                    <File name="file" fileName="%s" append="false" bufferedIO="true">
                      <PatternLayout pattern="%%d{HH:mm:ss.SSS} %%-5level [%%t] %%c{1.}: %%msg%%n"/>
                    </File>
                  </Appenders>
                  <Loggers>
                    <Logger name="org.apache.kafka" level="WARN"/>
                    <Root level="INFO"><AppenderRef ref="file"/></Root>
                  </Loggers>
                </Configuration>
                """.formatted(file.toAbsolutePath());
    }
}
