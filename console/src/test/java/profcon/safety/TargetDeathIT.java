package profcon.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.attach.AttachedJvm;
import profcon.console.Commands;
import profcon.console.Dispatcher;
import profcon.console.Session;
import profcon.console.Target;
import profcon.console.TargetJvm;
import profcon.pprof.PprofReader;

/** The target dies mid-profile: the console says so, keeps its last snapshot, and goes on with saved profiles. */
class TargetDeathIT {
    @TempDir
    Path tmp;

    @Test
    void consoleKeepsTheLastSnapshotAndGoesOn() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Session session = new Session(new PrintWriter(out, true), new PrintWriter(err, true), false, false);
        Dispatcher console = new Dispatcher(Commands.registry());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (TargetJvm target = Targets.demo(home)) {
            session.target(new Target(AttachedJvm.attach(target.pid()), null));
            Future<Boolean> profile = executor.submit(() -> console.execute("profile cpu 120s engine=jfr", session));
            // The console pulls a snapshot every 5 s (the JFR engine: async-profiler keeps none, see
            // NativeEngineIT); the scenario is a target that dies after one.
            Poll.until(Duration.ofSeconds(120), "7 s of profile", () -> elapsedMillis(session) >= 7_000);
            target.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            assertThat(profile.get(60, TimeUnit.SECONDS)).as(err.toString()).isFalse();
            assertThat(err.toString())
                    .contains("the target exited during the profile; keeping the data of its last snapshot")
                    .contains("profile incomplete: the target is gone; 'save FILE' keeps what was collected")
                    .doesNotContain("\tat ").doesNotContain("internal error");
            assertThat(out.toString() + err).doesNotContain("\tat ");
            assertThat(session.target()).as("the console let go of the dead target").isNull();

            Path saved = tmp.resolve("last.pb.gz");
            assertThat(console.execute("save " + saved, session)).as(err.toString()).isTrue();
            assertThat(PprofReader.read(saved).samples()).isNotEmpty();
            out.getBuffer().setLength(0);
            assertThat(console.execute("top 3", session)).as(err.toString()).isTrue();
            assertThat(out.toString()).contains("profcon.demo.Demo");
            assertThat(console.execute("load " + saved, session)).as(err.toString()).isTrue();
            assertThat(console.execute("traces", session)).as(err.toString()).isTrue();

            err.getBuffer().setLength(0);
            assertThat(console.execute("profile cpu 1s", session)).isFalse();
            assertThat(err.toString().strip()).startsWith("profile needs a target JVM").doesNotContain("\n");
        } finally {
            executor.shutdownNow();
            session.detach();
        }
    }

    /** How long the agent has been profiling, asked on the console's own channel (calls take turns). */
    private static long elapsedMillis(Session session) throws Exception {
        for (String word : session.target().client().call("progress").message().split(" ")) {
            if (word.startsWith("elapsed_ms=")) {
                return Long.parseLong(word.substring(11));
            }
        }
        return 0;
    }
}
