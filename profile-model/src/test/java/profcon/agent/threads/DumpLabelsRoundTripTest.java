package profcon.agent.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.threads.DumpedThread;
import profcon.threads.ThreadDump;
import profcon.threads.ThreadDumpCodec;

/**
 * The agent's {@code L} lines (a thread's application labels) read back by the console's codec:
 * escaped keys and values intact, given to a platform thread written in {@code T} lines and to a
 * virtual thread known only from the JDK's JSON dump; a dump without them reads as before.
 */
class DumpLabelsRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("deprecation") // getId(): the tests run on JDK 17
    void labelsReachPlatformAndJsonOnlyThreads() throws Exception {
        ThreadInfo self = ManagementFactory.getThreadMXBean().getThreadInfo(Thread.currentThread().getId(), 4);
        Path json = tmp.resolve("threads.json");
        Files.writeString(json, "{\"threadDump\":{\"threadContainers\":[{\"container\":\"root\",\"threads\":["
                + "{\"tid\":\"9001\",\"name\":\"\",\"virtual\":true,\"stack\":[\"java.lang.Object.wait(Object.java)\"]}"
                + "]}]}}");
        DumpText text = new DumpText(2).header("view", "grouped");
        text.thread(self, false);
        text.labels(self.getThreadId(), new String[] {"tenant", "a\tb", "expr", "x=1;y"});
        text.labels(9001, new String[] {"tenant", "virtual-one"});
        text.labels(424242, new String[] {"tenant", "ended-meanwhile"});
        text.json(json);

        ThreadDump dump = ThreadDumpCodec.parse(new String(text.toBytes(), StandardCharsets.UTF_8), "round trip");

        assertThat(dump.thread(self.getThreadId()).labels()).containsExactly(Map.entry("expr", "x=1;y"),
                Map.entry("tenant", "a\tb"));
        DumpedThread virtual = dump.thread(9001);
        assertThat(virtual.virtual()).isTrue();
        assertThat(virtual.labels()).containsExactly(Map.entry("tenant", "virtual-one"));
        assertThat(dump.thread(424242)).isNull();
        assertThat(dump.header()).doesNotContainKey("L");
    }

    @Test
    @SuppressWarnings("deprecation")
    void aDumpWithoutLabelLinesGivesEveryThreadNone() throws Exception {
        ThreadInfo self = ManagementFactory.getThreadMXBean().getThreadInfo(Thread.currentThread().getId(), 4);
        DumpText text = new DumpText(1).header("view", "grouped");
        text.thread(self, false);

        ThreadDump dump = ThreadDumpCodec.parse(new String(text.toBytes(), StandardCharsets.UTF_8), "round trip");

        assertThat(dump.threads()).hasSize(1).allSatisfy(t -> assertThat(t.labels()).isEmpty());
    }
}
