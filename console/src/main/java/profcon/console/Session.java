package profcon.console;

import java.io.PrintWriter;
import profcon.engine.NativePolicy;
import profcon.report.Settings;

/**
 * The console's shared state between commands: the target (if attached), the current profile,
 * the report settings, the native-code policy, the terminal (output, style, progress, questions) and cancellation.
 * State that one command owns (the last thread dump, the quit warning) lives in that command;
 * the last output and error live in the {@link Dispatcher}.
 */
public final class Session {
    private PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private final boolean assumeYes;
    private Target target;
    private profcon.explain.Explanation explanation;
    private LoadedProfile current;
    private profcon.trace.Trace trace;
    // Base profiles (diff_base=FILE) are read by the console's reader, which knows .jfr recordings too.
    private Settings settings = Settings.defaults().withBaseReader(ProfileFiles::readBase);
    private Progress progress = Progress.NONE;
    private boolean quitRequested;
    private boolean debug;
    private Style style = Style.PLAIN;
    private boolean json;
    private final Object cancelSignal = new Object();
    private volatile boolean cancelled;
    private Confirmer confirmer = Confirmer.NO_TERMINAL;
    private final NativePolicy nativePolicy = new NativePolicy();
    private profcon.push.PushStats push;

    public Session(PrintWriter out, PrintWriter err, boolean interactive, boolean assumeYes) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.assumeYes = assumeYes;
    }

    public PrintWriter out() {
        return out;
    }

    /** Points report output elsewhere (a {@code >FILE}, a capture) and returns what it replaced. */
    public PrintWriter swapOut(PrintWriter newOut) {
        PrintWriter old = out;
        out = newOut;
        return old;
    }

    public PrintWriter err() {
        return err;
    }

    /** True at a terminal prompt; false for -c, -f and piped input. */
    public boolean interactive() {
        return interactive;
    }

    /** True when the command line carried --yes: scripts may then run commands that stop the target. */
    public boolean assumeYes() {
        return assumeYes;
    }

    /** Status lines (what was collected, what was saved): to the terminal, or to stderr in scripts. */
    public void status(String line) {
        err.println(style.status(line));
        err.flush();
    }

    /** An error line, as the dispatcher prints it. */
    public void error(String line) {
        err.println(style.error(line));
        err.flush();
    }

    /** True with --json: reports print JSON for machines. */
    public boolean json() {
        return json;
    }

    public void json(boolean on) {
        this.json = on;
    }

    public void style(Style s) {
        this.style = s;
    }

    public Target target() {
        return target;
    }

    /** The target, or a CommandException saying that the command needs one. */
    public Target requireTarget(String command) throws CommandException {
        if (target == null) {
            throw new CommandException(command + " needs a target JVM: start profcon with a pid (profcon <pid>)");
        }
        return target;
    }

    public void target(Target t) {
        this.target = t;
    }

    public LoadedProfile current() {
        return current;
    }

    /** The current profile, or a CommandException saying how to get one. */
    public LoadedProfile requireProfile() throws CommandException {
        if (current == null) {
            throw new CommandException(target != null
                    ? "no profile yet: collect one with 'profile cpu 10s', or 'load FILE'"
                    : "no profile loaded: 'load FILE', or start profcon with a pid to profile a JVM");
        }
        return current;
    }

    /** A new current profile; the trace it may have come from is forgotten ({@link #trace(profcon.trace.Trace)} sets it after). */
    public void current(LoadedProfile p) {
        this.current = p;
        this.trace = null;
    }

    /** The trace the current profile came from (after {@code trace} or loading a trace), else null. */
    public profcon.trace.Trace trace() {
        return trace;
    }

    public void trace(profcon.trace.Trace t) {
        this.trace = t;
    }

    /** The last explain's conclusion, for {@code expect finding=ID}; null before any. */
    public profcon.explain.Explanation explanation() {
        return explanation;
    }

    public void explanation(profcon.explain.Explanation x) {
        this.explanation = x;
    }

    public Settings settings() {
        return settings;
    }

    public void settings(Settings s) {
        this.settings = s;
    }

    public Progress progress() {
        return progress;
    }

    public void progress(Progress p) {
        this.progress = p;
    }

    /**
     * Ctrl-C: asks the running command to stop. A flag, not {@link Thread#interrupt}: an
     * interrupt would close the agent channel in the middle of a request.
     */
    public void cancel() {
        synchronized (cancelSignal) {
            cancelled = true;
            cancelSignal.notifyAll();
        }
    }

    /** Clears a cancellation, before the next command starts. */
    public void resetCancel() {
        cancelled = false;
    }

    /** Waits up to {@code millis}; throws InterruptedException at once if Ctrl-C was pressed. */
    public void pause(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (cancelSignal) {
            for (long left = millis; !cancelled && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                cancelSignal.wait(left);
            }
        }
        if (cancelled) {
            throw new InterruptedException("cancelled");
        }
    }

    /** True with --debug: errors print their stack trace, not just their one line. */
    public boolean debug() {
        return debug;
    }

    public void debug(boolean on) {
        this.debug = on;
    }

    public boolean quitRequested() {
        return quitRequested;
    }

    public void requestQuit() {
        this.quitRequested = true;
    }

    /** Asks a yes/no question at the prompt (interactive sessions); false in scripts. */
    public boolean confirm(String question) {
        return interactive && confirmer.confirm(question);
    }

    public void confirmer(Confirmer c) {
        this.confirmer = c;
    }

    /** Whether native code is refused (--no-native), and which targets were told the library stays loaded. */
    public NativePolicy nativePolicy() {
        return nativePolicy;
    }

    /** What the last {@code push every=} run did, for {@code info}; null before one. */
    public profcon.push.PushStats push() {
        return push;
    }

    public void push(profcon.push.PushStats stats) {
        this.push = stats;
    }

    /** Detaches from the target, if any. */
    public void detach() {
        if (target != null) {
            target.close();
            target = null;
        }
    }
}
