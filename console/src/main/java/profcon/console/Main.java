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
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import profcon.attach.AttachException;
import profcon.attach.AttachedJvm;
import profcon.model.Profile;

/**
 * The {@code profcon} process: parses the command line, opens the target (a pid, a saved
 * profile, or the demo), then runs commands from {@code -c}, a runbook, piped input, or the
 * interactive console. Failures map to exit codes here and nowhere else.
 */
@Command(name = "profcon", mixinStandardHelpOptions = true, version = "profcon " + Main.VERSION,
        description = "pprof for the live JVM: attach to a running JVM, profile it, and read the profile "
                + "with pprof's commands.%n%nWith no PID or FILE, lists the local JVMs and asks which to attach to.",
        footer = {"", "Exit codes: 0 ok, 1 a command failed, 2 usage error, 3 the target could not be attached."})
public final class Main implements Callable<Integer> {
    public static final String VERSION = "0.1.0";

    @Parameters(arity = "0..1", paramLabel = "PID|FILE", description = "a JVM's pid, a saved profile (.pb.gz), or a JFR recording (.jfr)")
    String target;

    @Option(names = {"-c", "--commands"}, paramLabel = "CMDS", description = "run these commands (separated by ';') and exit")
    String commands;

    @Option(names = {"-f", "--file"}, paramLabel = "RUNBOOK", description = "run the commands in this file, one per line, and exit")
    Path runbook;

    @Option(names = "--demo", description = "start the built-in demo target and attach to it")
    boolean demo;

    @Option(names = "--list", description = "list the local JVMs and exit")
    boolean list;

    @Option(names = "--yes", description = "in scripts, allow commands that pause the whole target (they still warn)")
    boolean yes;

    @Option(names = {"--diff_base", "-diff_base"}, paramLabel = "FILE",
            description = "compare with FILE: reports show the difference (pprof's -diff_base)")
    String diffBase;

    @Option(names = {"--base", "-base"}, paramLabel = "FILE", description = "subtract FILE (pprof's -base)")
    String base;

    @Option(names = "--json", description = "print reports as JSON (top, traces, tags) for machines")
    boolean json;

    @Option(names = "--debug", description = "print full stack traces of errors")
    boolean debug;

    @Option(names = "--no-native", description = "never load native code into the target: cpu and wall use JFR "
            + "(whose cpu shares are biased when the CPUs are busy; docs/cpu-engines.md)")
    boolean noNative;

    private final PrintStream stdout;
    private final PrintStream stderr;

    private Main(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs profcon as the process would, on the given streams, returning the exit code instead of exiting. */
    public static int run(PrintStream stdout, PrintStream stderr, String... args) {
        picocli.CommandLine cli = new picocli.CommandLine(new Main(stdout, stderr));
        cli.setOut(new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("profcon: " + e.getMessage() + " (see profcon --help)");
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        if (list) {
            LocalJvms.print(LocalJvms.list(), out);
            return ExitCode.OK;
        }
        if (commands != null && runbook != null) {
            err.println("profcon: give -c or -f, not both (see profcon --help)");
            return ExitCode.USAGE;
        }
        boolean scripted = commands != null || runbook != null || !Terminals.stdinIsTerminal();
        Session session = new Session(out, err, !scripted, yes);
        session.debug(debug);
        session.json(json);
        if (noNative) {
            session.nativePolicy().refuse();
        }
        if (!applyBaseOptions(session)) {
            return ExitCode.USAGE;
        }
        Thread hook = new Thread(session::detach, "profcon-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int opened = open(session, scripted);
            if (opened != ExitCode.OK) {
                return opened;
            }
            return scripted ? runScript(session) : runInteractive(session);
        } finally {
            session.detach();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** {@code --diff_base}/{@code --base}, as the settings of the same names; false after a one-line error. */
    private boolean applyBaseOptions(Session session) {
        try {
            if (diffBase != null) {
                session.settings(session.settings().set("diff_base", diffBase));
            }
            if (base != null) {
                session.settings(session.settings().set("base", base));
            }
            return true;
        } catch (profcon.report.ReportException e) {
            session.err().println("profcon: " + e.getMessage());
            return false;
        }
    }

    private int open(Session session, boolean scripted) {
        try {
            if (demo) {
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
            return demo ? ExitCode.ATTACH_FAILED : ExitCode.COMMAND_FAILED;
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
