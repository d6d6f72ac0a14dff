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

/** {@code save FILE}: writes the current profile as gzipped pprof protobuf, readable by {@code go tool pprof}. */
public final class SaveCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("save", List.of(), "save FILE.pb.gz",
                "write the current profile as gzipped pprof protobuf (go tool pprof reads it)", ArgCompleters.files(),
                List.of("save cpu.pb.gz"));
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
            PprofWriter.write(current.profile(), file);
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
