package profcon.console.command;

import java.time.Duration;
import java.util.List;
import profcon.agent.channel.Wire;
import profcon.agent.jfr.Recipes;
import profcon.agent.profile.Durations;
import profcon.agent.profile.ProfileKind;
import profcon.attach.AgentClient;
import profcon.attach.TargetGoneException;
import profcon.console.ArgCompleters;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Invocation;
import profcon.console.LoadedProfile;
import profcon.console.Session;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/**
 * {@code profile KIND DURATION}: collects a profile from the target for that long, showing
 * progress, and makes it the current profile. Ctrl-C stops early and keeps what was collected;
 * a snapshot pulled every few seconds keeps the data if the target dies mid-profile.
 */
public final class ProfileCommand implements Command, Command.MoreHelp {
    private static final Duration MAX = Duration.ofHours(24);
    private static final long PROGRESS_EVERY_MS = 1_000;
    private static final long SNAPSHOT_EVERY_MS = 5_000;

    @Override
    public CommandSpec spec() {
        return new CommandSpec("profile", List.of(), "profile KIND DURATION [period=10ms] [threshold=0ms]",
                "collect a profile from the target (kinds: " + Recipes.names() + ")", ArgCompleters.profileKinds(),
                List.of("profile cpu 10s", "profile cpu 30s period=20ms", "profile lock 5s",
                        "profile block 5s threshold=1ms", "profile wall 5s period=100ms"));
    }

    @Override
    public void moreHelp(java.io.PrintWriter out) {
        out.println("kinds, their settings, and what each cannot see:");
        for (ProfileKind k : Recipes.all()) {
            out.println("  " + k.kind() + " (" + k.settings(k.defaults()) + ")");
            out.println("      " + k.blindSpots());
        }
    }

    @Override
    public void run(Invocation in) throws Exception {
        Session session = in.session();
        List<String> args = in.args().words();
        AgentClient client = session.requireTarget("profile").client();
        if (args.size() < 2) {
            throw new CommandException("usage: " + spec().usage() + " (kinds: " + Recipes.names() + ")");
        }
        ProfileKind recipe = recipe(args.get(0));
        Duration duration = duration(args.get(1));
        String options = String.join(" ", args.subList(2, args.size()));
        String started = client.call(("start " + recipe.kind() + " max=" + Durations.format(duration.plusSeconds(60))
                + " " + options).trim()).message();
        Collection collection = collect(session, client, duration);
        keep(session, recipe, collection, started.replaceFirst("^started \\S+ ?", ""));
    }

    /** What came back: the profile bytes, and how the collection ended. */
    private record Collection(byte[] profile, String summary, String ending, boolean failed) {
    }

    private Collection collect(Session session, AgentClient client, Duration duration) throws Exception {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        byte[] snapshot = null;
        long nextSnapshot = start + SNAPSHOT_EVERY_MS * 1_000_000;
        try {
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                session.pause(Math.max(1, Math.min(PROGRESS_EVERY_MS, (end - now) / 1_000_000)));
                String progress = client.call("progress").message();
                session.progress().update(progressLine(progress, System.nanoTime() - start, duration));
                if (System.nanoTime() >= nextSnapshot && System.nanoTime() < end) {
                    snapshot = client.call("snapshot").payload();
                    nextSnapshot = System.nanoTime() + SNAPSHOT_EVERY_MS * 1_000_000;
                }
            }
        } catch (InterruptedException e) {
            session.progress().done();
            Wire.Reply reply = client.call("stop");
            return new Collection(reply.payload(), reply.message(), "stopped early (Ctrl-C); keeping what was collected",
                    false);
        } catch (TargetGoneException e) {
            session.progress().done();
            session.detach();
            if (snapshot == null) {
                throw new CommandException("the target exited during the profile, before any data reached the "
                        + "console; nothing was collected");
            }
            return new Collection(snapshot, "", "the target exited during the profile; keeping the data of its last "
                    + "snapshot (up to " + SNAPSHOT_EVERY_MS / 1000 + " s before it exited)", true);
        }
        session.progress().done();
        Wire.Reply reply = client.call("stop");
        return new Collection(reply.payload(), reply.message(), "", false);
    }

    private static void keep(Session session, ProfileKind recipe, Collection c, String settings) throws Exception {
        Profile profile = PprofReader.parse(c.profile(), "the " + recipe.kind() + " profile from the agent");
        session.current(new LoadedProfile(profile, "live " + recipe.kind() + " profile of "
                + (session.target() == null ? "the exited target" : "pid " + session.target().pid()), true));
        if (!c.ending().isEmpty()) {
            session.status(c.ending());
        }
        session.status(ProfileSummary.describe(profile, recipe, settings));
        if (c.failed()) {
            throw new CommandException("profile incomplete: the target is gone; 'save FILE' keeps what was collected");
        }
    }

    private static String progressLine(String agentProgress, long elapsedNanos, Duration total) {
        long events = 0;
        for (String word : agentProgress.split(" ")) {
            if (word.startsWith("events=")) {
                events = Long.parseLong(word.substring(7));
            }
        }
        long elapsed = Math.min(elapsedNanos / 1_000_000_000, total.toSeconds());
        return String.format(java.util.Locale.ROOT, "profiling: %ds elapsed, %ds to go, %,d events",
                elapsed, Math.max(0, total.toSeconds() - elapsed), events);
    }

    private static ProfileKind recipe(String kind) throws CommandException {
        try {
            return Recipes.named(kind);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    private static Duration duration(String text) throws CommandException {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        if (d.isZero() || d.compareTo(MAX) > 0) {
            throw new CommandException("duration must be more than 0 and at most 24h, got " + text);
        }
        return d;
    }
}
