package profcon.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/** Shows long output a screen at a time at the terminal: space for a page, Enter for a line, q to stop. */
final class Pager {
    private static final String PROMPT = "-- more (space: page, enter: line, q: stop) --";
    private final Terminal terminal;

    Pager(Terminal terminal) {
        this.terminal = terminal;
    }

    void page(String text) {
        PrintWriter out = terminal.writer();
        List<String> lines = text.lines().toList();
        int height = Math.max(5, terminal.getHeight() - 1);
        if (lines.size() <= height || terminal.getType().startsWith("dumb")) {
            out.print(text);
            out.flush();
            return;
        }
        int shown = 0;
        int budget = height;
        while (shown < lines.size()) {
            for (; budget > 0 && shown < lines.size(); budget--) {
                out.println(lines.get(shown++));
            }
            if (shown >= lines.size()) {
                break;
            }
            int key = ask(out);
            if (key == 'q' || key == 'Q' || key < 0) {
                break;
            }
            budget = key == '\r' || key == '\n' ? 1 : height;
        }
        out.flush();
    }

    private int ask(PrintWriter out) {
        out.print(PROMPT);
        out.flush();
        try {
            NonBlockingReader reader = terminal.reader();
            Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> { });
            org.jline.terminal.Attributes saved = terminal.enterRawMode();
            try {
                return reader.read();
            } finally {
                terminal.setAttributes(saved);
                terminal.handle(Terminal.Signal.INT, previous);
            }
        } catch (IOException e) {
            return -1;
        } finally {
            out.print("\r\033[K");
            out.flush();
        }
    }
}
