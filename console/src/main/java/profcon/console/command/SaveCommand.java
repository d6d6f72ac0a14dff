package profcon.console.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import profcon.console.ArgCompleters;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Invocation;
import profcon.console.LoadedProfile;
import profcon.console.Session;
import profcon.pprof.PprofWriter;
import profcon.push.OtlpFile;
import profcon.push.PushIdentity;

/** {@code save FILE}: writes the current profile as gzipped pprof protobuf ({@code go tool pprof} reads it) or, for {@code .otlp}, as OTLP profiles. */
public final class SaveCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("save", List.of(), "save FILE.pb.gz|FILE.otlp",
                "write the current profile as gzipped pprof protobuf (go tool pprof reads it), or as OTLP profiles "
                        + "(.otlp)", ArgCompleters.files(),
                List.of("save cpu.pb.gz", "save cpu.otlp"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        Session session = in.session();
        List<String> args = in.args().words();
        if (args.size() != 1) {
            throw new CommandException("usage: " + spec().usage());
        }
        LoadedProfile current = session.requireProfile();
        Path file = Path.of(args.get(0));
        check(file);
        try {
            if (OtlpFile.named(file)) {
                OtlpFile.write(current.profile(), identity(session), file);
            } else {
                PprofWriter.write(current.profile(), file);
            }
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage());
        }
        session.current(current.saved());
        if (current.profile().samples().isEmpty()) {
            // An empty file is a finding too, but never a silent one (casebook 8).
            session.status("note: " + current.source() + " has no samples; saved anyway, with its comments saying "
                    + "how it was collected");
        }
        session.status(String.format(java.util.Locale.ROOT, "saved %s to %s (%,d distinct stacks)",
                current.source(), file, current.profile().samples().size()));
    }

    /** The attached target's identity for the OTLP resource; none for a loaded file or a target gone. */
    private static PushIdentity identity(Session session) {
        if (session.target() == null) {
            return null;
        }
        try {
            return PushIdentity.of(session.target().info(), session.target().pid(), null, null);
        } catch (IOException e) {
            return null; // the profile is worth saving without its origin
        }
    }

    private static void check(Path file) throws CommandException {
        if (Files.isDirectory(file)) {
            throw new CommandException("cannot write " + file + ": it is a directory");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new CommandException("cannot write " + file + ": directory " + parent + " does not exist");
        }
        if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new CommandException("cannot write " + file + ": permission denied");
        }
    }
}
