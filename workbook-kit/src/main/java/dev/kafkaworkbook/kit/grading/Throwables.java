package dev.kafkaworkbook.kit.grading;

import java.util.Optional;

/** What a grader asks of an exception a learner's code threw, or a Kafka client reported. */
public final class Throwables {

    private static final int SHOWN_MESSAGE = 120;

    private Throwables() {
    }

    /** Whether {@code thrown} or one of its causes is a {@code type}. */
    public static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        return find(thrown, type).isPresent();
    }

    /** The first of {@code thrown} and its causes that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** The cause chain on one line: {@code RuntimeException: send failed <- ExecutionException: … <- RecordTooLargeException: …}. */
    public static String chain(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(shorten(t.getMessage()));
        }
        return text.toString();
    }

    private static String shorten(String message) {
        if (message == null) {
            return "";
        }
        String firstLine = message.lines().findFirst().orElse("");
        return firstLine.length() > SHOWN_MESSAGE ? firstLine.substring(0, SHOWN_MESSAGE - 1) + "…" : firstLine;
    }
}
