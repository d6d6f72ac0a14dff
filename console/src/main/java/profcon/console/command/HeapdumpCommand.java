package profcon.console.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;
import profcon.attach.AgentChannel;
import profcon.console.ArgCompleters;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Flags;
import profcon.console.Invocation;
import profcon.console.Session;

/**
 * {@code heapdump FILE [-all] [--yes]}: an HPROF heap dump, live objects only unless {@code -all}.
 * The target writes it into the session directory (the only place the agent writes); the console
 * then moves it to FILE, so the target never writes where the user's path points.
 */
public final class HeapdumpCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("heapdump", List.of(), "heapdump FILE.hprof [-all] [--yes]",
                "write an HPROF heap dump (stops the target: warns and asks first; -all keeps unreachable objects)",
                ArgCompleters.files(), List.of("heapdump heap.hprof"))
                .withFlags(Flags.switches("-all", "--yes"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        Session session = in.session();
        boolean all = in.args().has("-all");
        boolean yes = in.args().has("--yes");
        if (in.args().positional().size() != 1) {
            throw new CommandException("usage: " + spec().usage());
        }
        Path file = Path.of(in.args().positional().get(0));
        check(file);
        AgentChannel channel = session.requireTarget("heapdump").channel();
        Reply.Estimate estimate = PauseGuard.estimate(channel, Request.Estimate.Kind.HEAPDUMP);
        PauseGuard.check(session, "heapdump", String.format(Locale.ROOT, "%s%,d MB of heap in use written out",
                all ? "" : "a full GC, then ", estimate.heapUsed() >> 20), estimate, yes);
        Reply.HeapDump reply = channel.call(new Request.HeapDump(!all));
        Path written = reply.file();
        try {
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CommandException("the heap dump is at " + written + " but could not be moved to " + file + ": "
                    + e.getMessage() + " (it is deleted when the session ends)");
        }
        session.status(PauseGuard.measured("heapdump", reply.callNanos(), reply.stallNanos(), estimate));
        session.status(String.format(Locale.ROOT, "heap dump (%s) written to %s (%,d MB)",
                all ? "all objects" : "live objects", file, Files.size(file) >> 20));
    }

    private static void check(Path file) throws CommandException {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file) || parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new CommandException("cannot write " + file + ": not a writable file path");
        }
        if (Files.exists(file)) {
            throw new CommandException("cannot write " + file + ": it exists (heap dumps are large: remove it first)");
        }
    }
}
