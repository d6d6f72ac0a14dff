package profcon.console.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import profcon.agent.profile.Durations;
import profcon.agent.protocol.Request;
import profcon.console.ArgCompleters;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Flags;
import profcon.console.Invocation;
import profcon.console.JfrRecording;
import profcon.console.LoadedProfile;
import profcon.console.Session;
import profcon.console.Target;
import profcon.trace.Trace;
import profcon.trace.TraceCollection;
import profcon.trace.TraceReader;
import profcon.trace.TraceSummary;

/**
 * {@code trace DURATION [FILE.jfr] [kind=KIND] [--force]}: one JFR recording of the window with
 * everything profcon sees (cpu samples, waits, allocations, pauses, thread starts and ends, and
 * {@code sched}'s run-queue readings), written to FILE, then the summary: a timeline per thread
 * group, the pauses, threads started and ended, and the top lock. Afterwards the trace's cpu profile
 * (or KIND) is the current profile and {@code web} can draw the trace.
 */
public final class TraceCommand implements Command {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @Override
    public CommandSpec spec() {
        return new CommandSpec("trace", List.of(), "trace DURATION [FILE.jfr] [kind=KIND] [--force]",
                "record everything profcon sees for DURATION (at most 60s) into a .jfr file and show a timeline per "
                        + "thread group, pauses, threads started and ended, and the top lock",
                ArgCompleters.files(), List.of("trace 10s", "trace 10s checkout.jfr", "trace 5s kind=lock"))
                .withFlags(Flags.switches("--force").options("kind"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        List<String> args = in.args().positional();
        if (args.isEmpty() || args.size() > 2) {
            throw new CommandException("usage: " + spec().usage());
        }
        Duration window = window(args.get(0));
        Session session = in.session();
        if (args.size() > 1) {
            check(Path.of(args.get(1)), in.args().has("--force"));
        }
        Target target = session.requireTarget("trace");
        Path file = args.size() > 1 ? Path.of(args.get(1))
                : Path.of("trace-" + target.pid() + "-" + STAMP.format(LocalDateTime.now()) + ".jfr");
        check(file, in.args().has("--force"));
        session.status("trace: recording pid " + target.pid() + " for " + Durations.format(window) + " into " + file
                + " (Ctrl-C stops early and keeps what was recorded) ...");
        TraceCollection.Recorded r = record(target, window, file, session);
        Trace trace = TraceReader.read(r.file());
        in.out().printf(Locale.ROOT, "wrote %s (%,d KB, %.1f s%s)%n", r.file(), Files.size(r.file()) >> 10,
                r.nanos() / 1e9, r.targetExited() ? ", the target exited mid-trace" : r.cutShort()
                        ? ", stopped early by Ctrl-C" : "");
        TraceSummary.write(trace, TraceSummary.Options.DEFAULT, in.out());
        current(session, r.file(), in.args().option("kind"), trace);
    }

    // at least 1 ms: the agent's request counts the window in milliseconds
    private Duration window(String text) throws CommandException {
        return WindowArgument.parse(text, Duration.ofMillis(1), Request.Trace.MAX, "trace: DURATION must be more than 0 "
                + "and at most " + Durations.format(Request.Trace.MAX) + " (a trace keeps every thread's events: for "
                + "longer windows use 'profile')", spec().usage());
    }

    private static void check(Path file, boolean force) throws CommandException {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file) || parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new CommandException("cannot write " + file + ": not a writable file path");
        }
        if (Files.exists(file) && !force) {
            throw new CommandException("cannot write " + file + ": it exists (add --force to overwrite it)");
        }
    }

    private static TraceCollection.Recorded record(Target target, Duration window, Path file, Session session)
            throws IOException, CommandException {
        TraceCollection.Recorded r = new TraceCollection(target.pid(), target.channel(),
                SchedCommand.processors(target)).record(window, file, session::pause);
        if (r.targetExited()) {
            session.status("trace: the target exited mid-trace; the file holds what it recorded until then");
        } else if (r.cutShort()) {
            session.status("trace: stopped early by Ctrl-C; the file holds the window so far");
        }
        if (!r.schedNote().isEmpty()) {
            session.status("trace: no run-queue waits in this trace: " + r.schedNote());
        }
        return r;
    }

    /** The trace's profile of {@code kind} (cpu when none is named) becomes current, and the trace is kept for web. */
    static void current(Session session, Path file, String kind, Trace trace) throws IOException,
            CommandException {
        JfrRecording recording = JfrRecording.read(file);
        if (kind != null || !recording.kinds().isEmpty()) {
            JfrRecording.Kind chosen = recording.choose(kind);
            session.current(new LoadedProfile(chosen.profile(), file + " (" + chosen.kind() + ")", false));
            session.status("the trace's " + chosen.kind() + " profile is now the current profile (top, peek, web; "
                    + recording.holds() + ")");
        }
        session.trace(trace);
    }
}
