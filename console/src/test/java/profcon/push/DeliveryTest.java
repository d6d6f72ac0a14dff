package profcon.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/** Windows reach the server once each and in order through failures, the spool keeps its bounds, and a broken spool loses one window, not the run. */
class DeliveryTest {
    @TempDir
    Path dir;

    @Test
    void aServerDownForThreeRequestsGetsEveryWindowOnceInOrder() throws Exception {
        try (IngestReceiver receiver = new IngestReceiver()) {
            receiver.fail(3, 503);
            List<String> lines = new ArrayList<>();
            Delivery delivery = new Delivery(sink(receiver), new Spool(dir.resolve("spool"), 1 << 20, 100), lines::add);
            for (int i = 1; i <= 5; i++) {
                delivery.deliver(window(i));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!delivery.drain() && System.nanoTime() < deadline) {
                Thread.sleep(200); // the receiver recovers after its third refusal; drain is what is under test
            }
            delivery.deliver(window(6));

            assertThat(receiver.violations()).isEmpty();
            assertThat(receiver.received()).extracting(IngestReceiver.Received::from).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(receiver.refusedFroms()).hasSize(3).allSatisfy(from -> assertThat(from).isBetween(1L, 5L));
            assertThat(lines).filteredOn(l -> l.contains("HTTP 503")).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).endsWith("cpu window spooled"));
            assertThat(delivery.stats().describe()).contains(": 6 windows pushed, 0 waiting");
        }
    }

    @Test
    void atTheBoundTheOldestAreDroppedAndCounted() throws Exception {
        Spool spool = new Spool(dir.resolve("spool"), 1 << 20, 3);
        for (int i = 1; i <= 5; i++) {
            spool.add(window(i));
        }
        assertThat(spool.dropped()).isEqualTo(2);
        assertThat(spool.files()).isEqualTo(3);
        assertThat(spool.read(spool.oldest().orElseThrow()).profile().timeNanos()).isEqualTo(3_000_000_000L);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("spool")))).isEqualTo("rwx------");

        Spool byBytes = new Spool(dir.resolve("small"), Files.size(spool.oldest().orElseThrow().file()) * 2 + 10, 100);
        for (int i = 1; i <= 4; i++) {
            byBytes.add(window(i));
        }
        assertThat(byBytes.files()).isEqualTo(2);
        assertThat(byBytes.dropped()).isEqualTo(2);
    }

    @Test
    void aSpoolThatCannotBeWrittenLosesTheWindowInOneLineAndDeliveryGoesOn() throws Exception {
        try (IngestReceiver receiver = new IngestReceiver()) {
            Spool spool = new Spool(dir.resolve("spool"), 1 << 20, 100);
            Files.delete(dir.resolve("spool"));
            Files.writeString(dir.resolve("spool"), "not a directory: as good as a full disk for a writer");
            receiver.fail(1, 503);
            List<String> lines = new ArrayList<>();
            Delivery delivery = new Delivery(sink(receiver), spool, lines::add);
            delivery.deliver(window(1));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("push to ").contains(
                    "HTTP 503", "; cannot spool the cpu window").endsWith("it is lost, collection goes on"));
            assertThat(delivery.stats().describe()).contains("1 lost (spool write failed)");
        }
    }

    @Test
    void aRefusalIsOneLineNotRetriedAndTheNextWindowGoes() throws Exception {
        try (IngestReceiver receiver = new IngestReceiver()) {
            receiver.fail(1, 400);
            List<String> lines = new ArrayList<>();
            Delivery delivery = new Delivery(sink(receiver), new Spool(dir.resolve("spool"), 1 << 20, 100), lines::add);
            delivery.deliver(window(1));
            delivery.deliver(window(2));
            assertThat(lines).singleElement().satisfies(l -> assertThat(l).contains("HTTP 400")
                    .endsWith("the server refuses this window, not retried"));
            assertThat(receiver.received()).extracting(IngestReceiver.Received::from).containsExactly(2L);
            assertThat(delivery.stats().describe()).contains("1 refused by the server");
        }
    }

    @Test
    void aStalledServerTimesOutInOneLineAndTheWindowWaitsInTheSpool() throws Exception {
        try (IngestReceiver receiver = new IngestReceiver()) {
            receiver.stall(4_000);
            List<String> lines = new ArrayList<>();
            Sink slow = Sinks.parse(receiver.url(), new PushIdentity("svc", "h", 9, ""), Duration.ofSeconds(1),
                    Optional.empty());
            Spool spool = new Spool(dir.resolve("spool"), 1 << 20, 100);
            new Delivery(slow, spool, lines::add).deliver(window(1));
            assertThat(lines).singleElement().satisfies(l -> assertThat(l).contains("no answer within 1 s")
                    .endsWith("cpu window spooled"));
            assertThat(spool.files()).isEqualTo(1);
        }
    }

    private static Sink sink(IngestReceiver receiver) {
        return Sinks.parse(receiver.url(), new PushIdentity("svc", "h", 9, ""), Duration.ofSeconds(30), Optional.empty());
    }

    /** A window whose profile starts at second {@code i}, so the receiver's {@code from} names it. */
    private static Window window(int i) throws Exception {
        Profile cpu = PprofReader.read(Path.of(DeliveryTest.class.getResource("/fixtures/demo-cpu.pb.gz").toURI()));
        return new Window("cpu", 9, new Profile(cpu.sampleTypes(), cpu.defaultSampleType(), cpu.samples(), cpu.mappings(),
                cpu.locations(), cpu.functions(), "", "", i * 1_000_000_000L, 1_000_000_000L, cpu.periodType(), cpu.period(),
                cpu.comments(), cpu.docUrl()));
    }
}
