package profcon.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import profcon.attach.TargetGoneException;
import profcon.pprof.ProfileFormatException;
import profcon.report.ReportException;
import profcon.report.Reports;

/**
 * Runs one line against the registry: settings ({@code name=value}, {@code :}), commands
 * (with pprof's {@code top10} abbreviation), a sample type's name as a shortcut for
 * {@code sample_index}, and {@code >FILE} redirection. A failure prints one line and is
 * remembered for {@code debug}; the caller learns only whether the line succeeded.
 */
public final class Dispatcher {
    private final CommandRegistry registry;

    public Dispatcher(CommandRegistry registry) {
        this.registry = registry;
    }

    public CommandRegistry registry() {
        return registry;
    }

    /** Runs {@code line}; returns false when it failed (the error is already printed). */
    public boolean execute(String line, Session session) throws InterruptedException {
        try {
            CommandLine parsed = CommandLine.parse(line);
            if (!parsed.isEmpty()) {
                run(parsed, session);
            }
            return true;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            session.lastError(e);
            session.error(brief(message(e)));
            if (session.debug()) {
                e.printStackTrace(session.err());
            }
            session.err().flush();
            return false;
        }
    }

    private void run(CommandLine line, Session session) throws Exception {
        if (line.name().equals(":")) {
            session.settings(session.settings().clearFilters());
            return;
        }
        Optional<Command> command = registry.find(line.name());
        if (command.isEmpty() && line.name().contains("=")) {
            applySettings(line.words(), session);
            return;
        }
        if (command.isEmpty()) {
            line = line.splitTailDigits();
            command = registry.find(line.name());
        }
        if (command.isEmpty() && isSampleType(line.name(), session)) {
            session.settings(session.settings().set("sample_index", line.name()));
            return;
        }
        String name = line.name();
        Command c = command.orElseThrow(() -> unknown(name));
        runWithOutput(c, line, session);
    }

    private void runWithOutput(Command c, CommandLine line, Session session) throws Exception {
        StringWriter captured = new StringWriter();
        Writer target = line.redirect() == null ? session.out() : openRedirect(line.redirect());
        PrintWriter tee = new PrintWriter(new TeeWriter(target, captured));
        PrintWriter previous = session.swapOut(tee);
        try {
            c.run(session, line.args());
        } finally {
            session.swapOut(previous);
            tee.flush();
            if (line.redirect() != null) {
                target.close();
            }
            if (!session.takeKeepLastOutput()) {
                session.lastOutput(captured.toString());
            }
        }
    }

    private static Writer openRedirect(String file) throws CommandException {
        try {
            return Files.newBufferedWriter(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw new CommandException("cannot write " + file + ": " + reason(e));
        }
    }

    private static void applySettings(List<String> words, Session session) throws Exception {
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new CommandException("expected name=value, got '" + word + "'");
            }
            String name = word.substring(0, eq);
            String value = word.substring(eq + 1);
            if (name.equals("sample_index") && session.current() != null) {
                // Settings alone cannot check this: only the profile knows its sample types.
                value = Reports.sampleIndexName(session.current().profile(), value);
            }
            session.settings(session.settings().set(name, value));
        }
    }

    private static boolean isSampleType(String word, Session session) {
        LoadedProfile p = session.current();
        return p != null && p.profile().sampleTypes().stream().anyMatch(t -> t.type().equals(word));
    }

    private CommandException unknown(String word) {
        String hint = registry.closest(word).map(w -> " (did you mean '" + w + "'?)").orElse("");
        return new CommandException("unknown command '" + word + "'" + hint + "; type 'help' for the list");
    }

    /** The one line a user sees for a failure. */
    static String message(Exception e) {
        if (e instanceof CommandException || e instanceof ReportException || e instanceof ProfileFormatException
                || e instanceof TargetGoneException || e instanceof profcon.attach.AgentClient.AgentException
                || e instanceof profcon.attach.AttachException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return "I/O error: " + reason(e);
        }
        return "internal error: " + e + " (type 'debug' for the stack trace)";
    }

    /**
     * A message cut to one line of reasonable length: errors echo what was typed, and a
     * 10,000-character line must not come back as a 10,000-character error.
     */
    public static String brief(String message) {
        String line = message.replace('\n', ' ').replace('\r', ' ');
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }

    static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** Writes to two writers at once: the real output and the capture that {@code expect} reads. */
    private static final class TeeWriter extends Writer {
        private final Writer a;
        private final Writer b;

        TeeWriter(Writer a, Writer b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
