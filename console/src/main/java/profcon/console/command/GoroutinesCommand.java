package profcon.console.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;
import profcon.attach.AgentChannel;
import profcon.console.ArgCompleters;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Invocation;
import profcon.console.LoadedProfile;
import profcon.console.Session;
import profcon.threads.GoroutineProfile;
import profcon.threads.GroupedThreadsReport;
import profcon.threads.ThreadDiffReport;
import profcon.threads.ThreadDump;
import profcon.threads.ThreadDumpCodec;
import profcon.threads.ThreadDumpFormatException;
import profcon.threads.ThreadDumpReport;

/**
 * {@code goroutines} (alias {@code threads}): the target's threads grouped by identical stack,
 * taken without a global safepoint; {@code -full} for every thread with its locks (a global
 * safepoint: warned, confirmed, measured); {@code diff} for the groups that grew since the last
 * dump; {@code -profile} to make the dump the current pprof profile ({@code goroutine/count}).
 */
public final class GoroutinesCommand implements Command {
    // The last grouped dump of this session: what 'goroutines diff' compares with, and the virtual thread count.
    private ThreadDump lastThreads;

    @Override
    public CommandSpec spec() {
        return new CommandSpec("goroutines", List.of("threads"), GoroutinesOptions.USAGE,
                "thread dump grouped by stack, without stopping the target (-full: every thread with locks, stops it)",
                ArgCompleters.functions(), List.of("goroutines", "goroutines SynchronousQueue state=WAITING",
                        "goroutines diff 10s", "goroutines label=tenant=acme", "goroutines -full --yes >threads.txt",
                        "goroutines -profile"))
                .withFlags(GoroutinesOptions.FLAGS);
    }

    @Override
    public void run(Invocation in) throws Exception {
        Session session = in.session();
        PrintWriter out = in.out();
        GoroutinesOptions o = GoroutinesOptions.parse(in.args());
        AgentChannel channel = session.requireTarget("goroutines").channel();
        if (o.diff()) {
            diff(session, channel, o, out);
            return;
        }
        byte[] raw = o.full() ? full(session, channel, o) : grouped(channel, o);
        if (o.raw()) {
            out.print(new String(raw, StandardCharsets.UTF_8));
            return;
        }
        ThreadDump dump = parse(raw);
        if (o.full()) {
            ThreadDumpReport.render(dump, o.query(), out);
        } else {
            GroupedThreadsReport.render(dump, o.query(), out);
            lastThreads = dump;
        }
        if (o.profile()) {
            session.current(new LoadedProfile(GoroutineProfile.of(dump), "goroutine profile of pid "
                    + session.target().pid(), true));
            session.status("the goroutine profile (goroutine/count) is now the current profile: top, traces, "
                    + "'save FILE'");
        }
    }

    private static byte[] grouped(AgentChannel channel, GoroutinesOptions o) throws IOException {
        return channel.call(new Request.Threads(Math.max(0, o.chunk()))).bytes();
    }

    private byte[] full(Session session, AgentChannel channel, GoroutinesOptions o) throws Exception {
        Reply.Estimate estimate = PauseGuard.estimate(channel, Request.Estimate.Kind.FULL);
        PauseGuard.check(session, "goroutines -full", String.format(Locale.ROOT,
                "%,d platform threads, %s virtual threads", estimate.platformThreads(),
                virtualCount(session)), estimate, o.yes());
        byte[] raw = channel.call(new Request.ThreadsFull()).bytes();
        ThreadDump dump = parse(raw);
        session.status(PauseGuard.measured("goroutines -full", dump.callNanos(), dump.stallNanos(), estimate));
        return raw;
    }

    /** Virtual threads are only counted by a dump; the last grouped one says how many there were. */
    private String virtualCount(Session session) {
        ThreadDump last = lastThreads;
        return last == null ? "uncounted ('goroutines' counts them without stopping the target;" 
                + " -full lists them after the pause)"
                : String.format(Locale.ROOT, "%,d (at the last 'goroutines'; listed after the pause)",
                last.virtualCount());
    }

    private void diff(Session session, AgentChannel channel, GoroutinesOptions o, PrintWriter out) throws Exception {
        ThreadDump before = lastThreads;
        if (before == null && o.interval().isZero()) {
            throw new CommandException("goroutines diff compares with the previous 'goroutines' of this session, and "
                    + "there is none: run 'goroutines' first, or 'goroutines diff 10s' to take both");
        }
        if (before == null) {
            before = parse(grouped(channel, o));
        }
        if (!o.interval().isZero()) {
            session.status("goroutines diff: waiting " + o.interval().toMillis() / 1000.0 + " s before the second snapshot");
            Thread.sleep(o.interval().toMillis()); // the interval the user asked to watch
        }
        ThreadDump after = parse(grouped(channel, o));
        ThreadDiffReport.render(before, after, o.query(), out);
        lastThreads = after;
    }

    private static ThreadDump parse(byte[] payload) throws CommandException {
        try {
            return ThreadDumpCodec.parse(new String(payload, StandardCharsets.UTF_8), "the agent's thread dump");
        } catch (ThreadDumpFormatException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
