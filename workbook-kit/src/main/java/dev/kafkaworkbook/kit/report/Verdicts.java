package dev.kafkaworkbook.kit.report;

import dev.kafkaworkbook.kit.cluster.BackendUnavailableException;
import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.grading.Todo;
import dev.kafkaworkbook.kit.sandbox.ContainedError;
import dev.kafkaworkbook.kit.sandbox.LearnerCode;
import dev.kafkaworkbook.kit.sandbox.LearnerExit;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.opentest4j.TestAbortedException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what a check threw into an {@link Outcome} and the words the learner reads. */
final class Verdicts {

    private static final String KIT_PACKAGE = "dev.kafkaworkbook.kit.";
    /** The skeletons' TODO message: {@code TODO 1.3: OrderEventPublisher.publish() is not written yet}. */
    private static final Pattern TODO_MESSAGE = Pattern.compile("TODO (\\S+): (\\S+) is not written yet");

    private final Texts kit;

    Verdicts(Texts kit) {
        this.kit = kit;
    }

    record Verdict(Outcome outcome, String output) {
    }

    Verdict of(Throwable reported, String exercise) {
        // JUnit wraps what a parameter resolver (the cluster start-up, say) throws; the cause is what happened.
        Throwable thrown = reported instanceof ParameterResolutionException && reported.getCause() != null
                ? reported.getCause() : reported;
        if (thrown instanceof ContainedError contained) {
            // Thrown by the learner's code (it came through a learner call), with or without a stack trace.
            String where = LearnerCode.frameOf(contained.error()).map(frame -> " " + kit.get("at", frame)).orElse("");
            return new Verdict(Outcome.CRASHED, kit.get(contained.error() instanceof OutOfMemoryError
                    ? "outcome.memory.output" : "outcome.vm_error.output", contained.error(), where));
        }
        Optional<LearnerExit> exit = find(thrown, LearnerExit.class);
        if (exit.isPresent()) {
            return new Verdict(Outcome.WRONG, kit.get("exit.called", "[" + exercise + "] ", exit.get().status(),
                    LearnerCode.frameOf(exit.get()).map(frame -> " " + kit.get("at", frame)).orElse("")));
        }
        Optional<Throwable> todo = Todo.find(thrown);
        if (todo.isPresent()) {
            return new Verdict(Outcome.NOT_STARTED, notStarted(todo.get().getMessage()));
        }
        if (thrown instanceof TestAbortedException) {
            return new Verdict(Outcome.SKIPPED, kit.get("outcome.skipped.output", reason(thrown)));
        }
        Optional<BackendUnavailableException> backend = find(thrown, BackendUnavailableException.class);
        if (backend.isPresent()) {
            String sentence = kit.find("backend." + backend.get().key(), backend.get().arguments().toArray())
                    .orElse(String.valueOf(backend.get().getMessage()));
            return new Verdict(Outcome.ERROR, kit.get("outcome.environment.output", sentence));
        }
        if (isKitSetUpFailure(thrown)) {
            return new Verdict(Outcome.ERROR, kit.get("outcome.environment.output", String.valueOf(thrown.getMessage())));
        }
        if (thrown instanceof AssertionError) {
            return new Verdict(Outcome.WRONG, String.valueOf(thrown.getMessage()) + notes(thrown));
        }
        Optional<String> learnerFrame = LearnerCode.frameOf(thrown);
        if (learnerFrame.isEmpty()) {
            return new Verdict(Outcome.ERROR, kit.get("outcome.grader.output", describe(thrown), topFrame(thrown)));
        }
        return new Verdict(Outcome.CRASHED, kit.get("outcome.crashed.output", thrown.getClass().getName(),
                String.valueOf(thrown.getMessage()), learnerFrame.get()) + notes(thrown));
    }

    /** "Not started yet: 1.3 — OrderEventPublisher.publish() is not written yet", in the learner's language. */
    private String notStarted(String todoMessage) {
        Matcher todo = TODO_MESSAGE.matcher(todoMessage);
        String what = todo.find() ? kit.get("todo.method", todo.group(1), todo.group(2)) : todoMessage;
        return kit.get("outcome.not_started.output", what);
    }

    /** What the kit added after the check (threads left running) to a failure of its own. */
    private static String notes(Throwable thrown) {
        StringBuilder notes = new StringBuilder();
        for (Throwable suppressed : thrown.getSuppressed()) {
            if (suppressed instanceof AssertionError) {
                notes.append('\n').append(suppressed.getMessage());
            }
        }
        return notes.toString();
    }

    private static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (type.isInstance(suppressed)) {
                    return Optional.of(type.cast(suppressed));
                }
            }
        }
        return Optional.empty();
    }

    /** A -Dworkbook.* option the kit could not use: the run's set-up, not learner code or a verdict. */
    private static boolean isKitSetUpFailure(Throwable thrown) {
        StackTraceElement[] frames = thrown.getStackTrace();
        return thrown instanceof IllegalArgumentException && frames.length > 0
                && (frames[0].getClassName().startsWith(KIT_PACKAGE + "cluster.")
                || frames[0].getClassName().equals(KIT_PACKAGE + "grading.GradingRun"));
    }

    private static String describe(Throwable thrown) {
        return thrown.getClass().getName() + ": " + thrown.getMessage();
    }

    private static String topFrame(Throwable thrown) {
        StackTraceElement[] frames = thrown.getStackTrace();
        return frames.length > 0 ? frames[0].toString() : "?";
    }

    private static String reason(Throwable aborted) {
        String message = String.valueOf(aborted.getMessage());
        // JUnit prefixes assumption failures with "Assumption failed: "; the learner needs only the reason.
        int colon = message.indexOf(": ");
        return message.startsWith("Assumption failed") && colon > 0 ? message.substring(colon + 2) : message;
    }
}
