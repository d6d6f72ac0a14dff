package profcon.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.profiles.v1development.ExportProfilesServiceRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.api.Profcon;
import profcon.attach.SessionDirectory;
import profcon.console.ConsoleRun;
import profcon.console.TargetJvm;

/** Push against a real demo target: continuous mode through an outage until the target exits, and one push from a runbook. */
class PushIT {
    private static final Duration DEADLINE = Duration.ofMinutes(4);

    @TempDir
    Path tmp;

    @Test
    void continuousModeGetsEveryWindowToTheServerOnceAndInOrderThroughAnOutage() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (IngestReceiver receiver = new IngestReceiver()) {
            receiver.fail(3, 503); // down for the first three requests (windows, or drains of the spool), then back
            CompletableFuture<ConsoleRun> run;
            String service = "demo-" + ProcessHandle.current().pid(); // its own spool, which this test removes
            try (TargetJvm target = TargetJvm.start(home, "profcon.demo.Demo")) {
                run = CompletableFuture.supplyAsync(() -> ConsoleRun.of(Long.toString(target.pid()), "--no-native",
                        "--push", receiver.url(), "--every", "4s", "--kinds", "cpu,lock", "--service", service,
                        "--tenant", "team-a"));
                awaitAccepted(receiver, 6, run);
            } // the target exits: continuous mode ends by itself
            ConsoleRun done = run.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            Path spool = SessionDirectory.base().resolve("spool").resolve(service);
            assertThat(spool).isEmptyDirectory();
            Files.delete(spool);

            List<IngestReceiver.Received> got = receiver.received();
            assertThat(receiver.violations()).isEmpty();
            assertThat(done.exitCode()).as(done.err()).isZero();
            assertThat(done.err()).contains("HTTP 503: ingester unavailable retry later", "push the target exited",
                    ": " + got.size() + " windows pushed, 0 waiting");
            assertThat(got).extracting(r -> r.profile().timeNanos()).isSorted().doesNotHaveDuplicates();
            assertThat(got).extracting(IngestReceiver.Received::from).containsAll(receiver.refusedFroms());
            assertThat(got).extracting(IngestReceiver.Received::kind).containsSequence("cpu", "lock", "cpu", "lock");
            assertThat(got).allSatisfy(r -> assertThat(r.headers().get("X-scope-orgid")).containsExactly("team-a"));
            assertThat(got.get(0).query().get("name")).startsWith(service + ".cpu{host=");
        }
    }

    @Test
    void aRunbookPushFailsInOneLineKeepsTheProfileAndThenLandsAsPprofAndOtlp() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (IngestReceiver receiver = new IngestReceiver();
             TargetJvm target = TargetJvm.start(home, "profcon.demo.Demo");
             Profcon p = Profcon.attach(target.pid(), Profcon.NativeCode.REFUSED)) {
            p.profile("cpu", Duration.ofSeconds(3));
            receiver.fail(1, 400);
            assertThatThrownBy(() -> p.run("push " + receiver.url())).isInstanceOf(Profcon.ProfconException.class)
                    .hasMessage("push to " + receiver.url() + "/ingest failed: HTTP 400: ingester unavailable retry later");
            assertThat(p.run("top1")).contains("profcon.demo.");

            p.run("push " + receiver.url() + " service=shop");
            p.run("push otlp+" + receiver.url());
            Path otlp = tmp.resolve("cpu.otlp");
            p.run("save " + otlp);

            List<IngestReceiver.Received> got = receiver.received();
            assertThat(receiver.violations()).isEmpty();
            assertThat(got.get(0).query().get("name")).isEqualTo("shop.cpu{host=" + PushIdentity.localHost() + ",pid="
                    + target.pid() + "}");
            assertThat(got.get(0).profile().total(0)).isEqualTo(p.current().total(0));
            assertThat(got.get(1).otlp()).isEqualTo(ExportProfilesServiceRequest.parseFrom(Files.readAllBytes(otlp)));
        }
    }

    private static void awaitAccepted(IngestReceiver receiver, int count, CompletableFuture<ConsoleRun> run)
            throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (receiver.received().size() < count) {
            if (run.isDone()) {
                throw new AssertionError("continuous mode ended early: " + run.join().err());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + receiver.received().size() + " windows accepted within " + DEADLINE);
            }
            Thread.sleep(250); // polling the receiver, which has no ready line to wait for
        }
    }
}
