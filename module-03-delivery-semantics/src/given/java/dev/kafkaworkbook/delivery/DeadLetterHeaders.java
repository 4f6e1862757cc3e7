package dev.kafkaworkbook.delivery;

/**
 * Given: the headers of a record on the dead-letter topic (3.6), which tell whoever inspects it where it came from and
 * why it is there. Header values are UTF-8 text: {@code "orders-7f3a"}, {@code "2"}, {@code "41"}.
 */
public final class DeadLetterHeaders {

    /** The topic the record was read from. */
    public static final String ORIGINAL_TOPIC = "dlq.original.topic";
    /** Its partition there, in decimal. */
    public static final String ORIGINAL_PARTITION = "dlq.original.partition";
    /** Its offset there, in decimal. */
    public static final String ORIGINAL_OFFSET = "dlq.original.offset";
    /** Why it could not be processed: the exception's class name, then {@code ": "} and its message. */
    public static final String ERROR = "dlq.error";

    private DeadLetterHeaders() {
    }
}
