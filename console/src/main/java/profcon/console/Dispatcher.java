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
import profcon.report.Settings;

/**
 * Runs one line against the registry: settings ({@code name=value}, {@code :}), commands
 * (with pprof's {@code top10} abbreviation), a sample type's name as a shortcut for
 * {@code sample_index} ({@code mean_X}/{@code total_X} also set {@code mean}), and {@code >FILE}
 * redirection. Every command's output passes through one capture here, which {@code expect},
 * {@code >FILE} and the Java API read. A failure prints one line and is remembered for
 * {@code debug}; the caller learns only whether the line succeeded.
 */
public final class Dispatcher {
    private final CommandRegistry registry;
    private Throwable lastError;
    private String lastOutput = "";
    private boolean keepLastOutput;

    public Dispatcher(CommandRegistry registry) {
        this.registry = registry;
    }

    public CommandRegistry registry() {
        return registry;
    }

    /** Runs {@code line}; returns false when it failed (the error is already printed). */
    public boolean execute(String line, Session session) throws InterruptedException {
        return run(line, session).isPresent();
    }

    /**
     * Runs {@code line} and returns what it printed (also written to the session's output or its
     * {@code >FILE}); empty when it failed, after the error was printed.
     */
    public Optional<String> run(String line, Session session) throws InterruptedException {
        try {
            CommandLine parsed = CommandLine.parse(line);
            return Optional.of(parsed.isEmpty() ? "" : dispatch(parsed, session, session.out()));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            lastError = e;
            session.error(brief(message(e)));
            if (session.debug()) {
                e.printStackTrace(session.err());
            }
            session.err().flush();
            return Optional.empty();
        }
    }

    /** Runs the command line {@code words} for a command such as {@code expect}: printed to {@code out}, and returned. */
    public String runCaptured(List<String> words, Session session, PrintWriter out) throws Exception {
        return dispatch(new CommandLine(words, null), session, out);
    }

    /** The full stack trace's owner: the last failure, for {@code debug}; null before the first. */
    public Throwable lastError() {
        return lastError;
    }

    /** The text the last command printed, for {@code expect}. */
    public String lastOutput() {
        return lastOutput;
    }

    /** Leaves {@link #lastOutput} as it is after the running command (a check prints nothing). */
    public void keepLastOutput() {
        keepLastOutput = true;
    }

    private String dispatch(CommandLine line, Session session, PrintWriter out) throws Exception {
        if (line.name().equals(":")) {
            session.settings(session.settings().clearFilters());
            return "";
        }
        Optional<CommandRegistry.Resolved> resolved = registry.resolve(line);
        if (resolved.isEmpty() && line.name().contains("=")) {
            applySettings(line.words(), session);
            return "";
        }
        if (resolved.isEmpty() && applySampleType(line.name(), session)) {
            return "";
        }
        CommandRegistry.Resolved r = resolved.orElseThrow(() -> unknown(line.splitTailDigits().name()));
        return runWithOutput(r.command(), r.line(), session, out);
    }

    private String runWithOutput(Command c, CommandLine line, Session session, PrintWriter out) throws Exception {
        StringWriter captured = new StringWriter();
        Writer target = line.redirect() == null ? out : openRedirect(line.redirect());
        PrintWriter tee = new PrintWriter(new TeeWriter(target, captured));
        try {
            c.run(new Invocation(c.spec().flags().parse(line.args()), tee, session, this));
        } finally {
            tee.flush();
            if (line.redirect() != null) {
                target.close();
            }
            if (!keepLastOutput) {
                lastOutput = captured.toString();
            }
            keepLastOutput = false;
        }
        return captured.toString();
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

    /** pprof's sample-type shortcuts ({@code cpu}, {@code mean_cpu}, {@code total_cpu}); false when {@code word} is none. */
    private static boolean applySampleType(String word, Session session) throws Exception {
        LoadedProfile p = session.current();
        Optional<Settings> s = p == null ? Optional.empty()
                : Reports.sampleTypeShortcut(p.profile(), word, session.settings());
        s.ifPresent(session::settings);
        return s.isPresent();
    }

    private CommandException unknown(String word) {
        String hint = registry.closest(word).map(w -> " (did you mean '" + w + "'?)").orElse("");
        return new CommandException("unknown command '" + word + "'" + hint + "; type 'help' for the list");
    }

    /** The one line a user sees for a failure, cut to a reasonable length: for callers that run no line (the API). */
    public static String oneLine(Exception e) {
        return brief(message(e));
    }

    /** The one line a user sees for a failure. */
    static String message(Exception e) {
        if (e instanceof CommandException || e instanceof ReportException || e instanceof ProfileFormatException
                || e instanceof TargetGoneException || e instanceof profcon.attach.AgentException
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
