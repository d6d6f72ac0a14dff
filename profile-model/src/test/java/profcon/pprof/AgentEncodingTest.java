package profcon.pprof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.agent.encoding.StackProfile;
import profcon.model.Profile;
import profcon.model.Sample;

/** What the agent encodes by hand, the console's protobuf-java reader reads back exactly. */
class AgentEncodingTest {
    private static StackProfile.Frame frame(String cls, String method, int line) {
        return new StackProfile.Frame(cls, method, line);
    }

    @Test
    void agentProfileReadsBackWithStacksLabelsAndTotals() throws Exception {
        StackProfile agent = new StackProfile(new String[][] {{"samples", "count"}, {"cpu", "nanoseconds"}}, "cpu",
                new String[] {"cpu", "nanoseconds"}, 10_000_000, 1000);
        List<StackProfile.Frame> hot = List.of(frame("com.example.Hot", "loop", 12), frame("com.example.Main", "main", 3));
        agent.add(hot, new String[] {"thread", "worker-1"}, 1, 10_000_000);
        agent.add(hot, new String[] {"thread", "worker-1"}, 1, 10_000_000);
        agent.add(List.of(frame("com.example.Outer$Inner", "run", 0)), new String[] {"thread", ""}, 1, 10_000_000);
        agent.comment("made by a test");

        Profile p = PprofReader.parse(agent.encode(123, 456), "agent");

        assertThat(p.samples()).hasSize(2);
        assertThat(p.total(0)).isEqualTo(3);
        assertThat(p.total(1)).isEqualTo(30_000_000);
        assertThat(p.defaultSampleType()).isEqualTo("cpu");
        assertThat(p.period()).isEqualTo(10_000_000);
        assertThat(p.durationNanos()).isEqualTo(456);
        assertThat(p.comments()).containsExactly("made by a test");
        Sample hotSample = p.samples().stream().filter(s -> s.values()[0] == 2).findFirst().orElseThrow();
        assertThat(hotSample.labels()).containsEntry("thread", List.of("worker-1"));
        assertThat(hotSample.locations().get(0).lines().get(0).function().name()).isEqualTo("com.example.Hot.loop");
        assertThat(hotSample.locations().get(0).lines().get(0).function().filename()).isEqualTo("com/example/Hot.java");
        assertThat(hotSample.locations().get(0).lines().get(0).line()).isEqualTo(12);
        Sample inner = p.samples().stream().filter(s -> s.values()[0] == 1).findFirst().orElseThrow();
        assertThat(inner.labels()).doesNotContainKey("thread");
        assertThat(inner.locations().get(0).lines().get(0).function().filename()).isEqualTo("com/example/Outer.java");
    }

    @Test
    void pastTheCapStacksAreFoldedAndTheProfileSaysSo() throws Exception {
        StackProfile agent = new StackProfile(new String[][] {{"samples", "count"}}, "samples",
                new String[] {"samples", "count"}, 1, 2);
        for (int i = 0; i < 5; i++) {
            agent.add(List.of(frame("C", "m" + i, 1)), new String[0], 1);
        }
        Profile p = PprofReader.parse(agent.encode(0, 0), "agent");
        assertThat(p.total(0)).isEqualTo(5);
        assertThat(p.samples()).hasSize(3);
        assertThat(p.comments()).anySatisfy(c -> assertThat(c).contains("3 events folded"));
    }

    @Test
    void writerAndReaderRoundTrip() throws Exception {
        StackProfile agent = new StackProfile(new String[][] {{"samples", "count"}}, "samples",
                new String[] {"samples", "count"}, 1, 100);
        agent.add(List.of(frame("a.B", "c", 7)), new String[] {"k", "v"}, 4);
        Profile p = PprofReader.parse(agent.encode(1, 2), "agent");
        Profile again = PprofReader.parse(PprofWriter.gzip(p), "rewritten");
        assertThat(again.total(0)).isEqualTo(4);
        assertThat(again.samples().get(0).labels()).isEqualTo(p.samples().get(0).labels());
        assertThat(again.functions()).extracting("name").containsExactly("a.B.c");
    }
}
