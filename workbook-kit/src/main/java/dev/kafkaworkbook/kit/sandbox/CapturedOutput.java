package dev.kafkaworkbook.kit.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** What one check's code printed: the first lines kept for the feedback, the rest counted, never unbounded. */
public final class CapturedOutput {

    static final int KEPT_BYTES = 4_096;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    synchronized void write(byte[] bytes, int offset, int length) {
        total += length;
        int room = KEPT_BYTES - kept.size();
        if (room > 0) {
            kept.write(bytes, offset, Math.min(room, length));
        }
    }

    void append(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    public synchronized long totalBytes() {
        return total;
    }

    /** The first lines printed (at most {@code maxLines}), decoded as UTF-8. */
    public synchronized String firstLines(int maxLines) {
        String text = kept.toString(StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (String line : lines) {
            if (shown == maxLines || (shown == lines.length - 1 && line.isEmpty())) {
                break;
            }
            out.append(line.replace("\r", "")).append('\n');
            shown++;
        }
        return out.toString();
    }

    public synchronized boolean isEmpty() {
        return total == 0;
    }
}
