package profcon.console.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import profcon.agent.jfr.Recipes;
import profcon.agent.profile.Durations;
import profcon.agent.profile.ProfileKind;
import profcon.attach.SessionDirectory;
import profcon.console.ArgCompleter;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Flags;
import profcon.console.Invocation;
import profcon.console.LoadedProfile;
import profcon.console.Session;
import profcon.push.AuthHeader;
import profcon.push.ContinuousPush;
import profcon.push.Delivery;
import profcon.push.PushException;
import profcon.push.PushIdentity;
import profcon.push.Sink;
import profcon.push.Sinks;
import profcon.push.Spool;
import profcon.push.Window;

/**
 * {@code push URL}: sends the current profile to a Pyroscope server ({@code http://…}) or an
 * OTLP/HTTP endpoint ({@code otlp+http://…}); with {@code every=}, continuous mode: collect
 * windows of {@code kinds=} and push each, spooling on disk while the server is down
 * (docs/push.md). The auth header comes from the environment ({@link AuthHeader#VARIABLE}).
 */
public final class PushCommand implements Command {
    private static final Pattern LIVE = Pattern.compile("live (\\w+) profile.*");

    @Override
    public CommandSpec spec() {
        return new CommandSpec("push", List.of(), "push URL [every=60s kinds=cpu,lock,alloc] [service=NAME] [tenant=ID]",
                "send the current profile to Pyroscope (http://) or OTLP (otlp+http://); with every=, keep collecting "
                        + "and pushing (auth from $" + AuthHeader.VARIABLE + ")", ArgCompleter.NONE,
                List.of("push http://pyroscope:4040", "push otlp+http://collector:4318",
                        "push http://pyroscope:4040 every=60s kinds=cpu,lock,alloc tenant=team-a"))
                .withFlags(Flags.NONE.options("every", "kinds", "service", "tenant"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        List<String> urls = in.args().positional();
        if (urls.size() != 1) {
            throw new CommandException("usage: " + spec().usage());
        }
        if (in.args().option("every") != null) {
            continuous(in, urls.get(0));
        } else {
            once(in, urls.get(0));
        }
    }

    private void once(Invocation in, String url) throws Exception {
        Session session = in.session();
        LoadedProfile current = session.requireProfile();
        String kind = kindOf(current, in.args().option("kinds"));
        Sink sink = sink(url, identity(in));
        try {
            sink.send(new Window(kind, pid(session), current.profile()));
        } catch (PushException e) {
            throw new CommandException(e.getMessage());
        }
        session.status("pushed the " + kind + " profile to " + sink.describe());
    }

    private void continuous(Invocation in, String url) throws Exception {
        Session session = in.session();
        session.requireTarget("push every=");
        Duration every = duration(in.args().option("every"));
        List<ProfileKind> kinds = kinds(in.args().option("kinds"));
        PushIdentity identity = identity(in);
        Sink sink = sink(url, identity);
        Spool spool = new Spool(SessionDirectory.base().resolve("spool").resolve(identity.service().replaceAll("[^\\w.-]", "_")),
                Spool.DEFAULT_MAX_BYTES, Spool.DEFAULT_MAX_FILES);
        Delivery delivery = new Delivery(sink, spool, session::status);
        session.push(delivery.stats());
        session.status("push: every " + Durations.format(every) + ", kinds " + names(kinds) + ", to " + sink.describe()
                + " as " + identity.service() + "; spool " + spool.directory() + " (bound " + spool.bounds() + "); Ctrl-C stops");
        String ending = new ContinuousPush(session, kinds, every, delivery).run();
        session.status("push " + ending + "; " + delivery.stats().describe());
    }

    private static PushIdentity identity(Invocation in) throws Exception {
        Session s = in.session();
        Map<String, String> info = s.target() == null ? Map.of() : s.target().info();
        return PushIdentity.of(info, pid(s), in.args().option("service"), in.args().option("tenant"));
    }

    private static long pid(Session s) {
        return s.target() == null ? 0 : s.target().pid();
    }

    private static Sink sink(String url, PushIdentity identity) throws CommandException {
        try {
            return Sinks.parse(url, identity);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    /** The kind of a profile for its name: {@code kinds=} if given, else what its source says, else "profile". */
    private static String kindOf(LoadedProfile p, String given) {
        if (given != null) {
            return given;
        }
        Matcher m = LIVE.matcher(p.source());
        return m.matches() ? m.group(1) : "profile";
    }

    private static List<ProfileKind> kinds(String text) throws CommandException {
        List<ProfileKind> kinds = new ArrayList<>();
        for (String k : (text == null ? "cpu" : text).split(",")) {
            try {
                kinds.add(Recipes.named(k.strip()));
            } catch (IllegalArgumentException e) {
                throw new CommandException(e.getMessage());
            }
        }
        return kinds;
    }

    private static Duration duration(String text) throws CommandException {
        try {
            Duration d = Durations.parse(text);
            if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofHours(1)) > 0) {
                throw new CommandException("every= must be between 1s and 1h, got " + text);
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    private static String names(List<ProfileKind> kinds) {
        return String.join(",", kinds.stream().map(ProfileKind::kind).toList());
    }
}
