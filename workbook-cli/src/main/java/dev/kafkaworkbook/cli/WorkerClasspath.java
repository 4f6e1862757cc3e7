package dev.kafkaworkbook.cli;

import dev.kafkaworkbook.kit.session.Course;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the grading worker runs on: the union of the exercise modules' test class paths (the kit, Kafka, JUnit, the
 * modules' libraries), which each module's build writes to {@code target/workbook-classpath.txt}. Written by Maven
 * once, and again when a pom changes; the learner's own classes are never on it (the worker compiles them).
 */
final class WorkerClasspath {

    static final String FILE = "workbook-classpath.txt";

    private WorkerClasspath() {
    }

    static List<String> of(Path root, PrintStream out, String preparing) throws IOException, InterruptedException {
        List<String> modules = Course.modules(root);
        if (!upToDate(root, modules)) {
            out.println(preparing);
            List<String> command = new ArrayList<>(List.of(Maven.executable(), "-B", "-q", "process-test-resources",
                    "-Dworkbook.skipKitTests=true", "-pl", String.join(",", modules), "-am"));
            Path log = root.resolve("target").resolve("workbook-build.log");
            Files.createDirectories(log.getParent());
            int status = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start().waitFor();
            if (status != 0 || !upToDate(root, modules)) {
                out.println(Files.readString(log));
                throw new IllegalStateException("mvn process-test-resources failed; its log: " + log);
            }
        }
        Set<String> entries = new LinkedHashSet<>();
        for (String module : modules) {
            String text = Files.readString(root.resolve(module).resolve("target").resolve(FILE), StandardCharsets.UTF_8).trim();
            for (String entry : text.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        return List.copyOf(entries);
    }

    /** Every module's class path file exists, is newer than every pom, and names only files that still exist. */
    private static boolean upToDate(Path root, List<String> modules) throws IOException {
        List<Path> poms = new ArrayList<>(List.of(root.resolve("pom.xml"), root.resolve("exercise-parent/pom.xml"),
                root.resolve("workbook-kit/pom.xml")));
        modules.forEach(module -> poms.add(root.resolve(module).resolve("pom.xml")));
        long newestPom = 0;
        for (Path pom : poms) {
            if (Files.exists(pom)) {
                newestPom = Math.max(newestPom, Files.getLastModifiedTime(pom).toMillis());
            }
        }
        for (String module : modules) {
            Path file = root.resolve(module).resolve("target").resolve(FILE);
            if (!Files.exists(file) || Files.getLastModifiedTime(file).toMillis() < newestPom) {
                return false;
            }
            for (String entry : Files.readString(file).trim().split(File.pathSeparator)) {
                if (!entry.isBlank() && !Files.exists(Path.of(entry))) {
                    return false;
                }
            }
        }
        // The kit's classes are on the path as a folder: they must have been compiled.
        try (Stream<Path> kit = Files.walk(root.resolve("workbook-kit/target/classes"))) {
            return kit.anyMatch(p -> p.toString().endsWith("GradingWorker.class"));
        } catch (IOException missing) {
            return false;
        }
    }
}
