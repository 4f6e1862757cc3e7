package dev.kafkaworkbook.kit.grading;

import org.opentest4j.AssertionFailedError;

/**
 * A check found the learner's work wrong. The message already says, in the learner's language, what was
 * expected, what was observed and which idea of the lesson to revisit; IDEs also show expected and
 * observed side by side.
 */
public class WrongAnswer extends AssertionFailedError {

    public WrongAnswer(String message, Object expected, Object observed) {
        super(message, expected, observed);
    }

    public WrongAnswer(String message) {
        super(message);
    }
}
