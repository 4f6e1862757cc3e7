package dev.kafkaworkbook.cli;

import dev.kafkaworkbook.kit.grading.Texts;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ./workbook watch [exercise]}: grades the current exercise on every save, in a warm process that keeps the
 * embedded cluster up, and moves on when it passes. Single keys: {@code h} a hint, {@code l} the list, {@code r}
 * grade again, {@code n} the next exercise, {@code q} quit.
 */
@Command(name = "watch", mixinStandardHelpOptions = true)
final class WatchCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "EXERCISE", descriptionKey = "watch.exercise")
    String exercise;

    @Override
    public Integer call() throws Exception {
        Path root = Workbook.root();
        Texts texts = Workbook.texts();
        PrintStream out = System.out;
        List<String> classpath = WorkerClasspath.of(root, out, texts.get("watch.preparing"));
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
             WatchLoop loop = new WatchLoop(root, texts, out, () -> WorkerProcess.start(root, classpath, out))) {
            Attributes cooked = terminal.enterRawMode();
            try {
                loop.start(Optional.ofNullable(exercise));
                NonBlockingReader keys = terminal.reader();
                while (!loop.finished()) {
                    int key = keys.read(200);
                    if (key == NonBlockingReader.EOF) {
                        break;
                    }
                    if (key > 0 && !Character.isWhitespace(key)) {
                        loop.key(key);
                    }
                }
            } finally {
                terminal.setAttributes(cooked);
            }
        }
        return 0;
    }
}
