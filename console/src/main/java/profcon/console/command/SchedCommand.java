package profcon.console.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import profcon.agent.profile.Durations;
import profcon.console.ArgCompleters;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Flags;
import profcon.console.Invocation;
import profcon.console.LoadedProfile;
import profcon.console.Session;
import profcon.console.Target;
import profcon.sched.SchedCollection;
import profcon.sched.SchedJson;
import profcon.sched.SchedReport;
import profcon.sched.SchedResult;

/**
 * {@code sched DURATION}: how the target's threads shared the CPUs over DURATION, from Linux's
 * per-thread scheduler counters: CPU time and run-queue wait per pool (or thread), the CPUs the
 * target may use, the machine's load, cgroup throttling, and a verdict when a pool is CPU-starved.
 * The window's run-queue profile becomes the current profile; {@code sched save FILE} and
 * {@code sched load FILE} keep and reopen the result as JSON.
 */
public final class SchedCommand implements Command {
    private static final Duration MAX = Duration.ofMinutes(10);
    // The last result of this session: what 'sched save' writes.
    private SchedResult last;

    @Override
    public CommandSpec spec() {
        return new CommandSpec("sched", List.of(), "sched DURATION|save FILE.json|load FILE.json [by=thread] [--json]",
                "CPU time and run-queue wait per thread pool over DURATION (Linux /proc), with CPU limits and throttling",
                ArgCompleters.files(), List.of("sched 5s", "sched 10s by=thread", "sched save sched.json",
                        "sched load sched.json", "sched 5s --json >sched.json"))
                .withFlags(Flags.switches("--json").options("by"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        List<String> args = in.args().positional();
        String by = in.args().option("by");
        if (by != null && !by.equals("thread") && !by.equals("pool")) {
            throw new CommandException("sched: by= takes thread or pool, got '" + by + "'");
        }
        boolean byThread = "thread".equals(by);
        if (args.size() == 2 && args.get(0).equals("save")) {
            save(Path.of(args.get(1)), in.session());
        } else if (args.size() == 2 && args.get(0).equals("load")) {
            last = load(Path.of(args.get(1)));
            render(last, byThread, in);
        } else if (args.size() == 1) {
            last = measure(window(args.get(0)), in.session());
            render(last, byThread, in);
        } else {
            throw new CommandException("usage: " + spec().usage());
        }
    }

    private Duration window(String text) throws CommandException {
        return WindowArgument.parse(text, Duration.ofNanos(1), MAX, "sched: DURATION must be more than 0 and at most 10m",
                spec().usage());
    }

    private static SchedResult measure(Duration window, Session session) throws Exception {
        Target target = session.requireTarget("sched");
        int processors = processors(target);
        session.status("sched: reading the scheduler's counters of pid " + target.pid() + " for "
                + Durations.format(window) + " ...");
        SchedCollection.Measured m;
        try {
            m = SchedCollection.measure(target.pid(), target.channel(), processors, window.toMillis(), session::pause);
        } catch (profcon.sched.SchedUnavailableException e) {
            throw new CommandException(e.getMessage());
        }
        if (m.cutShort()) {
            session.status(String.format(java.util.Locale.ROOT, "sched: stopped early by Ctrl-C, after %.1f s",
                    m.result().seconds()));
        }
        session.current(new LoadedProfile(m.profile(), "run-queue profile of pid " + target.pid(), true));
        session.status("the run-queue profile (runqueue/nanoseconds by thread stack) is now the current profile: "
                + "top, 'save FILE.pb.gz'; 'sched save FILE.json' keeps this result");
        return m.result();
    }

    /** The JVM's own CPU count (the agent's info), which the budget compares with the cpuset; 0 when unknown. */
    static int processors(Target target) throws IOException {
        try {
            return Integer.parseInt(target.info().getOrDefault("processors", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void render(SchedResult r, boolean byThread, Invocation in) {
        if (in.session().json() || in.args().has("--json")) {
            SchedJson.write(r, byThread, in.out());
        } else {
            SchedReport.write(r, byThread, in.out());
        }
    }

    private void save(Path file, Session session) throws CommandException {
        if (last == null) {
            throw new CommandException("sched save: no sched result yet: run 'sched 5s' or 'sched load FILE' first");
        }
        StringWriter json = new StringWriter();
        SchedJson.write(last, false, new PrintWriter(json));
        try {
            Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage());
        }
        session.status("saved the sched result to " + file + " ('sched load " + file + "' shows it again)");
    }

    private static SchedResult load(Path file) throws CommandException {
        try {
            return SchedJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new CommandException(file + ": " + e.getMessage());
        }
    }
}
