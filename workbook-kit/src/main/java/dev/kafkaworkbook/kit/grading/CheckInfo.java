package dev.kafkaworkbook.kit.grading;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * What the annotations and texts say about a check: exercise, points, titles. Titles live in the grader's
 * bundle: {@code title} for the exercise, the method's name for each check.
 */
public record CheckInfo(String exercise, String exerciseTitle, String check, String checkTitle, int points, boolean hidden) {

    /** The check behind {@code method}, or empty when it is not a {@link Check} of a {@link Grader}. */
    public static Optional<CheckInfo> of(Class<?> graderClass, Method method) {
        Grader grader = graderClass.getAnnotation(Grader.class);
        Check check = method.getAnnotation(Check.class);
        if (grader == null || check == null) {
            return Optional.empty();
        }
        return Optional.of(new CheckInfo(grader.exercise(), exerciseTitle(graderClass).orElse(grader.exercise()), method.getName(),
                checkTitle(graderClass, method), check.points(), grader.hidden()));
    }

    static Optional<String> exerciseTitle(Class<?> graderClass) {
        Grader grader = graderClass.getAnnotation(Grader.class);
        if (grader == null) {
            return Optional.empty();
        }
        return Optional.of(grader.exercise() + " " + texts(graderClass).flatMap(t -> t.find("title")).orElse(graderClass.getSimpleName()));
    }

    static String checkTitle(Class<?> graderClass, Method method) {
        return texts(graderClass).flatMap(t -> t.find(method.getName())).orElse(method.getName());
    }

    private static Optional<Texts> texts(Class<?> graderClass) {
        try {
            return Optional.of(Texts.of(graderClass));
        } catch (IllegalStateException missing) {
            return Optional.empty();
        }
    }
}
