package dev.kafkaworkbook.kit.cluster;

import java.util.List;

/**
 * The chosen backend cannot run here. Not a problem with the learner's code: the kit's texts say so, in the
 * learner's language, from {@link #key()} ({@code backend.<key>}) and {@link #arguments()}; the message is the
 * same sentence in English, for logs.
 */
public class BackendUnavailableException extends RuntimeException {

    private final String key;
    private final List<Object> arguments;

    public BackendUnavailableException(String key, List<Object> arguments, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
        this.arguments = List.copyOf(arguments);
    }

    public BackendUnavailableException(String key, List<Object> arguments, String message) {
        this(key, arguments, message, null);
    }

    public String key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
