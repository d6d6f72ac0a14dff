package profcon.attach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import profcon.console.TargetJvm;

/**
 * Prints what stays resident in one target over repeated attaches, per JDK: alternating two agent
 * builds then a third, and the same build every time (what attaching itself costs, for comparison).
 * Usage: {@code AgentVersionsBench [--attaches=10] JAVA_HOME...}; run by scripts/bench-agent-versions.sh.
 */
public final class AgentVersionsBench {
    private AgentVersionsBench() {
    }

    public static void main(String[] args) throws Exception {
        int attaches = 10;
        List<String> homes = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--attaches=")) {
                attaches = Integer.parseInt(arg.substring("--attaches=".length()));
            } else {
                homes.add(arg);
            }
        }
        Path work = Files.createTempDirectory("profcon-bench-builds");
        Path a = AgentBuilds.current();
        Path b = AgentBuilds.variant("B", work);
        Path c = AgentBuilds.variant("C", work);
        for (String home : homes) {
            BuildAlternation alternating = run(home, attaches, List.of(a, b), c);
            System.out.printf("%n%s: %d attaches alternating builds A and B, then C%n%s%n", home, attaches,
                    alternating.table());
            BuildAlternation same = run(home, attaches, List.of(a), null);
            System.out.printf("%n%s: %d attaches of build A%n%s%n", home, attaches, same.table());
        }
    }

    private static BuildAlternation run(String home, int attaches, List<Path> builds, Path last) throws Exception {
        try (TargetJvm target = TargetJvm.startOnClassPath(home, List.of(), TargetJvm.demoClassPath(),
                "profcon.demo.Demo", "--threads=1")) {
            BuildAlternation run = new BuildAlternation(home, target.pid());
            for (int i = 0; i < attaches; i++) {
                run.attach(String.valueOf((char) ('A' + i % builds.size())), builds.get(i % builds.size()));
            }
            if (last != null) {
                run.attach("C", last);
            }
            return run;
        }
    }
}
