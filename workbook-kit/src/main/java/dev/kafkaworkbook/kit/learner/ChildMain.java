package dev.kafkaworkbook.kit.learner;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The entry point of a {@link ChildJvm}: {@code ChildMain <work dir>}. Reads the program and its arguments from the
 * work directory, runs it, and leaves there what it threw, serialized, for the check to rethrow as its own.
 */
public final class ChildMain {

    static final String PROGRAM = "program";
    static final String ARGS_FILE = "args.properties";
    static final String REPORT_FILE = "report.txt";
    static final String THROWN_FILE = "thrown.ser";
    static final String SIGNALS = "signals";
    /** The status of a JVM that {@link ChildProgram.Context#crash} ended: 128 + SIGKILL, as a shell shows a kill -9. */
    static final int CRASHED = 137;
    static final int THREW = 3;

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Properties stored = new Properties();
        try (var in = Files.newInputStream(dir.resolve(ARGS_FILE))) {
            stored.load(in);
        }
        Map<String, String> arguments = new TreeMap<>();
        stored.stringPropertyNames().forEach(name -> arguments.put(name, stored.getProperty(name)));
        String programClass = arguments.remove(PROGRAM);
        try (OutputStream report = new FileOutputStream(dir.resolve(REPORT_FILE).toFile(), true)) {
            ChildProgram program = (ChildProgram) Class.forName(programClass).getConstructor().newInstance();
            program.run(new ChildContext(Map.copyOf(arguments), report, dir));
        } catch (Throwable thrown) {
            keep(thrown, dir.resolve(THROWN_FILE));
            Runtime.getRuntime().halt(THREW);
        }
        // Returning normally ends the JVM even if learner threads still run: the check wanted a result, not them.
        Runtime.getRuntime().halt(0);
    }

    private static void keep(Throwable thrown, Path file) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(thrown);
        } catch (IOException notSerializable) {
            RuntimeException copy = new RuntimeException(thrown.getClass().getName() + ": " + thrown.getMessage());
            copy.setStackTrace(thrown.getStackTrace());
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
                out.writeObject(copy);
            }
        }
    }

    private record ChildContext(Map<String, String> args, OutputStream out, Path dir) implements ChildProgram.Context {

        @Override
        public boolean awaitSignal(String name, java.time.Duration within) {
            try {
                org.awaitility.Awaitility.await().atMost(within).pollInterval(java.time.Duration.ofMillis(10))
                        .until(() -> Files.exists(dir.resolve(SIGNALS).resolve(name)));
                return true;
            } catch (org.awaitility.core.ConditionTimeoutException notYet) {
                return false;
            }
        }

        @Override
        public void report(String line) {
            byte[] bytes = (line.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                try {
                    out.write(bytes);  // one write(2) of a FileOutputStream: in the OS's hands before it returns
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void crash() {
            Runtime.getRuntime().halt(CRASHED);
        }
    }
}
