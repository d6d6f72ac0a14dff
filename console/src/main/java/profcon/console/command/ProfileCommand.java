package profcon.console.command;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import profcon.agent.jfr.Recipes;
import profcon.agent.labels.LabelPairs;
import profcon.agent.profile.Durations;
import profcon.agent.profile.ProfileKind;
import profcon.agent.profile.SamplingOptions;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;
import profcon.attach.AgentException;
import profcon.attach.SessionDirectory;
import profcon.attach.TargetGoneException;
import profcon.console.ArgCompleters;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Invocation;
import profcon.console.LoadedProfile;
import profcon.console.Session;
import profcon.console.Target;
import profcon.engine.Engine;
import profcon.engine.EngineChoice;
import profcon.engine.LiveSource;
import profcon.engine.NativeProfile;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/**
 * {@code profile KIND DURATION}: collects a profile from the target for that long, showing
 * progress, and makes it the current profile. Ctrl-C stops early and keeps what was collected;
 * a snapshot pulled every few seconds keeps the data if the target dies mid-profile (JFR engine).
 * cpu and wall come from async-profiler where it can load, else from JFR (docs/cpu-engines.md).
 */
public final class ProfileCommand implements Command, Command.MoreHelp {
    private static final Duration MAX = Duration.ofHours(24);
    static final String ENGINE = "engine";

    @Override
    public CommandSpec spec() {
        return new CommandSpec("profile", List.of(), "profile KIND DURATION [period=10ms] [threshold=0ms] "
                + "[engine=async-profiler|jfr] [vthreads=sample]",
                "collect a profile from the target (kinds: " + Recipes.names() + ")", ArgCompleters.profileKinds(),
                List.of("profile cpu 10s", "profile cpu 30s period=20ms", "profile lock 5s",
                        "profile block 5s threshold=1ms", "profile wall 5s period=100ms", "profile cpu 10s engine=jfr",
                        "profile lock 10s vthreads=sample"));
    }

    @Override
    public void moreHelp(java.io.PrintWriter out) {
        out.println("kinds, their settings, and what each cannot see:");
        for (ProfileKind k : Recipes.all()) {
            out.println("  " + k.kind() + " (" + k.settings(k.defaults()) + ")");
            out.println("      " + k.blindSpots());
        }
        out.println("engines (cpu, wall): engine=async-profiler|jfr; cpu uses async-profiler where its library loads, "
                + "wall the agent's sampler; 'info' says which and why; --no-native refuses native code");
    }

    @Override
    public void run(Invocation in) throws Exception {
        Session session = in.session();
        List<String> args = in.args().words();
        if (!args.isEmpty() && args.get(0).equals("timing")) { // tracing costs every call: only where it warns and bounds
            throw new CommandException("use 'timing FILTER DURATION': it checks the filter and asks before tracing every call");
        }
        session.requireTarget("profile");
        if (args.size() < 2) {
            throw new CommandException("usage: " + spec().usage() + " (kinds: " + Recipes.names() + ")");
        }
        ProfileKind recipe = recipe(args.get(0));
        Duration duration = duration(args.get(1));
        profile(session, recipe, duration, Request.Start.options(args.subList(2, args.size())));
    }

    /**
     * Collects a {@code kind} profile from the session's target for {@code duration} and makes it
     * the current profile, saying how it went: the command's path, and the API's.
     */
    public static void profile(Session session, ProfileKind kind, Duration duration, Map<String, String> options)
            throws Exception {
        Target target = session.requireTarget("profile");
        check(duration, Durations.format(duration));
        Map<String, String> rest = new LinkedHashMap<>(options);
        String asked = rest.remove(ENGINE);
        EngineChoice engine = Engines.choose(session, kind.kind(), asked);
        LiveSource source = engine.engine() == Engine.ASYNC_PROFILER ? nativeSource(session, target, kind, duration, rest)
                : agentSource(target, kind, duration, rest);
        if (engine.engine() == Engine.JFR && kind.kind().equals("cpu") && asked == null) {
            session.status("cpu engine: jfr (" + engine.reason() + "); " + EngineChoice.JFR_BIAS);
        }
        ProfileCollection.Outcome outcome;
        try {
            outcome = new ProfileCollection(target.channel(), session::pause, session.progress()).collect(source, duration);
        } catch (TargetGoneException e) {
            session.detach();
            throw e;
        }
        if (outcome.targetGone()) {
            session.detach();
        }
        keep(session, kind, engine, outcome);
    }

    private static LiveSource agentSource(Target target, ProfileKind kind, Duration duration, Map<String, String> options) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("max", Durations.format(duration.plusSeconds(60))); // the agent stops by itself if the console vanishes
        all.putAll(options);
        // The window goes with the start: the agent ends it on time itself, so the stop finds its events delivered.
        return new AgentSource(target.channel(), new Request.Start(kind.kind(), all, duration));
    }

    private static LiveSource nativeSource(Session session, Target target, ProfileKind kind, Duration duration,
                                           Map<String, String> options) throws IOException, CommandException {
        SamplingOptions sampling;
        try {
            SamplingOptions base = kind.kind().equals("cpu") ? kind.defaults().withPeriod(NativeProfile.CPU_PERIOD)
                    : kind.defaults();
            sampling = SamplingOptions.parse(base, new Request.Start(kind.kind(), options, duration).optionWords());
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        Path library = session.nativePolicy().library().orElseThrow().install(SessionDirectory.base().resolve("native"));
        session.nativePolicy().announce(target.pid()).ifPresent(session::status);
        return NativeProfile.of(target.pid(), library, target.jvm().directory(), kind.kind(), sampling, duration,
                new AgentOfTarget(target));
    }

    /** The native engine's questions to profcon's agent; an agent whose build predates one answers nothing. */
    private record AgentOfTarget(Target target) implements NativeProfile.TargetAgent {
        @Override
        public NativeProfile.Labels labels() throws IOException {
            return labelsNow(target);
        }

        @Override
        public void guard(Path library) {
            try {
                // the real path: the agent accepts only a library it finds mapped in the target under that name
                target.channel().call(new Request.NativeGuard(library == null ? Request.NativeGuard.NONE
                        : library.toRealPath().toString()));
            } catch (IOException | IllegalArgumentException e) { // AgentException is an IOException
                // Never fails the profile (the profiler is already running when this is asked): unguarded,
                // async-profiler's own timeout (window + 60 s) still stops it; a gone target is seen next.
            }
        }
    }

    /** The application's labels now, from the agent; none where the agent's build predates the request. */
    private static NativeProfile.Labels labelsNow(Target target) throws IOException {
        Reply.Payload reply;
        try {
            reply = target.channel().call(new Request.Labels());
        } catch (AgentException e) {
            return NativeProfile.Labels.NONE;
        }
        return new NativeProfile.Labels(reply.what().equals("labels"), LabelPairs.parseLines(reply.bytes()));
    }

    private static void keep(Session session, ProfileKind recipe, EngineChoice engine, ProfileCollection.Outcome c)
            throws Exception {
        Profile profile = PprofReader.parse(c.profile(), "the " + recipe.kind() + " profile from the " + engine.engine().label()
                + " engine");
        if (recipe.kind().equals("cpu") || recipe.kind().equals("wall")) {
            List<String> comments = new ArrayList<>(profile.comments());
            comments.add("profcon engine: " + engine.describe());
            profile = profile.withComments(comments);
        }
        session.current(new LoadedProfile(profile, "live " + recipe.kind() + " profile of "
                + (session.target() == null ? "the exited target" : "pid " + session.target().pid()), true));
        if (!c.ending().isEmpty()) {
            session.status(c.ending());
        }
        session.status(ProfileSummary.describe(profile, recipe, c.settings()));
        profile.comments().stream().filter(n -> n.startsWith(NativeProfile.NOTE)).forEach(session::status);
        if (c.targetGone()) {
            throw new CommandException("profile incomplete: the target is gone; 'save FILE' keeps what was collected");
        }
    }

    private static ProfileKind recipe(String kind) throws CommandException {
        try {
            return Recipes.named(kind);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    private static Duration duration(String text) throws CommandException {
        return WindowArgument.parse(text, MAX, outOfRange(text));
    }

    private static void check(Duration d, String text) throws CommandException {
        WindowArgument.check(d, MAX, outOfRange(text));
    }

    private static String outOfRange(String text) {
        return "duration must be more than 0 and at most 24h, got " + text;
    }
}
