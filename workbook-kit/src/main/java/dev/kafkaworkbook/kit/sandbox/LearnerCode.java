package dev.kafkaworkbook.kit.sandbox;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tells the learner's compiled classes ({@code target/classes} of an exercise module) from the rest: the graders,
 * the kit, Kafka, the JDK. A stack frame in such a class is where the learner's code was.
 */
public final class LearnerCode {

    private static final String KIT_PACKAGE = "dev.kafkaworkbook.kit.";
    /** Where the learner's compiled classes are: a module's target/classes, or a grading session's own folders. */
    private static final java.util.Set<Path> LOCATIONS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private LearnerCode() {
    }

    /** The first frame in the learner's classes, through the cause chain, as {@code Class.method(File:line)}. */
    public static Optional<String> frameOf(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<String> frame = frameOf(t.getStackTrace());
            if (frame.isPresent()) {
                return frame;
            }
        }
        return Optional.empty();
    }

    public static Optional<String> frameOf(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            if (isLearnerClass(frame.getClassName())) {
                return Optional.of(frame.toString());
            }
        }
        return Optional.empty();
    }

    /**
     * After the learner's code ran out of memory: empties what the learner's classes hold in static fields
     * (collections, maps, arrays; other references are dropped where the field can be written), so that memory a
     * runaway cache keeps does not starve the checks that follow, nor the broker. Classes not loaded yet are left alone.
     *
     * @return how many static fields were emptied
     */
    public static int releaseStaticMemory(ClassLoader loader) {
        java.util.Set<Path> folders = new java.util.LinkedHashSet<>(LOCATIONS);
        folders.add(Path.of("target", "classes"));
        int released = 0;
        for (Path classes : folders) {
            if (!Files.isDirectory(classes)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                            .replaceAll("\\.class$", "");
                    released += releaseStatics(name, loader);
                }
            } catch (IOException | RuntimeException e) {
                // Best effort: the check has failed already, and says why.
            }
        }
        return released;
    }

    private static int releaseStatics(String className, ClassLoader loader) {
        int released = 0;
        try {
            Class<?> type = Class.forName(className, false, loader);
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive() || field.isEnumConstant()) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(null);
                if (value instanceof Collection<?> collection) {
                    collection.clear();
                    released++;
                } else if (value instanceof Map<?, ?> map) {
                    map.clear();
                    released++;
                } else if (value != null && value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
                    java.util.Arrays.fill((Object[]) value, null);
                    released++;
                } else if (value != null && value.getClass().isArray()) {
                    // A primitive array cannot shrink; only dropping the reference frees it.
                    if (!Modifier.isFinal(field.getModifiers())) {
                        field.set(null, Array.newInstance(value.getClass().getComponentType(), 0));
                        released++;
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notReachable) {
            // Unmodifiable collections, inaccessible fields, classes that fail to load: nothing to do.
        }
        return released;
    }

    public static boolean isLearnerClass(String className) {
        if (className.startsWith(KIT_PACKAGE) || className.startsWith("java.") || className.startsWith("jdk.")
                || className.startsWith("org.apache.kafka.")) {
            return false;
        }
        try {
            Class<?> type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            URL location = type.getProtectionDomain().getCodeSource() == null ? null
                    : type.getProtectionDomain().getCodeSource().getLocation();
            if (location == null) {
                return false;
            }
            if (location.getPath().endsWith("/target/classes/")) {
                return true;
            }
            Path path = Path.of(location.toURI()).toAbsolutePath().normalize();
            return LOCATIONS.contains(path);
        } catch (ClassNotFoundException | LinkageError | SecurityException | java.net.URISyntaxException
                 | IllegalArgumentException e) {
            return false;
        }
    }

    /** A folder of compiled learner classes beside the usual target/classes (a grading session compiles elsewhere). */
    public static void addLocation(Path classes) {
        LOCATIONS.add(classes.toAbsolutePath().normalize());
    }

    public static void removeLocation(Path classes) {
        LOCATIONS.remove(classes.toAbsolutePath().normalize());
    }
}
