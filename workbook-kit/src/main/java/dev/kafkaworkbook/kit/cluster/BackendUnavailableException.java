package dev.kafkaworkbook.kit.cluster;

/** The chosen backend cannot run here; the message is one sentence that says what to do instead. */
public class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
