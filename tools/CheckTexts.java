import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The feedback texts, audited:
 * <ul>
 *   <li>every bundle exists in English and Spanish, with the same keys and no empty text;</li>
 *   <li>every visible grader has its three hints ({@code hint.1} to {@code hint.3}, for {@code ./workbook hint});</li>
 *   <li>every key a grader uses exists: its title, a line per check, and for each feedback key the grader passes
 *       to {@code Feedback} ({@code expect("acks", …)}, {@code call("publish.hang", …)}, {@code text("x.observed")})
 *       the texts it needs ({@code .title} and {@code .hint}, or the key itself for {@code text}), in the grader's
 *       bundle or, for the keys the kit words for everyone, in the kit's.</li>
 * </ul>
 * Usage: java tools/CheckTexts.java [root]   (exit 1 and one line per problem otherwise)
 */
public class CheckTexts {

    /** Feedback methods whose first argument is a key needing {@code key.title} and {@code key.hint}. */
    private static final Set<String> VERDICT_METHODS = Set.of("expect", "expectEqual", "expectInRange", "expectAtLeast",
            "expectSameElements", "expectExactlyOnce", "wrong", "call", "run", "attempt");
    /** The keys {@code expectExactlyOnce(tally, show)} may fail under (with a key first, it fails under that one). */
    private static final List<String> TALLY_KEYS = List.of("lost", "duplicated", "unexpected");
    private static final Path KIT_BUNDLE = Path.of("workbook-kit/src/main/resources/dev/kafkaworkbook/kit/grading/kit.properties");

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        int pairs = checkPairs(root, problems);
        int graders = checkUsedKeys(root, problems);
        problems.forEach(System.out::println);
        System.out.println("Feedback bundles checked: " + pairs + " pairs, keys used by " + graders + " graders, "
                + problems.size() + " problem(s).");
        System.exit(problems.isEmpty() && pairs > 0 ? 0 : 1);
    }

    private static int checkPairs(Path root, List<String> problems) throws IOException {
        List<Path> spanish = files(root, "_es.properties");
        for (Path es : spanish) {
            Path en = es.resolveSibling(es.getFileName().toString().replace("_es.properties", ".properties"));
            if (!Files.exists(en)) {
                problems.add(root.relativize(en) + ": missing (its Spanish twin exists)");
                continue;
            }
            Properties english = load(en);
            Properties castellano = load(es);
            Set<String> onlyEn = new TreeSet<>(english.stringPropertyNames());
            onlyEn.removeAll(castellano.stringPropertyNames());
            Set<String> onlyEs = new TreeSet<>(castellano.stringPropertyNames());
            onlyEs.removeAll(english.stringPropertyNames());
            onlyEn.forEach(key -> problems.add(root.relativize(es) + ": no Spanish text for '" + key + "'"));
            onlyEs.forEach(key -> problems.add(root.relativize(en) + ": no English text for '" + key + "'"));
            for (Map.Entry<Path, Properties> bundle : Map.of(en, english, es, castellano).entrySet()) {
                for (String key : bundle.getValue().stringPropertyNames()) {
                    if (bundle.getValue().getProperty(key).isBlank()) {
                        problems.add(root.relativize(bundle.getKey()) + ": empty text for '" + key + "'");
                    }
                }
            }
        }
        return spanish.size();
    }

    /** Parses every grader and checks the keys it uses against its bundle and the kit's. */
    private static int checkUsedKeys(Path root, List<String> problems) throws IOException {
        Properties kit = load(root.resolve(KIT_BUNDLE));
        List<Path> sources = files(root, ".java").stream()
                .filter(p -> p.toString().contains("/src/test/java/")).toList();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int graders = 0;
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, fileManager, d -> { }, List.of("-proc:none"), null,
                    fileManager.getJavaFileObjectsFromPaths(sources));
            for (CompilationUnitTree unit : task.parse()) {
                Path source = Path.of(unit.getSourceFile().toUri());
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree graderClass) {
                        graders += checkClass(root, source, unit, graderClass, "", kit, problems);
                    }
                }
            }
        }
        return graders;
    }

    private static int checkClass(Path root, Path source, CompilationUnitTree unit, ClassTree type, String outer,
                                  Properties kit, List<String> problems) throws IOException {
        String simpleName = outer + type.getSimpleName();
        int graders = 0;
        boolean grader = type.getModifiers().getAnnotations().stream()
                .anyMatch(a -> a.getAnnotationType().toString().endsWith("Grader"));
        if (grader) {
            graders++;
            String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString().replace('.', '/');
            Path resources = Path.of(source.toString().replace("/src/test/java/", "/src/test/resources/")).getParent();
            Path bundleFile = resources.resolve(simpleName + ".properties");
            if (!Files.exists(bundleFile)) {
                problems.add(root.relativize(source) + ": no texts " + pkg + "/" + simpleName + ".properties");
                return graders;
            }
            Properties bundle = load(bundleFile);
            Set<String> needed = new TreeSet<>(List.of("title"));
            boolean hidden = type.getModifiers().getAnnotations().stream().anyMatch(a -> a.toString().contains("hidden = true"));
            if (!hidden && !source.toString().contains("/workbook-kit/")) {
                // ./workbook hint: a graded sequence for every exercise a learner sees.
                needed.addAll(List.of("hint.1", "hint.2", "hint.3"));
            }
            for (Tree member : type.getMembers()) {
                if (member instanceof MethodTree method && method.getModifiers().getAnnotations().stream()
                        .anyMatch(a -> a.getAnnotationType().toString().endsWith("Check"))) {
                    needed.add(method.getName().toString());
                }
            }
            Set<String> borrowed = new TreeSet<>();
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree call, Void nothing) {
                    // feedback.with(Texts.of(OtherGrader.class)): a hidden grader speaking with its visible twin's texts.
                    if (call.getMethodSelect() instanceof MemberSelectTree select && select.getIdentifier().contentEquals("of")
                            && select.getExpression().toString().equals("Texts") && call.getArguments().size() == 1
                            && call.getArguments().get(0) instanceof MemberSelectTree classLiteral
                            && classLiteral.getIdentifier().contentEquals("class")) {
                        borrowed.add(classLiteral.getExpression().toString());
                    }
                    if (call.getMethodSelect() instanceof MemberSelectTree select && !call.getArguments().isEmpty()) {
                        String method = select.getIdentifier().toString();
                        if (VERDICT_METHODS.contains(method)) {
                            literals(call.getArguments().get(0)).forEach(key -> {
                                needed.add(key + ".title");
                                needed.add(key + ".hint");
                            });
                        } else if (method.equals("text")) {
                            needed.addAll(literals(call.getArguments().get(0)));
                        }
                    }
                    if (call.getMethodSelect() instanceof MemberSelectTree select
                            && select.getIdentifier().contentEquals("expectExactlyOnce")
                            && literals(call.getArguments().get(0)).isEmpty()) {
                        TALLY_KEYS.forEach(key -> {
                            needed.add(key + ".title");
                            needed.add(key + ".hint");
                        });
                    }
                    return super.visitMethodInvocation(call, nothing);
                }
            }.scan(type, null);
            for (String other : borrowed) {
                Path twin = resources.resolve(other + ".properties");
                Path visibleTwin = Path.of(twin.toString().replace(root.resolve("solutions") + "/", root + "/"));
                if (Files.exists(twin) || Files.exists(visibleTwin)) {
                    bundle.putAll(load(Files.exists(twin) ? twin : visibleTwin));
                } else {
                    problems.add(root.relativize(source) + ": borrows the texts of " + other + ", which has none");
                }
            }
            for (String key : needed) {
                if (!bundle.containsKey(key) && !kit.containsKey(key)) {
                    problems.add(root.relativize(bundleFile) + ": no text for '" + key + "', which " + simpleName + " uses");
                }
            }
        }
        for (Tree member : type.getMembers()) {
            if (member instanceof ClassTree nested) {
                graders += checkClass(root, source, unit, nested, simpleName + "$", kit, problems);
            }
        }
        return graders;
    }

    /** The string literals an argument can be: {@code "a"}, or {@code cond ? "a" : "b"}. */
    private static List<String> literals(ExpressionTree argument) {
        if (argument instanceof ParenthesizedTree parenthesized) {
            return literals(parenthesized.getExpression());
        }
        if (argument instanceof LiteralTree literal && literal.getValue() instanceof String text) {
            return List.of(text);
        }
        if (argument instanceof ConditionalExpressionTree conditional) {
            List<String> both = new ArrayList<>(literals(conditional.getTrueExpression()));
            both.addAll(literals(conditional.getFalseExpression()));
            return both;
        }
        return List.of();
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/")
                            && !p.toString().contains("/variants/"))
                    .sorted().collect(Collectors.toList());
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
