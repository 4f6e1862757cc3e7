package dev.kafkaworkbook.kit.grading;

import org.junit.jupiter.api.Test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One graded check of a {@link Grader}: it passes and earns its points, or earns nothing. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
public @interface Check {

    /** Points this check is worth. */
    int points() default 1;
}
