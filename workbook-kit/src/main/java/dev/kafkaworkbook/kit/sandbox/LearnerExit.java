package dev.kafkaworkbook.kit.sandbox;

/**
 * Thrown into the learner's code where it called {@code System.exit} (or {@code Runtime.exit} / {@code halt})
 * during grading: the JVM stays up, the call unwinds like an error, and the check is failed for it. An
 * {@link Error}, so that a {@code catch (Exception e)} in the learner's code does not swallow it.
 */
public final class LearnerExit extends Error {

    private final int status;

    LearnerExit(int status, String method) {
        super(method + "(" + status + ") was called by " + Thread.currentThread().getName());
        this.status = status;
    }

    public int status() {
        return status;
    }
}
