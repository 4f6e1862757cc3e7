import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tests the graders: grades each variant answer (a wrong one that must fail, a correct one written differently that
 * must pass) in place of the reference solution, and compares every check's outcome with what the variant's header
 * says. Usage: java solutions/tools/GradeVariants.java <module> [regex on the path]. Each variant's scorecard, as a learner would read it,
 * is kept in <module>/target/variants/<variant>.txt.
 * <pre>
 * // variant 2.2 LogProcessingLoop: commits the batch's end before processing it
 * // grader: PollLoopGrader
 * // expect: commitsAfterProcessingWhatWasProcessed=fail, processesEveryRecordOnce=pass
 * </pre>
 * {@code any} accepts either outcome, for a check whose verdict on that variant depends on timing.
 * Variants live in solutions/<module>/variants/, one file per variant, named Whatever.java; the class inside has the
 * skeleton's name. Prints one line per variant and exits 1 if any outcome differs.
 */
public class GradeVariants {

    private static final Pattern HEADER = Pattern.compile("^// (variant|grader|expect): (.*)$", Pattern.MULTILINE);
    private static final Pattern CLASS = Pattern.compile("public (?:final )?class (\\w+)");

    public static void main(String[] args) throws Exception {
        String module = args[0];
        String filter = args.length > 1 ? args[1] : "";
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path variants = root.resolve("solutions").resolve(module).resolve("variants");
        Path solutions = root.resolve("solutions").resolve(module).resolve("src/main/java");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(variants)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && p.toString().matches(".*" + filter + ".*")).sorted().toList();
        }
        int differ = 0;
        for (Path file : files) {
            String source = Files.readString(file);
            Map<String, String> header = new LinkedHashMap<>();
            Matcher m = HEADER.matcher(source);
            while (m.find()) {
                header.put(m.group(1), m.group(2).trim());
            }
            Matcher type = CLASS.matcher(source);
            if (!type.find() || !header.containsKey("grader") || !header.containsKey("expect")) {
                System.out.println("?    " + file + ": no class, grader or expect line");
                differ++;
                continue;
            }
            Path work = Files.createTempDirectory("variant-");
            copyTree(solutions, work);
            Path target;
            try (Stream<Path> walk = Files.walk(work)) {
                target = walk.filter(p -> p.getFileName().toString().equals(type.group(1) + ".java")).findFirst().orElseThrow();
            }
            Files.writeString(target, source);
            Path report = root.resolve(module).resolve("target/surefire-reports")
                    .resolve("TEST-" + packageOf(source) + "." + header.get("grader") + ".xml");
            Files.deleteIfExists(report);
            Files.createDirectories(root.resolve(module).resolve("target"));
            Process mvn = new ProcessBuilder("mvn", "-o", "-q", "test", "-Psolutions", "-pl", module, "-am",
                    "-Dworkbook.skipKitTests=true", "-Dworkbook.lang=en", "-Dworkbook.sources=" + work,
                    "-Dtest=" + header.get("grader")).redirectErrorStream(true)
                    .redirectOutput(root.resolve(module).resolve("target/variant.log").toFile()).start();
            mvn.waitFor();
            Map<String, String> outcomes = outcomes(report);
            // What the learner would read, kept for review: target/variants/<variant>.txt
            Path card = root.resolve(module).resolve("target/grading/scorecard.txt");
            Path kept = root.resolve(module).resolve("target/variants").resolve(file.getFileName().toString().replace(".java", ".txt"));
            Files.createDirectories(kept.getParent());
            if (Files.exists(card)) {
                Files.copy(card, kept, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> wrong = new ArrayList<>();
            for (String expectation : header.get("expect").split(",\\s*")) {
                String[] parts = expectation.split("=");
                String got = outcomes.getOrDefault(parts[0], "missing");
                if (!got.equals(parts[1]) && !(parts[1].equals("any") && !got.equals("missing"))) {
                    wrong.add(parts[0] + " " + got + " (expected " + parts[1] + ")");
                }
            }
            // A wrong answer must fail as wrong (or crashed, or not started), never as the grader's own error.
            if (Files.exists(kept) && Files.readString(kept).contains("   ERR. ")) {
                wrong.add("a check ended in a grader error (ERR.), see " + root.relativize(kept));
            }
            differ += wrong.isEmpty() ? 0 : 1;
            System.out.println((wrong.isEmpty() ? "ok   " : "DIFF ") + root.relativize(file) + ": "
                    + header.getOrDefault("variant", "") + (wrong.isEmpty() ? "" : " -> " + wrong));
        }
        System.out.println(files.size() + " variant(s), " + differ + " with unexpected outcomes.");
        System.exit(differ == 0 ? 0 : 1);
    }

    private static String packageOf(String source) {
        Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(source);
        return m.find() ? m.group(1) : "";
    }

    /** Per check method: pass, fail (wrong, crashed or not started) from a Surefire report. */
    private static Map<String, String> outcomes(Path report) throws IOException {
        Map<String, String> outcomes = new LinkedHashMap<>();
        if (!Files.exists(report)) {
            return outcomes;
        }
        String xml = Files.readString(report);
        Matcher m = Pattern.compile("<testcase name=\"(\\w+)\\(.*?(/>|</testcase>)", Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            String body = m.group(0);
            outcomes.put(m.group(1), body.contains("<failure") || body.contains("<error") ? "fail" : "pass");
        }
        return outcomes;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path dest = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
