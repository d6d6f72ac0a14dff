package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A console killed with SIGKILL mid-profile: the agent notices and leaves nothing running in the
 * target. (The JFR engine; NativeEngineIT kills a console mid native profile.)
 */
class ConsoleDeathIT {
    @Test
    void agentStopsWhenTheConsoleIsKilled() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.Demo")) {
            Process console = new ProcessBuilder(List.of(Path.of(home, "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), Long.toString(target.pid()),
                    "-c", "profile cpu 120s engine=jfr")).redirectErrorStream(true).start();
            try {
                String dump = awaitSampler(home, target.pid());
                assertThat(dump).contains("\"profcon-sampler\"");
                console.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

                String after = TargetThreads.awaitNoProfconThreads(home, target.pid());
                assertThat(after).doesNotContain("\"profcon-");
                assertThat(TargetThreads.jcmd(home, target.pid(), "JFR.check")).contains("No available recordings");
                assertThat(target.isAlive()).isTrue();
            } finally {
                console.destroyForcibly();
            }
        }
    }

    private static String awaitSampler(String home, long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String dump = TargetThreads.dump(home, pid);
        while (!dump.contains("\"profcon-sampler\"") && System.nanoTime() < deadline) {
            Thread.sleep(250); // waiting for the console (another process) to attach and start; poll the condition
            dump = TargetThreads.dump(home, pid);
        }
        return dump;
    }
}
