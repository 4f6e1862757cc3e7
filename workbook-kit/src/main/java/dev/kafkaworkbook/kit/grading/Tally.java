package dev.kafkaworkbook.kit.grading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What arrived compared with what was sent, item by item: what was lost, what came more than once (and how often),
 * and what came that was never sent. The count every delivery guarantee is judged by: at-most-once may lose,
 * at-least-once may duplicate, exactly-once does neither.
 *
 * <pre>{@code
 * Tally<String> tally = Tally.of(sentIds, processedIds);
 * feedback.expectExactlyOnce(tally, id -> id);
 * }</pre>
 */
public final class Tally<T> {

    /** How many of each kind a message names before it says "…". */
    static final int SHOWN = 5;

    private final int expected;
    private final List<T> lost;
    private final Map<T, Integer> duplicated;
    private final List<T> unexpected;

    private Tally(int expected, List<T> lost, Map<T, Integer> duplicated, List<T> unexpected) {
        this.expected = expected;
        this.lost = List.copyOf(lost);
        this.duplicated = Map.copyOf(duplicated);
        this.unexpected = List.copyOf(unexpected);
    }

    /**
     * @param expected what should arrive, each once (duplicates in it are ignored)
     * @param observed what arrived, in the order it arrived
     */
    public static <T> Tally<T> of(Collection<T> expected, Collection<T> observed) {
        Set<T> wanted = new LinkedHashSet<>(expected);
        Map<T, Integer> seen = new LinkedHashMap<>();
        observed.forEach(item -> seen.merge(item, 1, Integer::sum));
        List<T> lost = wanted.stream().filter(item -> !seen.containsKey(item)).toList();
        Map<T, Integer> duplicated = new LinkedHashMap<>();
        List<T> unexpected = new ArrayList<>();
        seen.forEach((item, count) -> {
            if (!wanted.contains(item)) {
                unexpected.add(item);
            } else if (count > 1) {
                duplicated.put(item, count);
            }
        });
        return new Tally<>(wanted.size(), lost, new LinkedHashMap<>(duplicated), unexpected);
    }

    public int expected() {
        return expected;
    }

    public List<T> lost() {
        return lost;
    }

    /** Items that arrived more than once, with how many times. */
    public Map<T, Integer> duplicated() {
        return duplicated;
    }

    /** Extra copies beyond the first, over all duplicated items. */
    public int extraCopies() {
        return duplicated.values().stream().mapToInt(count -> count - 1).sum();
    }

    public List<T> unexpected() {
        return unexpected;
    }

    public boolean exactlyOnce() {
        return lost.isEmpty() && duplicated.isEmpty() && unexpected.isEmpty();
    }

    /** "2 lost (a, b); 1 duplicated (c ×3)", in the kit's words, the first few of each named. */
    public String describe(Function<T, String> show, Texts kit) {
        List<String> parts = new ArrayList<>();
        if (!lost.isEmpty()) {
            parts.add(kit.get("tally.lost", lost.size(), firstFew(lost.stream().map(show).toList())));
        }
        if (!duplicated.isEmpty()) {
            parts.add(kit.get("tally.duplicated", duplicated.size(), firstFew(duplicated.entrySet().stream()
                    .map(e -> show.apply(e.getKey()) + " ×" + e.getValue()).toList())));
        }
        if (!unexpected.isEmpty()) {
            parts.add(kit.get("tally.unexpected", unexpected.size(), firstFew(unexpected.stream().map(show).toList())));
        }
        return parts.isEmpty() ? kit.get("tally.exact", expected) : String.join("; ", parts);
    }

    static String firstFew(List<String> items) {
        return items.stream().limit(SHOWN).collect(Collectors.joining(", ")) + (items.size() > SHOWN ? ", …" : "");
    }
}
