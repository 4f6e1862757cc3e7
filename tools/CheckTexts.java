import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every feedback bundle must exist in English and Spanish with the same keys and no empty text.
 * Usage: java tools/CheckTexts.java [root]   (exit 1 and one line per problem otherwise)
 */
public class CheckTexts {
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<Path> spanish;
        try (Stream<Path> files = Files.walk(root)) {
            spanish = files.filter(p -> p.toString().endsWith("_es.properties"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .sorted().collect(Collectors.toList());
        }
        int problems = 0;
        for (Path es : spanish) {
            Path en = es.resolveSibling(es.getFileName().toString().replace("_es.properties", ".properties"));
            if (!Files.exists(en)) {
                System.out.println(root.relativize(en) + ": missing (its Spanish twin exists)");
                problems++;
                continue;
            }
            Properties english = load(en);
            Properties castellano = load(es);
            Set<String> onlyEn = new TreeSet<>(english.stringPropertyNames());
            onlyEn.removeAll(castellano.stringPropertyNames());
            Set<String> onlyEs = new TreeSet<>(castellano.stringPropertyNames());
            onlyEs.removeAll(english.stringPropertyNames());
            for (String key : onlyEn) {
                System.out.println(root.relativize(es) + ": no Spanish text for '" + key + "'");
                problems++;
            }
            for (String key : onlyEs) {
                System.out.println(root.relativize(en) + ": no English text for '" + key + "'");
                problems++;
            }
            for (Properties bundle : List.of(english, castellano)) {
                for (String key : bundle.stringPropertyNames()) {
                    if (bundle.getProperty(key).isBlank()) {
                        System.out.println((bundle == english ? en : es) + ": empty text for '" + key + "'");
                        problems++;
                    }
                }
            }
        }
        System.out.println("Feedback bundles checked: " + spanish.size() + " pairs, " + problems + " problem(s).");
        System.exit(problems == 0 && !spanish.isEmpty() ? 0 : 1);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
