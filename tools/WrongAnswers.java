import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tests of the graders: every case under solutions/<module>/wrong-answers/<case>/ is the reference solution with some
 * files replaced (a plausible wrong answer, or a correct one written differently), graded by the graders its expect.txt
 * names, hidden ones included. A wrong answer must fail with the feedback expect.txt quotes; an alternative must pass.
 *
 *   expect.txt:   graders: LagReportGrader            (the -Dtest of the run)
 *                 fails: The lag counts from the start  (one line per text some failed check's feedback must hold;
 *                                                        "A | B": either, for an answer whose data decide which rule breaks first)
 *                 passes                               (instead of fails: every check passes)
 *
 * Usage: java tools/WrongAnswers.java <module> [case-name-prefix]   (exit 1 when a case is not judged as expected)
 */
public class WrongAnswers {

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        String module = args.length > 0 ? args[0] : "module-04-operations";
        String only = args.length > 1 ? args[1] : "";
        Path cases = root.resolve("solutions").resolve(module).resolve("wrong-answers");
        List<Path> dirs;
        try (Stream<Path> list = Files.list(cases)) {
            dirs = list.filter(Files::isDirectory).filter(d -> d.getFileName().toString().startsWith(only)).sorted().toList();
        }
        int failures = 0;
        for (Path dir : dirs) {
            long began = System.nanoTime();
            String verdict = judge(root, module, dir);
            System.out.printf("%-52s %-5s %5.1f s%s%n", dir.getFileName(), verdict.isEmpty() ? "ok" : "BAD",
                    (System.nanoTime() - began) / 1e9, verdict.isEmpty() ? "" : "\n    " + verdict.replace("\n", "\n    "));
            failures += verdict.isEmpty() ? 0 : 1;
        }
        System.out.println(dirs.size() + " cases, " + failures + " not judged as expected.");
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Empty when the case is judged as expected; else what went otherwise. */
    private static String judge(Path root, String module, Path dir) throws Exception {
        List<String> expect = Files.readAllLines(dir.resolve("expect.txt"), StandardCharsets.UTF_8);
        String graders = value(expect, "graders:").orElseThrow();
        boolean passes = expect.stream().anyMatch(line -> line.trim().equals("passes"));
        List<String> fails = expect.stream().filter(l -> l.startsWith("fails:")).map(l -> l.substring(6).trim()).toList();

        Path sources = Files.createTempDirectory("wrong-answer-");
        copyTree(root.resolve("solutions").resolve(module).resolve("src/main/java"), sources);
        try (Stream<Path> overlay = Files.walk(dir)) {
            for (Path file : overlay.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = packageOf(Files.readString(file));
                Path target = sources.resolve(pkg.replace('.', '/')).resolve(file.getFileName());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Process mvn = new ProcessBuilder("mvn", "-o", "-q", "test", "-Pinstructor", "-pl", module, "-am",
                "-Dworkbook.skipKitTests=true", "-Dworkbook.lang=en", "-Dworkbook.sources=" + sources,
                "-Dtest=" + graders.replace(' ', ','))
                .directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(root.resolve(module).resolve("target/wrong-answer.log").toFile()).start();
        mvn.waitFor();
        Path results = root.resolve(module).resolve("target/grading/partial-results.json");
        if (!Files.exists(results)) {
            results = root.resolve(module).resolve("target/grading/results.json");
        }
        String json = Files.readString(results);
        List<String[]> tests = tests(json);
        if (tests.isEmpty()) {
            return "no check ran; see " + module + "/target/wrong-answer.log";
        }
        StringBuilder problems = new StringBuilder();
        for (String[] test : tests) {
            if (test[1].equals("error") || test[1].equals("not_started") || test[1].equals("not_compiled")) {
                problems.append("check '").append(test[0]).append("' ").append(test[1]).append(": ").append(test[2]).append('\n');
            }
        }
        if (passes) {
            tests.stream().filter(t -> !t[1].equals("passed")).forEach(t ->
                    problems.append("expected to pass: '").append(t[0]).append("' ").append(t[1]).append(": ").append(t[2]).append('\n'));
        } else {
            for (String text : fails) {
                List<String> anyOf = java.util.Arrays.stream(text.split("\\|")).map(String::trim).toList();
                boolean found = tests.stream().anyMatch(t -> !t[1].equals("passed") && anyOf.stream().anyMatch(t[2]::contains));
                if (!found) {
                    problems.append("no failed check says \"").append(text).append("\"; outcomes: ");
                    tests.forEach(t -> problems.append(t[1]).append(' '));
                    problems.append('\n');
                }
            }
        }
        return problems.toString().trim();
    }

    /** name, outcome and output of each test in a Gradescope results file (a small reader: the kit writes it so). */
    private static List<String[]> tests(String json) {
        List<String[]> tests = new ArrayList<>();
        Matcher test = Pattern.compile("\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\".*?\"output\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\".*?\"outcome\"\\s*:\\s*\"(\\w+)\"",
                Pattern.DOTALL).matcher(json);
        while (test.find()) {
            tests.add(new String[]{unescape(test.group(1)), test.group(3), unescape(test.group(2))});
        }
        return tests;
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static java.util.Optional<String> value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(key.length()).trim()).findFirst();
    }

    private static String packageOf(String source) {
        Matcher pkg = Pattern.compile("(?m)^package\\s+([\\w.]+);").matcher(source);
        return pkg.find() ? pkg.group(1) : "";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
