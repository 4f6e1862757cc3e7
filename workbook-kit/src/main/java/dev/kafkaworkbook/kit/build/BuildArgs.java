package dev.kafkaworkbook.kit.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code key=value} arguments Maven hands a build step. Maven writes a list-valued expression such as
 * {@code ${project.compileSourceRoots}} as {@code [a, b]}; the POM prefixes it with {@code x} so that Maven
 * renders the list instead of dropping it, and {@link #list} undoes both.
 */
final class BuildArgs {

    private final Map<String, String> values = new LinkedHashMap<>();

    BuildArgs(List<String> args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                values.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
    }

    String get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("Missing build argument " + key + "=…"));
    }

    /** The value, or empty where Maven left the expression unresolved. */
    Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty() && !v.startsWith("${"));
    }

    /** A value the POM marked with a leading {@code x} (see above), without it; empty where it is unresolved. */
    Optional<String> marked(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim)
                .map(v -> v.startsWith("x") ? v.substring(1).trim() : v)
                .filter(v -> !v.isEmpty() && !v.startsWith("${"));
    }

    Path path(String key) {
        return Path.of(get(key));
    }

    /** A list rendered by Maven as {@code x[a, b, c]}; empty when there is none. */
    List<String> list(String key) {
        String value = marked(key).orElse("[]");
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(", ")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    List<Path> paths(String key) {
        return list(key).stream().map(Path::of).toList();
    }
}
