package profcon.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import profcon.attach.AttachException;
import profcon.attach.AttachedJvm;
import profcon.model.Profile;

/**
 * The {@code profcon} process: parses the command line ({@link CliArgs}), opens the target (a pid,
 * a saved profile, or the demo), then runs commands from {@code -c}, a runbook, piped input, or the
 * interactive console. Failures map to exit codes here and nowhere else.
 */
public final class Main {
    public static final String VERSION = "0.1.0";

    /** Inside Kubernetes' default 30 s termination grace, with room for the detach. */
    private static final java.time.Duration PUSH_STOP_GRACE = java.time.Duration.ofSeconds(20);
    private final CliArgs args;

    private Main(CliArgs args) {
        this.args = args;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs profcon as the process would, on the given streams, returning the exit code instead of exiting. */
    public static int run(PrintStream stdout, PrintStream stderr, String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        CliArgs parsed;
        try {
            parsed = CliArgs.parse(args);
        } catch (CliArgs.UsageException e) {
            err.println("profcon: " + e.getMessage() + " (see profcon --help)");
            return ExitCode.USAGE;
        }
        if (parsed.help() || parsed.version()) {
            out.print(parsed.help() ? CliOptions.HELP_TEXT : "profcon " + VERSION + "\n");
            out.flush();
            return ExitCode.OK;
        }
        try {
            return new Main(parsed).call(out, err);
        } catch (IOException | RuntimeException e) {
            // what picocli's default handler did with an exception out of the command: its trace, exit 1
            e.printStackTrace(err);
            err.flush();
            return ExitCode.COMMAND_FAILED;
        }
    }

    private int call(PrintWriter out, PrintWriter err) throws IOException {
        if (args.list()) {
            LocalJvms.print(LocalJvms.list(), out);
            return ExitCode.OK;
        }
        if (args.commands() != null && args.runbook() != null) {
            err.println("profcon: give -c or -f, not both (see profcon --help)");
            return ExitCode.USAGE;
        }
        String pushUsage = pushUsageError();
        if (pushUsage != null) {
            err.println("profcon: " + pushUsage + " (see profcon --help)");
            return ExitCode.USAGE;
        }
        boolean scripted = args.commands() != null || args.runbook() != null || args.push().given()
                || !Terminals.stdinIsTerminal();
        Session session = new Session(out, err, !scripted, args.yes());
        session.debug(args.debug());
        session.json(args.json());
        if (args.noNative()) {
            session.nativePolicy().refuse();
        }
        if (!applyBaseOptions(session)) {
            return ExitCode.USAGE;
        }
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> stop(session, main), "profcon-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int opened = open(session, scripted);
            if (opened != ExitCode.OK) {
                return opened;
            }
            return scripted ? runScript(session) : runInteractive(session);
        } finally {
            session.detach();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // SIGTERM arrived: the hook is running and detaches
            }
        }
    }

    /**
     * The shutdown hook. In continuous push mode a SIGTERM (systemd stop, a pod's end) first ends
     * the window in progress as Ctrl-C would, so that it and the spool reach the server or the
     * disk, for at most {@link #PUSH_STOP_GRACE}; then it detaches.
     */
    private void stop(Session session, Thread main) {
        if (args.push().given()) {
            session.cancel();
            try {
                main.join(PUSH_STOP_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        session.detach();
    }

    /** What is wrong with the --push options as given, or null. */
    private String pushUsageError() {
        CliArgs.PushOptions push = args.push();
        if (push.anyWithoutUrl()) {
            return "--every, --kinds, --service and --tenant go with --push URL";
        }
        if (push.given() && (args.commands() != null || args.runbook() != null)) {
            return "--push runs by itself: a runbook can say 'push URL every=60s' instead";
        }
        if (push.given() && args.target() == null && !args.demo()) {
            return "--push needs a target: profcon PID --push URL";
        }
        return null;
    }

    /** {@code --diff_base}/{@code --base}, as the settings of the same names; false after a one-line error. */
    private boolean applyBaseOptions(Session session) {
        try {
            if (args.diffBase() != null) {
                session.settings(session.settings().set("diff_base", args.diffBase()));
            }
            if (args.base() != null) {
                session.settings(session.settings().set("base", args.base()));
            }
            return true;
        } catch (profcon.report.ReportException e) {
            session.err().println("profcon: " + e.getMessage());
            return false;
        }
    }

    private int open(Session session, boolean scripted) {
        String target = args.target();
        try {
            if (args.demo()) {
                DemoTarget.Started started = DemoTarget.start();
                attach(session, started.pid(), started.process());
                DemoSources.applyTo(session);
            } else if (target != null && ProfileFiles.looksLikeFile(target)) {
                ProfileFiles.Opened opened = ProfileFiles.open(Path.of(target), null);
                session.current(new LoadedProfile(opened.profile(), target, false));
                if (!opened.note().isEmpty()) {
                    session.status(opened.note());
                }
            } else if (target != null) {
                attach(session, Long.parseLong(target), null);
            } else if (!scripted) {
                pick(session);
            }
            return ExitCode.OK;
        } catch (AttachException e) {
            session.err().println("profcon: " + e.getMessage());
            return ExitCode.ATTACH_FAILED;
        } catch (NumberFormatException e) {
            session.err().println("profcon: '" + target + "' is neither a pid nor a file");
            return ExitCode.USAGE;
        } catch (CommandException | IOException e) {
            session.err().println("profcon: " + e.getMessage());
            return args.demo() ? ExitCode.ATTACH_FAILED : ExitCode.COMMAND_FAILED;
        }
    }

    private static void attach(Session session, long pid, Process owned) throws AttachException {
        AttachedJvm jvm;
        try {
            jvm = AttachedJvm.attach(pid);
        } catch (AttachException | RuntimeException e) {
            if (owned != null) {
                owned.destroyForcibly();
            }
            throw e;
        }
        session.target(new Target(jvm, owned));
        if (session.interactive()) {
            jvm.notes().forEach(session::status);
            session.status("attached to " + pid + " (" + jvm.process().command() + "); type 'help' for commands");
        }
    }

    private void pick(Session session) throws AttachException, IOException {
        List<LocalJvms.Entry> jvms = LocalJvms.list();
        LocalJvms.print(jvms, session.out());
        if (jvms.isEmpty()) {
            return;
        }
        session.out().print("pid to attach to (Enter for none): ");
        session.out().flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (answer != null && !answer.isBlank()) {
            try {
                attach(session, Long.parseLong(answer.trim()), null);
            } catch (NumberFormatException e) {
                throw new AttachException("'" + answer.trim() + "' is not a pid");
            }
        }
    }

    private int runScript(Session session) throws IOException {
        ScriptRunner runner = new ScriptRunner(new Dispatcher(Commands.registry()));
        String commands = args.push().given() ? args.push().commandLine() : args.commands();
        Path runbook = args.runbook();
        if (commands != null) {
            return runner.run(ScriptRunner.fromCommandString(commands), session);
        }
        if (runbook != null) {
            if (!Files.isRegularFile(runbook)) {
                session.err().println("profcon: cannot read runbook " + runbook + ": no such file");
                return ExitCode.USAGE;
            }
            return runner.run(ScriptRunner.fromLines(runbook.toString(), Files.readAllLines(runbook)), session);
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return runner.run(ScriptRunner.fromLines("stdin", stdin.lines().toList()), session);
    }

    private int runInteractive(Session session) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            new Repl(terminal, new Dispatcher(Commands.registry())).run(session);
        }
        return ExitCode.OK;
    }
}
