package profcon.console.command;

import java.nio.file.Path;
import java.util.List;
import profcon.console.ArgCompleters;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Invocation;
import profcon.console.LoadedProfile;
import profcon.console.ProfileFiles;
import profcon.console.Session;
import profcon.model.Profile;
import profcon.trace.Trace;
import profcon.trace.TraceReader;
import profcon.trace.TraceSummary;

/**
 * {@code load FILE [KIND]}: makes a saved profile (pprof protobuf, gzipped or not) the current
 * one, or a JFR recording read as the profile KIND (default: cpu when it has execution samples);
 * {@code load FILE.jfr trace} reads it as a trace: the summary, and {@code web} draws it.
 */
public final class LoadCommand implements Command {
    private static final String TRACE = "trace";

    @Override
    public CommandSpec spec() {
        return new CommandSpec("load", List.of("open"), "load FILE [KIND|trace]",
                "open a saved profile (.pb.gz, .pb), or a JFR recording (.jfr) as profile KIND, or as a trace",
                ArgCompleters.files(), List.of("load cpu.pb.gz", "load recording.jfr", "load recording.jfr lock",
                        "load trace.jfr trace"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        Session session = in.session();
        List<String> args = in.args().words();
        if (args.isEmpty() || args.size() > 2) {
            throw new CommandException("usage: " + spec().usage());
        }
        if (args.size() == 2 && args.get(1).equals(TRACE)) {
            loadTrace(Path.of(args.get(0)), in);
            return;
        }
        LoadedProfile previous = session.current();
        ProfileFiles.Opened opened = ProfileFiles.open(Path.of(args.get(0)), args.size() > 1 ? args.get(1) : null);
        Profile profile = opened.profile();
        if (previous != null && previous.unsaved()) {
            session.status("note: the unsaved " + previous.source() + " was replaced");
        }
        session.current(new LoadedProfile(profile, args.get(0), false));
        if (!opened.note().isEmpty()) {
            session.status(opened.note());
        }
        session.status(String.format(java.util.Locale.ROOT, "loaded %s: %,d samples, sample types %s",
                args.get(0), profile.samples().size(), profile.sampleTypes()));
    }

    /** {@code load FILE.jfr trace}: the file read as a trace, summarized; its cpu profile becomes current. */
    private static void loadTrace(Path file, Invocation in) throws Exception {
        Trace trace = TraceReader.read(file);
        TraceSummary.write(trace, TraceSummary.Options.DEFAULT, in.out());
        TraceCommand.current(in.session(), file, null, trace);
    }
}
