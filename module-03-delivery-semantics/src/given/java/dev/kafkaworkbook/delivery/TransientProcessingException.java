package dev.kafkaworkbook.delivery;

/**
 * Given: what an {@link OrderHandler} throws when processing failed for a reason that may pass (a timeout of the
 * payment service, a lock held elsewhere): the same record may succeed if tried again a little later.
 */
public class TransientProcessingException extends RuntimeException {

    public TransientProcessingException(String message) {
        super(message);
    }
}
