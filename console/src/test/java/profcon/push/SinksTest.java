package profcon.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import profcon.model.Profile;
import profcon.pprof.PprofReader;
import profcon.pprof.PprofWriter;

/** One push against a receiver that checks Pyroscope's documented ingest API, and every way it can fail. */
class SinksTest {
    private static final PushIdentity DEMO = new PushIdentity("profcon.demo.Demo", "host1", 42, "team-a");
    private IngestReceiver receiver;
    private Profile cpu;

    @BeforeEach
    void start() throws Exception {
        receiver = new IngestReceiver();
        cpu = PprofReader.read(Path.of(SinksTest.class.getResource("/fixtures/demo-cpu.pb.gz").toURI()));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aPushFollowsTheIngestApiAndCarriesTheProfileAsCollected() throws Exception {
        Sink sink = Sinks.parse(receiver.url(), DEMO, Duration.ofSeconds(30), AuthHeader.of("user:secret"));
        sink.send(new Window("cpu", 42, cpu));

        assertThat(receiver.violations()).isEmpty();
        IngestReceiver.Received r = receiver.received().get(0);
        assertThat(r.query()).containsEntry("name", "profcon.demo.Demo.cpu{host=host1,pid=42}")
                .containsEntry("format", "pprof").containsEntry("from", Long.toString(cpu.timeNanos() / 1_000_000_000L));
        assertThat(PprofWriter.encode(r.profile())).isEqualTo(PprofWriter.encode(cpu));
        assertThat(r.headers().get("X-scope-orgid")).containsExactly("team-a");
        assertThat(r.headers().get("Authorization")).containsExactly("Basic dXNlcjpzZWNyZXQ=");
    }

    @Test
    void noTenantNoAuthSendsNeitherHeader() throws Exception {
        PushIdentity plain = new PushIdentity("svc", "h", 7, "");
        Sinks.parse(receiver.url(), plain, Duration.ofSeconds(30), Optional.empty()).send(new Window("cpu", 7, cpu));
        assertThat(receiver.received().get(0).headers()).doesNotContainKeys("X-scope-orgid", "Authorization");
    }

    @Test
    void aServerErrorIsOneLineWithStatusAndMessageAndIsRetried() {
        receiver.fail(1, 503);
        assertThatThrownBy(() -> sink(30).send(new Window("cpu", 42, cpu)))
                .isInstanceOfSatisfying(PushException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessage("push to " + receiver.url() + "/ingest failed: HTTP 503: ingester unavailable retry later");
    }

    @Test
    void aClientErrorIsNotRetried() {
        receiver.fail(1, 400);
        assertThatThrownBy(() -> sink(30).send(new Window("cpu", 42, cpu)))
                .isInstanceOfSatisfying(PushException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("HTTP 400");
    }

    @Test
    void anUnreachableServerIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Sink sink = Sinks.parse("http://127.0.0.1:" + port, DEMO, Duration.ofSeconds(30), Optional.empty());
        assertThatThrownBy(() -> sink.send(new Window("cpu", 42, cpu))).isInstanceOf(PushException.class)
                .hasMessageStartingWith("push to http://127.0.0.1:" + port + "/ingest failed: cannot connect")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aStalledServerTimesOut() {
        receiver.stall(4_000);
        assertThatThrownBy(() -> sink(1).send(new Window("cpu", 42, cpu))).isInstanceOf(PushException.class)
                .hasMessageEndingWith("failed: no answer within 1 s");
    }

    @Test
    void otlpGoesToTheProfilesSignalPathWithTheResource() throws Exception {
        Sinks.parse("otlp+" + receiver.url(), DEMO, Duration.ofSeconds(30), Optional.empty()).send(new Window("cpu", 42, cpu));
        assertThat(receiver.violations()).isEmpty();
        var otlp = receiver.received().get(0).otlp();
        assertThat(otlp.getResourceProfiles(0).getScopeProfiles(0).getProfilesCount()).isEqualTo(cpu.sampleTypes().size());
        assertThat(otlp.getResourceProfiles(0).getResource().getAttributes(0).getValue().getStringValue())
                .isEqualTo("profcon.demo.Demo");
    }

    @Test
    void badUrlsAreRefusedBeforeAnyRequest() {
        for (String url : List.of("ftp://host", "http://user:pw@host:4040", "http://host:4040/?name=x", "pyroscope:4040")) {
            assertThatThrownBy(() -> Sinks.parse(url, DEMO)).as(url).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private Sink sink(int timeoutSeconds) {
        return Sinks.parse(receiver.url(), DEMO, Duration.ofSeconds(timeoutSeconds), Optional.empty());
    }
}
