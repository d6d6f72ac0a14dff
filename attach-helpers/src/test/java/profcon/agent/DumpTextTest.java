package profcon.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dump's line format: names with tabs, newlines, backslashes and non-ASCII cannot break it. */
class DumpTextTest {
    @Test
    void escapesWhatWouldBreakALine() {
        ThreadRecord t = new ThreadRecord();
        t.tid = 7;
        t.name = "w\u00f6rker\t1\\x\n\ud83d\ude00";
        t.state = "WAITING";
        t.frames.add(new StackTraceElement("a.B", "m", "B.java", 3));
        String text = new String(new DumpText(1).header("view", "grouped").threads(List.of(t))
                .deadlocks(List.of(new long[] {7, 8})).toBytes(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(DumpText.MAGIC + "\nview\tgrouped\n"
                + "T\t7\tw\u00f6rker\\t1\\\\x\\n\ud83d\ude00\tWAITING\t\t-1\t\t-1\t\n"
                + "F\ta.B\tm\tB.java\t3\nD\t7\t8\n");
    }
}
