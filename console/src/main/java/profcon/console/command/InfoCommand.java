package profcon.console.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import profcon.console.ArgCompleter;
import profcon.console.Command;
import profcon.console.CommandSpec;
import profcon.console.Invocation;
import profcon.console.LoadedProfile;
import profcon.console.Session;
import profcon.model.Profile;

/** {@code info}: the target, the current profile and the settings in force. */
public final class InfoCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("info", List.of(), "info",
                "describe the target (JVM, threads, GC, agent cost) and the current profile", ArgCompleter.NONE,
                List.of());
    }

    @Override
    public void run(Invocation in) throws Exception {
        Session session = in.session();
        PrintWriter out = in.out();
        if (session.target() != null) {
            Map<String, String> info = session.target().info();
            target(info, out);
            engines(session, out);
        } else {
            out.println("Target: none (profcon <pid> attaches to a JVM)");
        }
        LoadedProfile p = session.current();
        if (p != null) {
            profile(p, out);
        }
        if (session.push() != null) {
            out.println("Push: " + session.push().describe());
        }
    }

    private static void target(Map<String, String> i, PrintWriter out) {
        out.println("Target: pid " + i.get("pid") + ", " + i.get("main"));
        out.println("  JVM:      " + i.get("vm") + " (" + i.get("java_home") + ")");
        out.println("  uptime:   " + human(Duration.ofMillis(Long.parseLong(i.getOrDefault("uptime_ms", "0")))));
        out.println("  threads:  " + i.get("threads") + " live (" + i.get("daemon_threads") + " daemon), peak "
                + i.get("peak_threads") + "; " + i.get("processors") + " processors");
        out.println("  GC:       " + i.get("gc"));
        out.printf(Locale.ROOT, "  heap:     %,d MB used of %,d MB max%n",
                Long.parseLong(i.getOrDefault("heap_used", "0")) >> 20, Long.parseLong(i.getOrDefault("heap_max", "0")) >> 20);
        out.println("  agent:    profcon " + i.get("agent_version") + ", profiling " + i.get("profiling")
                + ", CPU used by its threads so far " + Long.parseLong(i.getOrDefault("agent_cpu_ns", "0")) / 1_000_000 + " ms");
        if (i.containsKey("profiling_settings")) {
            out.println("  settings: " + i.get("profiling_settings") + "; " + i.get("profiling_events") + " events so far");
        }
    }

    /** Which engine 'profile cpu' and 'profile wall' would use now, and why. */
    private static void engines(Session session, PrintWriter out) throws Exception {
        for (String kind : List.of("cpu", "wall")) {
            out.printf(Locale.ROOT, "  %-9s engine %s%n", kind + ":", Engines.choose(session, kind, null).describe());
        }
    }

    private static void profile(LoadedProfile lp, PrintWriter out) {
        Profile p = lp.profile();
        out.println("Profile: " + lp.source() + (lp.unsaved() ? " (not saved)" : ""));
        out.println("  sample types: " + p.sampleTypes() + (p.defaultSampleType().isEmpty() ? ""
                : ", default " + p.defaultSampleType()));
        out.printf(Locale.ROOT, "  samples:      %,d; duration %s%n", p.samples().size(),
                human(Duration.ofNanos(p.durationNanos())));
        for (String c : p.comments()) {
            out.println("  comment:      " + c);
        }
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
