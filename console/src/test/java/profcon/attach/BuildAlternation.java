package profcon.attach;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import profcon.pprof.PprofReader;
import profcon.safety.Poll;

/**
 * Attaches to one target again and again with the agent builds it is given, each time profiling
 * until the first samples, detaching, and reading what stays resident once profcon's threads are gone.
 */
final class BuildAlternation {
    /** One attach: its number, the build's name, and what the target holds after the detach and a GC. */
    record Step(int attach, String build, Resident resident) {
        String row() {
            return String.format(Locale.ROOT, "| %2d | %s | %,d | %,d | %d |", attach, build, resident.classes(),
                    resident.metaspaceKb(), resident.agentLoaders());
        }
    }

    static final String HEADER = "| attach | build | live classes | metaspace used (KB) | profcon agent loaders |\n"
            + "| ---: | --- | ---: | ---: | ---: |";
    private final String home;
    private final long pid;
    private final List<Step> steps = new ArrayList<>();
    private int attaches;

    BuildAlternation(String home, long pid) {
        this.home = home;
        this.pid = pid;
    }

    Step attach(String name, Path build) throws Exception {
        return attach(name, build, true);
    }

    /**
     * Attaches with {@code build}; reads what stays resident only when {@code measure} (each reading
     * is four jcmd calls and a full GC), else returns null and records no step.
     */
    Step attach(String name, Path build, boolean measure) throws Exception {
        attaches++;
        try (AttachedJvm jvm = AttachedJvm.attach(pid, build)) {
            jvm.client().call("start cpu");
            Poll.until(Duration.ofSeconds(30), "the first samples",
                    () -> !jvm.client().call("progress").message().contains("events=0"));
            // plain checks, not assertj: the bench runs this without the test libraries
            if (PprofReader.parse(jvm.client().call("stop").payload(), "profile").samples().isEmpty()) {
                throw new AssertionError("build " + name + " gave an empty profile");
            }
        }
        if (!measure) {
            return null;
        }
        Poll.until(Duration.ofSeconds(15), "profcon's threads to end", () -> !Resident.jcmd(home, pid, "Thread.print")
                .contains("\"profcon-"));
        Step step = new Step(attaches, name, Resident.of(home, pid));
        steps.add(step);
        return step;
    }

    List<Step> steps() {
        return steps;
    }

    String table() {
        StringBuilder table = new StringBuilder(HEADER);
        steps.forEach(s -> table.append('\n').append(s.row()));
        return table.toString();
    }
}
