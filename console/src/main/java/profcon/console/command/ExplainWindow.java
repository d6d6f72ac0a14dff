package profcon.console.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import profcon.agent.jfr.ExplainRecipe;
import profcon.agent.profile.Durations;
import profcon.agent.protocol.Request;
import profcon.attach.AgentChannel;
import profcon.attach.AgentException;
import profcon.attach.TargetGoneException;
import profcon.console.CommandException;
import profcon.console.Session;
import profcon.console.Target;
import profcon.explain.Evidence;
import profcon.explain.ProfileKinds;
import profcon.explain.SchedSummary;
import profcon.explain.ThreadSnapshot;
import profcon.model.Profile;
import profcon.pprof.PprofReader;
import profcon.threads.ThreadDumpCodec;
import profcon.threads.ThreadDumpFormatException;

/**
 * explain's live window: a /proc reading and a grouped thread snapshot, one JFR stream with every event the
 * rules need (the agent's {@link ExplainRecipe}) for the window, another snapshot and reading; the composite
 * profile split by kind.
 */
final class ExplainWindow {
    private ExplainWindow() {
    }

    /** Evidence and the split profiles (kept so the top finding's profile can become the current one). */
    record Collected(Evidence evidence, Map<String, Profile> profiles) {
    }

    static Collected collect(Session session, Duration window, boolean sampleVirtual) throws Exception {
        Target target = session.requireTarget("explain");
        AgentChannel channel = target.channel();
        beginJfr(channel);
        ExplainSched sched = ExplainSched.start(target.pid());
        ThreadSnapshot first = snapshot(channel);
        Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("max", Durations.format(window.plusSeconds(60)));
        if (sampleVirtual) {
            options.put("vthreads", "sample");
        }
        ProfileCollection.Outcome outcome;
        try {
            outcome = new ProfileCollection(channel, session::pause, session.progress())
                    .collect(new Request.Start(ExplainRecipe.KIND, options, window), window);
        } catch (TargetGoneException e) {
            session.detach();
            throw e;
        }
        if (outcome.targetGone()) {
            session.detach();
            throw new CommandException("explain: the target is gone before the window ended; nothing to judge");
        }
        ThreadSnapshot last = snapshot(channel);
        SchedSummary run = sched.finish(channel, SchedCommand.processors(target));
        Profile composite = PprofReader.parse(outcome.profile(), "the explain window's profile");
        Map<String, Profile> kinds = ProfileKinds.split(composite);
        Evidence e = new Evidence("pid " + target.pid() + ", live window", composite.durationNanos(),
                Durations.format(profcon.agent.jfr.Recipes.explain().defaults().threshold()), kinds.get("cpu"), kinds.get("lock"),
                kinds.get("block"), kinds.get("pause"), first, last, run, target.jvm().vm().feature());
        return new Collected(e, kinds);
    }

    /**
     * Has the agent initialise JFR while the first snapshot is taken, instead of after it (seconds on
     * a JVM's first use of JFR, docs/first-answer.md). Only a head start: an agent without the request
     * refuses it, and the stream's start then initialises JFR itself.
     */
    private static void beginJfr(AgentChannel channel) throws IOException {
        try {
            channel.call(new Request.JfrInit());
        } catch (AgentException e) {
            // an agent of a build before the request: nothing lost but the head start
        }
    }

    private static ThreadSnapshot snapshot(AgentChannel channel) throws IOException, CommandException {
        byte[] raw = channel.call(new Request.Threads(0)).bytes();
        try {
            return ExplainSnapshots.of(ThreadDumpCodec.parse(new String(raw, StandardCharsets.UTF_8),
                    "the agent's thread dump"));
        } catch (ThreadDumpFormatException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
