package profcon.console.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import profcon.agent.profile.Durations;
import profcon.console.ArgCompleter;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Flags;
import profcon.console.Invocation;
import profcon.console.LoadedProfile;
import profcon.console.Session;
import profcon.explain.Evidence;
import profcon.explain.Explainer;
import profcon.explain.Explanation;
import profcon.explain.ExplanationReport;
import profcon.explain.Finding;
import profcon.model.Profile;

/**
 * {@code explain [DURATION] | explain FILE...}: names the bug shape. Live, one window collects what
 * the rules need; offline, a .jfr recording or saved profiles (or the current profile) are judged
 * with the shapes their data allows. Ranked findings, or what was checked and found healthy.
 */
public final class ExplainCommand implements Command {
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    private static final Duration MAX_WINDOW = Duration.ofMinutes(10);
    private static final String VTHREADS_SAMPLE = "vthreads=sample";

    @Override
    public CommandSpec spec() {
        return new CommandSpec("explain", List.of(), "explain [DURATION] [vthreads=sample] [--json] | explain FILE.jfr|FILE.pb.gz... "
                + "[--json]", "name the bug shape: ranked findings with evidence, culprit frame and the command that "
                + "confirms it (live: one window, default 10s; offline: a recording or saved profiles)",
                ArgCompleter.NONE, List.of("explain", "explain 5s", "explain --json", "explain 10s vthreads=sample", "explain recording.jfr"))
                .withFlags(Flags.switches("--json"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        Session session = in.session();
        List<String> args = new java.util.ArrayList<>(in.args().positional());
        // opt-in like profile lock's: the sampler's JDK thread dumps can crash a JDK 21-25 target
        boolean sampleVirtual = args.remove(VTHREADS_SAMPLE);
        Explanation x;
        if (!args.isEmpty() && !isDuration(args.get(0))) {
            x = Explainer.explain(ExplainFiles.of(args));
        } else if (session.target() == null) {
            if (args.size() > 0 || session.current() == null) {
                throw new CommandException("explain: no target: attach to a JVM (profcon PID), or give a .jfr or "
                        + "saved profiles ('explain FILE...'), or 'load' one first");
            }
            x = Explainer.explain(ExplainFiles.current(session.current()));
        } else {
            x = live(session, args.isEmpty() ? DEFAULT_WINDOW : window(args.get(0)), sampleVirtual);
        }
        session.explanation(x);
        if (session.json() || in.args().has("--json")) {
            ExplanationReport.json(x, in.out());
        } else {
            ExplanationReport.write(x, in.out());
        }
    }

    private static Explanation live(Session session, Duration window, boolean sampleVirtual) throws Exception {
        session.status("explain: watching the target for " + Durations.format(window)
                + " (cpu, lock, block, pauses in one JFR stream; thread snapshots at both ends) ...");
        long started = System.nanoTime();
        ExplainWindow.Collected c = ExplainWindow.collect(session, window, sampleVirtual);
        // what the window really cost in wall time, snapshots and drain included: the promise is window + 3 s
        session.status(String.format(java.util.Locale.ROOT, "explain: collected in %.1f s (window %s)",
                (System.nanoTime() - started) / 1e9, Durations.format(window)));
        Evidence e = c.evidence();
        Explanation x = Explainer.explain(e);
        keepTopProfile(session, x, c.profiles());
        return x;
    }

    /** The top finding's profile becomes the current one, so its confirming command runs as printed. */
    private static void keepTopProfile(Session session, Explanation x, Map<String, Profile> profiles) {
        String kind = x.findings().stream().map(Finding::profile).filter(profiles::containsKey).findFirst()
                .orElse("cpu");
        session.current(new LoadedProfile(profiles.get(kind), "the " + kind + " profile of explain's window", true));
        session.status("the " + kind + " profile of this window is now the current profile");
    }

    private static boolean isDuration(String word) {
        return word.matches("\\d+(ns|us|ms|s|m|h)");
    }

    private static Duration window(String text) throws CommandException {
        Duration d = Durations.parse(text);
        if (d.isZero() || d.compareTo(MAX_WINDOW) > 0) {
            throw new CommandException("explain: DURATION must be more than 0 and at most 10m");
        }
        return d;
    }
}
