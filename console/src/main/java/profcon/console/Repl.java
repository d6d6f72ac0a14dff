package profcon.console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive loop: read a line, hand it to the dispatcher, repeat. Ctrl-C interrupts the
 * running command (or clears the line at the prompt); Ctrl-D or {@code quit} leaves.
 */
public final class Repl {
    private static final String PROMPT = "(profcon) ";
    private final Terminal terminal;
    private final Dispatcher dispatcher;

    public Repl(Terminal terminal, Dispatcher dispatcher) {
        this.terminal = terminal;
        this.dispatcher = dispatcher;
    }

    public void run(Session session) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("profcon")
                .completer(new ConsoleCompleter(dispatcher.registry(), session))
                .variable(LineReader.HISTORY_FILE, historyFile())
                .build();
        session.progress(new TerminalProgress(terminal));
        session.style(Style.forTerminal(terminal.getType()));
        session.confirmer(question -> ask(reader, question));
        while (!session.quitRequested()) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                warnUnsaved(session);
                break;
            }
            runInterruptibly(line, session);
        }
    }

    /** Runs one line with Ctrl-C wired to cancel it; its output is paged when longer than the screen. */
    private void runInterruptibly(String line, Session session) {
        session.resetCancel();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> session.cancel());
        StringWriter output = new StringWriter();
        PrintWriter screen = session.swapOut(new PrintWriter(output));
        try {
            dispatcher.execute(line, session);
        } catch (InterruptedException e) {
            session.err().println("interrupted");
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            session.swapOut(screen).flush();
            new Pager(terminal).page(output.toString());
        }
    }

    /** A y/N question at the prompt; anything but y/yes, Ctrl-C or Ctrl-D is no. */
    private static boolean ask(LineReader reader, String question) {
        try {
            String answer = reader.readLine(question + " [y/N] ").trim();
            return answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes");
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        }
    }

    private static void warnUnsaved(Session session) {
        LoadedProfile p = session.current();
        if (p != null && p.unsaved()) {
            session.status("leaving without saving the " + p.source());
        }
    }

    static Path historyFile() {
        return Path.of(System.getProperty("user.home"), ".profcon_history");
    }

    /** A progress line redrawn in place at the bottom of the terminal. */
    private static final class TerminalProgress implements Progress {
        private final PrintWriter writer;

        TerminalProgress(Terminal terminal) {
            this.writer = terminal.writer();
        }

        @Override
        public void update(String line) {
            writer.print("\r" + line + "\033[K");
            writer.flush();
        }

        @Override
        public void done() {
            writer.print("\r\033[K");
            writer.flush();
        }
    }
}
