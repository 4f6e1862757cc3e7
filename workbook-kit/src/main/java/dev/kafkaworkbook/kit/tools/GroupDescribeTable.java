package dev.kafkaworkbook.kit.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * The table {@code kafka-consumer-groups --describe --group <group>} prints, one {@link Line} per partition:
 * <pre>
 * GROUP  TOPIC   PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  CONSUMER-ID  HOST        CLIENT-ID
 * g      orders  0          5               25              20   0yek4t…      /127.0.0.1  consumer-g-1
 * g      orders  1          -               0               -    0yek4t…      /127.0.0.1  consumer-g-1
 * </pre>
 * Values are kept as printed: {@code -} stands for "none".
 */
public final class GroupDescribeTable {

    private static final String HEADER = "GROUP";
    private static final int COLUMNS = 9;

    private GroupDescribeTable() {
    }

    /** One printed line. */
    public record Line(String group, String topic, int partition, String currentOffset, String logEndOffset, String lag,
                       String consumerId, String host, String clientId) {
    }

    /** The lines of every table in {@code output}; an empty list where the tool printed none (a group without offsets). */
    public static List<Line> parse(String output) {
        List<Line> lines = new ArrayList<>();
        boolean inTable = false;
        for (String text : output.split("\\R")) {
            String[] cells = text.trim().split("\\s+");
            if (cells.length > 0 && cells[0].equals(HEADER)) {
                inTable = true;
            } else if (text.isBlank()) {
                inTable = false;
            } else if (inTable && cells.length == COLUMNS) {
                lines.add(new Line(cells[0], cells[1], Integer.parseInt(cells[2]), cells[3], cells[4], cells[5],
                        cells[6], cells[7], cells[8]));
            } else if (inTable) {
                throw new IllegalArgumentException("Unexpected line in kafka-consumer-groups --describe output: " + text);
            }
        }
        return lines;
    }
}
