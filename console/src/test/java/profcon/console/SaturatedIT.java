package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * profcon on a target whose threads keep every CPU busy (issue #15): it answers, profiles the
 * method the CPUs really run, and leaves the target as it found it, scheduling included. No timing
 * asserts: the suite runs on loaded machines, and scripts/bench-saturated.sh measures the times.
 */
class SaturatedIT {
    private static final int SPINNERS = 8;

    @Test
    void answersAndProfilesTheSpinnersThenLeavesNothingBehind() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = TargetJvm.startOnClassPath(home, List.of(), TargetJvm.demoClassPath(),
                "profcon.demo.Saturated", "--threads=" + SPINNERS)) {
            long pid = target.pid();
            Map<String, String> scheduling = scheduling(pid);
            assertThat(scheduling).hasSize(SPINNERS);

            ConsoleRun info = ConsoleRun.of(Long.toString(pid), "-c", "info");
            assertThat(info.exitCode()).as(info.err()).isZero();
            assertThat(info.out()).contains("Target: pid " + pid + ", profcon.demo.Saturated")
                    .contains("agent:    profcon");

            ConsoleRun profile = ConsoleRun.of(Long.toString(pid), "-c", "profile cpu 2s; top5");
            assertThat(profile.exitCode()).as(profile.err()).isZero();
            assertThat(profile.firstTopRow()).contains("profcon.demo.Saturated$Spinner.burn");

            assertThat(awaitNoProfconThreads(pid)).noneMatch(name -> name.startsWith("profcon-"));
            assertThat(TargetThreads.jcmd(home, pid, "JFR.check")).contains("No available recordings");
            assertThat(scheduling(pid)).as("nice, priority and policy of each spinner").isEqualTo(scheduling);
            assertThat(target.isAlive()).isTrue();
        }
    }

    /** Each spinner thread's nice value, priority and scheduling policy (fields 18, 19 and 41 of its stat). */
    private static Map<String, String> scheduling(long pid) throws IOException {
        Map<String, String> bySpinner = new TreeMap<>();
        for (Path task : tasks(pid)) {
            String name = read(task.resolve("comm")).strip();
            if (name.startsWith("spinner-")) {
                String[] fields = afterName(read(task.resolve("stat")));
                bySpinner.put(name, fields[15] + " " + fields[16] + " " + fields[38]);
            }
        }
        return bySpinner;
    }

    /** The OS names of the target's threads (Java names cut to 15 characters) once no profcon-* is left, or after 15 s. */
    private static List<String> awaitNoProfconThreads(long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<String> names = threadNames(pid);
        while (names.stream().anyMatch(n -> n.startsWith("profcon-")) && System.nanoTime() < deadline) {
            Thread.sleep(100); // the agent's threads end asynchronously after the detach: poll the condition
            names = threadNames(pid);
        }
        return names;
    }

    private static List<String> threadNames(long pid) throws IOException {
        return tasks(pid).stream().map(task -> {
            try {
                return read(task.resolve("comm")).strip();
            } catch (IOException e) {
                return ""; // the thread ended meanwhile
            }
        }).toList();
    }

    private static List<Path> tasks(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    /** The fields after the {@code (name)} of a stat line: a thread's name may hold spaces. */
    private static String[] afterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }
}
