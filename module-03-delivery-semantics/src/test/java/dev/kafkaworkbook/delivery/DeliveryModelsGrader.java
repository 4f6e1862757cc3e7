package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.delivery.DeliveryTable;
import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.grading.Todo;
import dev.kafkaworkbook.kit.sandbox.Console;
import org.junit.jupiter.api.Order;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exercise 3.7, an ungraded lab (0 points): the crash of 3.1 to 3.4 under each delivery model, side by side, as the
 * lesson compares them. It prints a table of what was sent, what reached the downstream, what was lost and what was
 * duplicated. The crashes are those the graders of 3.1 to 3.4 run in this JVM (run alone, the lab runs them itself).
 * A model whose exercise is not written yet gets a row that says so; the lab is "not started" only while none is.
 */
@Grader(exercise = "3.7")
class DeliveryModelsGrader {

    @Order(1)
    @Check(points = 0)
    void theSameCrashUnderEveryDeliveryModel(Cluster cluster, TestData data, Feedback feedback) {
        DeliveryTable table = new DeliveryTable();
        List<Throwable> notWritten = new ArrayList<>();
        for (DeliveryModel model : DeliveryModel.values()) {
            String name = feedback.text("model." + model.name());
            try {
                addRows(table, name, model, CrashRuns.forTheLab(model, cluster, data, feedback), feedback);
            } catch (Throwable failed) {
                Optional<Throwable> todo = Todo.find(failed);
                todo.ifPresent(notWritten::add);
                table.addNotRun(name, feedback.text(todo.isPresent() ? "row.todo" : "row.failed", model.exercise));
            }
        }
        if (notWritten.size() == DeliveryModel.values().length) {
            Todo.rethrowIfPresent(notWritten.get(0));
        }
        Console.out().println(table.render());
    }

    private static void addRows(DeliveryTable table, String name, DeliveryModel model, Takeover.Facts facts, Feedback feedback) {
        switch (model) {
            case AT_MOST_ONCE, AT_LEAST_ONCE -> table.add(name, Tally.of(facts.published().positions(), facts.processed()),
                    facts.processed().size());
            case IDEMPOTENT_DOWNSTREAM -> table.add(name, Tally.of(facts.published().naturalKeys(),
                    facts.downstream().ledgerRows()), facts.downstream().ledgerRows().size());
            case TRANSACTIONS -> {
                List<String> sent = facts.published().naturalKeys();
                table.add(name, Tally.of(sent, facts.downstream().readCommitted()), facts.downstream().readCommitted().size());
                table.add(feedback.text("model.TRANSACTIONS.uncommitted"), Tally.of(sent, facts.downstream().readUncommitted()),
                        facts.downstream().readUncommitted().size());
            }
        }
    }
}
