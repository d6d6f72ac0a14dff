package profcon.api;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import profcon.agent.jfr.Recipes;
import profcon.agent.protocol.Request;
import profcon.attach.AttachException;
import profcon.attach.AttachedJvm;
import profcon.console.Commands;
import profcon.console.Dispatcher;
import profcon.console.LoadedProfile;
import profcon.console.ProfileFiles;
import profcon.console.Session;
import profcon.console.Target;
import profcon.console.command.ProfileCommand;
import profcon.model.Profile;
import profcon.report.ReportException;
import profcon.report.TopRows;

/**
 * profcon as a library, for JShell and JBang runbooks: attach, profile, run any console
 * command and get its output as text, or take the profile itself as data.
 *
 * <pre>{@code
 * try (Profcon p = Profcon.attach(pid)) {
 *     p.profile("cpu", Duration.ofSeconds(5));
 *     System.out.println(p.run("top5"));
 *     p.save(Path.of("cpu.pb.gz"));
 * }
 * }</pre>
 *
 * Every method runs the same commands as the console, through the same dispatcher; a command
 * that fails throws {@link ProfconException} with the one line the console would print.
 */
public final class Profcon implements AutoCloseable {
    private final StringWriter err = new StringWriter();
    // Output is taken from the dispatcher's capture, the same one expect and >FILE use; the screen is nowhere.
    private final Session session = new Session(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), false,
            false);
    private final Dispatcher dispatcher = new Dispatcher(Commands.registry());

    private Profcon() {
    }

    /** Whether profiles may load async-profiler's native library into the target (the CLI's --no-native). */
    public enum NativeCode {
        /** cpu and wall use async-profiler where it can load (the default). */
        ALLOWED,
        /** Nothing native is ever loaded: cpu and wall use JFR. */
        REFUSED
    }

    /** Attaches to a local JVM and loads the agent. */
    public static Profcon attach(long pid) throws AttachException {
        return attach(pid, NativeCode.ALLOWED);
    }

    /** Attaches to a local JVM and loads the agent; {@code NativeCode.REFUSED} is the CLI's --no-native. */
    public static Profcon attach(long pid, NativeCode nativeCode) throws AttachException {
        Profcon p = new Profcon();
        if (nativeCode == NativeCode.REFUSED) {
            p.session.nativePolicy().refuse();
        }
        p.session.target(new Target(AttachedJvm.attach(pid), null));
        return p;
    }

    /** Opens a saved profile (pprof protobuf, gzipped or not), with no target. */
    public static Profcon open(Path file) throws IOException {
        Profcon p = new Profcon();
        p.session.current(new LoadedProfile(ProfileFiles.read(file), file.toString(), false));
        return p;
    }

    /**
     * Collects a profile of {@code kind} for {@code duration} with {@code key=value} options
     * ({@code period=20ms}); it becomes the current profile. The same path as the console's
     * {@code profile} command, so the same status lines and failures.
     */
    public Profile profile(String kind, Duration duration, String... options) throws ProfconException {
        err.getBuffer().setLength(0);
        try {
            ProfileCommand.profile(session, Recipes.named(kind), duration, Request.Start.options(List.of(options)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProfconException("profile: interrupted");
        } catch (Exception e) {
            session.error(Dispatcher.oneLine(e)); // as the dispatcher would: the exception carries what stderr shows
            throw new ProfconException(err.toString().strip());
        }
        return current();
    }

    /** Runs one console command line ({@code top10 -cum}, {@code focus=Cache}, {@code tags}) and returns its output. */
    public String run(String commandLine) throws ProfconException {
        err.getBuffer().setLength(0);
        Optional<String> output;
        try {
            output = dispatcher.run(commandLine, session);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProfconException(commandLine + ": interrupted");
        }
        session.err().flush();
        return output.orElseThrow(() -> new ProfconException(err.toString().strip()));
    }

    /** The current profile as data (the model shaped like profile.proto). */
    public Profile current() throws ProfconException {
        LoadedProfile p = session.current();
        if (p == null) {
            throw new ProfconException("no profile yet");
        }
        return p.profile();
    }

    /** The top table as data (same filters and selection as {@code top ARGS}): e.g. {@code top(List.of("5", "-cum"))}. */
    public TopRows.Table top(java.util.List<String> args) throws ProfconException {
        try {
            return TopRows.of(current(), session.settings(), args);
        } catch (ReportException e) {
            throw new ProfconException(e.getMessage());
        }
    }

    /** Writes the current profile as gzipped pprof protobuf. */
    public void save(Path file) throws ProfconException {
        run("save '" + file + "'");
    }

    /** Detaches from the target, if any. */
    @Override
    public void close() {
        session.detach();
    }

    /** A command that failed; the message is the console's one-line error. */
    public static final class ProfconException extends Exception {
        public ProfconException(String message) {
            super(message);
        }
    }
}
