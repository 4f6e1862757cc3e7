package dev.kafkaworkbook.kit.grading;

import java.util.Optional;

/**
 * The mark of an unfinished skeleton method: {@code throw new UnsupportedOperationException("TODO 1.3: …")}.
 * A check that reaches it is reported as not started, wherever Kafka or a timeout wrapped it.
 */
public final class Todo {

    public static final String PREFIX = "TODO";

    private Todo() {
    }

    /** The TODO in {@code thrown}'s cause chain, if any. */
    public static Optional<Throwable> find(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null && t.getMessage().startsWith(PREFIX)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Rethrows {@code thrown} when it carries a TODO, so that a grader inspecting exceptions still says "not started". */
    public static void rethrowIfPresent(Throwable thrown) {
        if (find(thrown).isPresent()) {
            throw thrown instanceof RuntimeException runtime ? runtime : new IllegalStateException(thrown);
        }
    }
}
