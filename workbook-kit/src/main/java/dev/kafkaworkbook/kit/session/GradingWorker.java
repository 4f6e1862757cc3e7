package dev.kafkaworkbook.kit.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkaworkbook.kit.grading.GradingRun;
import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.report.Progress;
import dev.kafkaworkbook.kit.report.Scorecard;
import dev.kafkaworkbook.kit.sandbox.KitThreads;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The warm grading process of the watch loop: a {@link GradingSession} driven by lines on standard input, so that
 * the loop around it (file watcher, keys, screen) lives in another process and can start a fresh worker when the
 * learner's code leaves this one unusable.
 *
 * <pre>
 * grade module-01-producer 1.3     prints the exercise's card, then one line: @@result {json}
 * quit                             stops the clusters and exits
 * </pre>
 * On start it prints {@code @@ready} once the single-broker cluster is up. Arguments: {@code <workbook root>}.
 * The JVM's class path is what the learner's code and the graders compile against.
 */
public final class GradingWorker {

    public static final String READY = "@@ready";
    public static final String RESULT = "@@result ";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GradingWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (GradingSession session = new GradingSession(root, GradingSession.ownClasspath(), "17")) {
            warmUp(session);
            out.println(READY);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.trim().split("\\s+");
                if (words[0].equals("quit")) {
                    break;
                }
                if (words[0].equals("grade") && words.length == 3) {
                    grade(session, root, words[1], words[2], out);
                } else if (!line.isBlank()) {
                    out.println(RESULT + "{\"error\": \"unknown command: " + line.replace("\"", "'") + "\"}");
                }
            }
        }
        System.exit(0);
    }

    /** Starts the single-broker cluster before the first save, so that the first verdict comes as fast as the next. */
    private static void warmUp(GradingSession session) {
        KitThreads.run(() -> {
            try {
                dev.kafkaworkbook.kit.cluster.Backends.pinned().orElseThrow().withBrokers(1);
            } catch (RuntimeException e) {
                // Said by the first check that needs it, in the learner's language.
            }
        });
    }

    private static void grade(GradingSession session, Path root, String module, String exercise, PrintStream out) {
        long began = System.nanoTime();
        GradingSession.Result result = session.grade(module, exercise);
        double seconds = (System.nanoTime() - began) / 1e9;
        Texts kit = Texts.kit();
        result.compileError().ifPresent(out::println);
        List<String> context = List.of(kit.get("seed", GradingRun.current().validSeed().orElse(0L),
                String.format(Locale.ROOT, "%.1f", seconds)));
        out.println(new Scorecard(kit).module(kit.get("heading", result.exerciseTitle()), context, result.results()));
        Progress.load(root).record(result.results());
        ObjectNode json = JSON.createObjectNode();
        json.put("module", module);
        json.put("exercise", exercise);
        json.put("points", result.points());
        json.put("max", result.maxPoints());
        json.put("passed", result.passed());
        json.put("compiled", result.compileError().isEmpty());
        json.put("poisoned", result.poisoned());
        json.put("seconds", Math.round(seconds * 100) / 100.0);
        out.println(RESULT + json);
    }
}
