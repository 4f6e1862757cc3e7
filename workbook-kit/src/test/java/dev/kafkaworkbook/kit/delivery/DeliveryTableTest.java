package dev.kafkaworkbook.kit.delivery;

import dev.kafkaworkbook.kit.grading.Tally;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTableTest {

    @Test
    void eachModelIsARowOfSentReachedLostAndDuplicated() {
        DeliveryTable table = new DeliveryTable();
        table.add("at-most-once", Tally.of(List.of("a", "b", "c"), List.of("a")), 1);
        table.add("at-least-once", Tally.of(List.of("a", "b", "c"), List.of("a", "b", "b", "c", "c")), 5);
        table.addNotRun("exactly-once", "not written yet");
        List<String> lines = table.render().lines().toList();
        assertThat(lines.get(2).split("\\s+")).containsSubsequence("at-most-once", "3", "1", "2", "0");
        assertThat(lines.get(3).split("\\s+")).containsSubsequence("at-least-once", "3", "5", "0", "2");
        assertThat(lines.get(4)).contains("exactly-once — not written yet", "–");
    }

    @Test
    void theCountsOfOneTallyReadAsASentence() {
        assertThat(DeliveryTable.counts(Tally.of(List.of(1, 2, 3), List.of(1, 1, 2)), 3))
                .containsAnyOf("3 sent · 3 reached the downstream · 1 lost · 1 duplicated",
                        "3 enviados · 3 llegaron al downstream · 1 perdidos · 1 duplicados");
    }
}
