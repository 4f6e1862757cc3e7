package dev.kafkaworkbook.kit.report;

import dev.kafkaworkbook.kit.cluster.BackendUnavailableException;
import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.grading.Todo;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.opentest4j.TestAbortedException;

import java.net.URL;
import java.util.Optional;

/** Turns what a check threw into an {@link Outcome} and the words the learner reads. */
final class Verdicts {

    private static final String KIT_PACKAGE = "dev.kafkaworkbook.kit.";

    private final Texts kit;

    Verdicts(Texts kit) {
        this.kit = kit;
    }

    record Verdict(Outcome outcome, String output) {
    }

    Verdict of(Throwable reported) {
        // JUnit wraps what a parameter resolver (the cluster start-up, say) throws; the cause is what happened.
        Throwable thrown = reported instanceof ParameterResolutionException && reported.getCause() != null
                ? reported.getCause() : reported;
        Optional<Throwable> todo = Todo.find(thrown);
        if (todo.isPresent()) {
            return new Verdict(Outcome.NOT_STARTED, kit.get("outcome.not_started.output", todo.get().getMessage()));
        }
        if (thrown instanceof TestAbortedException) {
            return new Verdict(Outcome.SKIPPED, kit.get("outcome.skipped.output", reason(thrown)));
        }
        if (thrown instanceof BackendUnavailableException || isKitFailure(thrown)) {
            return new Verdict(Outcome.CRASHED, kit.get("outcome.environment.output", String.valueOf(thrown.getMessage())));
        }
        if (thrown instanceof AssertionError) {
            return new Verdict(Outcome.WRONG, String.valueOf(thrown.getMessage()));
        }
        return new Verdict(Outcome.CRASHED, kit.get("outcome.crashed.output", thrown.getClass().getName(),
                String.valueOf(thrown.getMessage()), learnerFrame(thrown).orElse("?")));
    }

    /** A -Dworkbook.* option the kit could not use: the run's set-up, not learner code or a verdict. */
    private static boolean isKitFailure(Throwable thrown) {
        StackTraceElement[] frames = thrown.getStackTrace();
        return thrown instanceof IllegalArgumentException && frames.length > 0
                && (frames[0].getClassName().startsWith(KIT_PACKAGE + "cluster.")
                || frames[0].getClassName().equals(KIT_PACKAGE + "grading.GradingRun"));
    }

    private static String reason(Throwable aborted) {
        String message = String.valueOf(aborted.getMessage());
        // JUnit prefixes assumption failures with "Assumption failed: "; the learner needs only the reason.
        int colon = message.indexOf(": ");
        return message.startsWith("Assumption failed") && colon > 0 ? message.substring(colon + 2) : message;
    }

    /** The first stack frame in the learner's compiled classes ({@code target/classes}), as {@code Class.method(File:line)}. */
    static Optional<String> learnerFrame(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (isLearnerClass(frame.getClassName())) {
                    return Optional.of(frame.toString());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isLearnerClass(String className) {
        if (className.startsWith(KIT_PACKAGE)) {
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
