package dev.kafkaworkbook.kit.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random inputs for one check. Values come from the run's seed (printed on the scorecard; replay with
 * {@code -Dworkbook.seed=N}), so a failure can be reproduced; names of topics and groups are fresh on every
 * run, so checks never meet each other's data, even on a long-lived external cluster.
 */
public final class TestData {

    /** Characters that break hand-made JSON or non-UTF-8 code: quotes, backslashes, control, accents, CJK, emoji. */
    private static final String[] TRICKY = {"\"", "\\", "'", "\n", "\t", "ñ", "á", "ü", "€", "東京", "😀", "{", "}", ":", ","};

    private final Random random;
    private final long seed;

    TestData(long runSeed, String checkId) {
        this.seed = runSeed ^ ((long) checkId.hashCode() << 16);
        this.random = new Random(seed);
    }

    /** The seeded random of this check, for anything the helpers below do not cover. */
    public Random random() {
        return random;
    }

    /** A number in {@code [from, to]}. */
    public int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** An identifier such as {@code order-4f2a91}: seeded, so it is the same when the run is replayed. */
    public String id(String prefix) {
        return prefix + "-" + Long.toHexString(random.nextLong() & 0xFFFFFFFFFFL);
    }

    /** {@code count} distinct seeded identifiers. */
    public List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        while (ids.size() < count) {
            String id = id(prefix);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Text of a few words with at least one character that naive serialization gets wrong. */
    public String trickyText() {
        StringBuilder text = new StringBuilder(id("txt"));
        int pieces = between(1, 4);
        for (int i = 0; i < pieces; i++) {
            text.append(' ').append(TRICKY[random.nextInt(TRICKY.length)]).append(id("w"));
        }
        return text.toString();
    }

    /** Every name the kit makes up starts so, which tells the workbook's topics and groups apart on a shared cluster. */
    public static final String NAME_PREFIX = "workbook-";

    /** A fresh name for a topic, group or transactional id, {@code workbook-<prefix>-<random>}; unique per run, not seeded. */
    public static String uniqueName(String prefix) {
        return NAME_PREFIX + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
