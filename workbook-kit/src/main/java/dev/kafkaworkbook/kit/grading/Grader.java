package dev.kafkaworkbook.kit.grading;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as the grader of one exercise. Its {@link Check} methods are the graded checks; they get a
 * {@link Cluster}, {@link TestData} and {@link Feedback} as parameters. Texts (the exercise title, each check's
 * title, feedback) come from the resource bundle named after the class, in Spanish and English.
 *
 * <pre>{@code
 * @Grader(exercise = "1.3")
 * class KeyedPublishingGrader {
 *     @Check(points = 2)
 *     void eventsOfAnOrderShareOnePartition(Cluster cluster, TestData data, Feedback feedback) { ... }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("grader")
@ExtendWith(WorkbookExtension.class)
@DisplayNameGeneration(CheckDisplayNames.class)
// Checks run, and the scorecard lists them, in the order of their @Order: the order of the statement.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public @interface Grader {

    /** The exercise id, {@code module.exercise}, as in the TODOs and the statement: {@code "1.3"}. */
    String exercise();

    /**
     * Brokers the checks need; more than one means a dedicated cluster whose brokers checks may stop. Checks that
     * take no {@link Cluster} run on any backend; the others are skipped, with the reason, where the chosen backend
     * cannot provide such a cluster.
     */
    int brokers() default 1;

    /** Instructors' hidden graders: reported to Gradescope only after grades are published. */
    boolean hidden() default false;
}
