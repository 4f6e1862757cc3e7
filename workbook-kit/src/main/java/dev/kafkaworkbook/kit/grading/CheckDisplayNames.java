package dev.kafkaworkbook.kit.grading;

import org.junit.jupiter.api.DisplayNameGenerator;

import java.lang.reflect.Method;
import java.util.List;

/** Shows graders and checks in the IDE with the titles the scorecard uses, in the learner's language. */
public final class CheckDisplayNames implements DisplayNameGenerator {

    private final DisplayNameGenerator standard = new DisplayNameGenerator.Standard();

    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        return CheckInfo.exerciseTitle(testClass).orElseGet(() -> standard.generateDisplayNameForClass(testClass));
    }

    @Override
    public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
        return standard.generateDisplayNameForNestedClass(enclosingInstanceTypes, nestedClass);
    }

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        return CheckInfo.checkTitle(testClass, testMethod);
    }
}
