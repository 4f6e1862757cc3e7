package dev.kafkaworkbook.kit.delivery;

import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Texts;

/** The words of this package: what every crash scenario of the delivery exercises says, and the lab's table. */
public final class DeliveryWords {

    private static final String TEXTS = "dev.kafkaworkbook.kit.delivery.delivery";

    private DeliveryWords() {
    }

    public static Texts texts() {
        return Texts.find(TEXTS, DeliveryWords.class.getClassLoader())
                .orElseThrow(() -> new IllegalStateException("No texts " + TEXTS));
    }

    /** The grader's feedback, with this package's words ({@code crash.never}…) where the grader has none. */
    public static Feedback words(Feedback feedback) {
        return feedback.with(texts());
    }
}
