package dev.kafkaworkbook.kit.delivery;

import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.Texts;

import java.util.ArrayList;
import java.util.List;

/**
 * The lesson's comparison of delivery models as numbers: for each model, what was sent, what reached the downstream
 * (repeats included), what was lost and what was duplicated, after the same crash.
 * <pre>{@code
 * DeliveryTable table = new DeliveryTable();
 * table.add("3.1 at-most-once", Tally.of(sent, processed));
 * table.addNotRun("3.4 exactly-once", "TODO 3.4");
 * Console.out().println(table.render());
 * }</pre>
 * {@link #counts} words one tally the same way in a check's feedback.
 */
public final class DeliveryTable {

    private static final String ROW = "  %-34s %9s %11s %9s %11s";

    private record Row(String model, String sent, String reached, String lost, String duplicated) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** One model's outcome: {@code observed} holds what reached the downstream, each repeat as often as it came. */
    public <T> void add(String model, Tally<T> tally, int observed) {
        rows.add(new Row(model, String.valueOf(tally.expected()), String.valueOf(observed),
                String.valueOf(tally.lost().size()), String.valueOf(tally.extraCopies())));
    }

    /** A model that could not run (its exercise is not written yet, or it failed): {@code why} in a few words. */
    public void addNotRun(String model, String why) {
        rows.add(new Row(model + " — " + why, "–", "–", "–", "–"));
    }

    public String render() {
        Texts texts = DeliveryWords.texts();
        StringBuilder table = new StringBuilder(texts.get("table.title")).append('\n');
        table.append(String.format(ROW, texts.get("table.model"), texts.get("table.sent"), texts.get("table.reached"),
                texts.get("table.lost"), texts.get("table.duplicated"))).append('\n');
        rows.forEach(r -> table.append(String.format(ROW, r.model, r.sent, r.reached, r.lost, r.duplicated)).append('\n'));
        return table.append(texts.get("table.legend")).toString();
    }

    /** "120 sent · 113 processed · 7 lost · 0 duplicated", for a check's feedback. */
    public static <T> String counts(Tally<T> tally, int observed) {
        return DeliveryWords.texts().get("counts", tally.expected(), observed, tally.lost().size(), tally.extraCopies());
    }
}
