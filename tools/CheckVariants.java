import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Graders are tests of tests: this runs them on answers a learner could write. Each folder under
 * {@code solutions/<module>/variants/} holds one answer (its Java files, with their package lines) and a
 * {@code variant.properties}:
 * <pre>
 * about  = The deserializer throws SerializationException without the parser's error as cause.
 * grader = JsonSerializationGrader
 * fails  = aCorruptPayloadIsASerializationException      (checks that must not pass; empty for a correct answer)
 * </pre>
 * In a scratch copy of the workbook whose skeletons are the reference solutions, each variant's files replace the
 * solution's, the grader runs ({@code mvn test -Dtest=…}), and every check must end as declared: the ones in
 * {@code fails} not passed, all others passed.
 *
 * <p>Usage: {@code java tools/CheckVariants.java [module…]} from the workbook root (default: every module with
 * variants). Exit 1 and one line per surprise otherwise. Offline Maven: run a build first.
 */
public class CheckVariants {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** One test of a grade file this workbook wrote: its output, then (in extra_data) its check and outcome. */
    private static final Pattern TEST = Pattern.compile("\"output\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"[^{]*\\{[^}]*?"
            + "\"check\"\\s*:\\s*\"([^\"]*)\"\\s*,\\s*\"outcome\"\\s*:\\s*\"([^\"]*)\"");

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        List<String> modules = new ArrayList<>(List.of(args));
        if (modules.isEmpty()) {
            try (Stream<Path> dirs = Files.list(root.resolve("solutions"))) {
                dirs.filter(d -> Files.isDirectory(d.resolve("variants"))).map(d -> d.getFileName().toString())
                        .sorted().forEach(modules::add);
            }
        }
        Path scratch = Files.createTempDirectory("workbook-variants-");
        copyTree(root, scratch);
        int surprises = 0;
        int variants = 0;
        for (String module : modules) {
            Path learnerSources = scratch.resolve(module).resolve("src/main/java");
            copyTree(scratch.resolve("solutions").resolve(module).resolve("src/main/java"), learnerSources);
            List<Path> folders;
            try (Stream<Path> dirs = Files.list(root.resolve("solutions").resolve(module).resolve("variants"))) {
                folders = dirs.filter(Files::isDirectory).sorted().toList();
            }
            for (Path folder : folders) {
                variants++;
                long began = System.nanoTime();
                List<String> problems = run(scratch, module, learnerSources, folder);
                double seconds = (System.nanoTime() - began) / 1e9;
                String verdict = problems.isEmpty() ? "ok  " : "FAIL";
                System.out.printf("%s %s/%s (%.0f s)%n", verdict, module, folder.getFileName(), seconds);
                for (String problem : problems) {
                    System.out.println("       " + problem);
                }
                surprises += problems.isEmpty() ? 0 : 1;
            }
        }
        System.out.println("Variants checked: " + variants + ", " + surprises + " graded otherwise than declared.");
        System.exit(surprises == 0 && variants > 0 ? 0 : 1);
    }

    /** Overlays one variant, grades it, restores the reference, and returns what did not end as declared. */
    private static List<String> run(Path scratch, String module, Path learnerSources, Path folder) throws Exception {
        Properties variant = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve("variant.properties"), StandardCharsets.UTF_8)) {
            variant.load(in);
        }
        String grader = variant.getProperty("grader");
        Set<String> fails = new TreeSet<>(List.of(variant.getProperty("fails", "").trim().split("\\s+")));
        fails.remove("");
        Map<Path, byte[]> originals = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                Path target = learnerSources.resolve(pkg.find() ? pkg.group(1).replace('.', '/') : "")
                        .resolve(file.getFileName());
                originals.put(target, Files.exists(target) ? Files.readAllBytes(target) : null);
                Files.createDirectories(target.getParent());
                Files.writeString(target, source);
            }
        }
        try {
            Path log = scratch.resolve("variant-" + folder.getFileName() + ".log");
            Process mvn = new ProcessBuilder("mvn", "-o", "-q", "test", "-pl", module, "-am", "-Dtest=" + grader,
                    "-Dworkbook.lang=en", "-Dworkbook.skipKitTests=true")
                    .directory(scratch.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            mvn.waitFor();
            Path grades = scratch.resolve(module).resolve("target/grading/partial-results.json");
            if (!Files.exists(grades)) {
                grades = scratch.resolve(module).resolve("target/grading/results.json");
            }
            if (!Files.exists(grades)) {
                return List.of("no grade file; see " + log);
            }
            Map<String, String> outcomes = new LinkedHashMap<>();
            Matcher test = TEST.matcher(Files.readString(grades));
            while (test.find()) {
                outcomes.put(test.group(2), test.group(3));
                if (fails.contains(test.group(2))) {
                    String firstLine = test.group(1).split("\\\\n")[0];
                    System.out.println("       " + test.group(2) + ": " + firstLine);
                }
            }
            List<String> problems = new ArrayList<>();
            for (String failing : fails) {
                if (!outcomes.containsKey(failing)) {
                    problems.add(failing + ": no such check was graded (" + outcomes.keySet() + ")");
                }
            }
            outcomes.forEach((check, outcome) -> {
                boolean shouldFail = fails.contains(check);
                if (shouldFail && outcome.equals("passed")) {
                    problems.add(check + " passed, but this answer is wrong: " + variant.getProperty("about"));
                } else if (!shouldFail && !outcome.equals("passed")) {
                    problems.add(check + " ended " + outcome + ", but should pass; see " + log);
                }
            });
            return problems;
        } finally {
            for (Map.Entry<Path, byte[]> original : originals.entrySet()) {
                if (original.getValue() == null) {
                    Files.deleteIfExists(original.getKey());
                } else {
                    Files.write(original.getKey(), original.getValue());
                }
            }
        }
    }

    /** Copies a tree, leaving out build output and version control. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path relative = from.relativize(path);
                boolean skipped = false;
                for (Path part : relative) {
                    skipped |= part.toString().equals("target") || part.toString().equals(".git");
                }
                if (skipped) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
