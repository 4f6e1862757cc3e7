package dev.kafkaworkbook.kit.sandbox;

import java.net.URL;
import java.util.Optional;

/**
 * Tells the learner's compiled classes ({@code target/classes} of an exercise module) from the rest: the graders,
 * the kit, Kafka, the JDK. A stack frame in such a class is where the learner's code was.
 */
public final class LearnerCode {

    private static final String KIT_PACKAGE = "dev.kafkaworkbook.kit.";

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

    public static boolean isLearnerClass(String className) {
        if (className.startsWith(KIT_PACKAGE) || className.startsWith("java.") || className.startsWith("jdk.")
                || className.startsWith("org.apache.kafka.")) {
            return false;
        }
        try {
            Class<?> type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            URL location = type.getProtectionDomain().getCodeSource() == null ? null
                    : type.getProtectionDomain().getCodeSource().getLocation();
            return location != null && location.getPath().endsWith("/target/classes/");
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return false;
        }
    }
}
