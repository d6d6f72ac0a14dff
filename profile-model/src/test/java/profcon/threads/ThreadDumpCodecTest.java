package profcon.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the agent's line format: escapes undone, deadlocks and the header kept, bad input named. */
class ThreadDumpCodecTest {
    @Test
    void readsEscapedNamesFramesAndDeadlocks() throws Exception {
        ThreadDump dump = ThreadDumpCodec.parse(ThreadDumpCodec.MAGIC + "\nview\tgrouped\n"
                + "T\t7\tw\u00f6rker\\t1\\\\x\\n\ud83d\ude00\tWAITING\td\t-1\t\t-1\t\n"
                + "F\ta.B\tm\tB.java\t3\nD\t7\t8\n", "test");
        DumpedThread t = dump.threads().get(0);
        assertThat(t.name()).isEqualTo("w\u00f6rker\t1\\x\n\ud83d\ude00");
        assertThat(t.daemon()).isTrue();
        assertThat(t.frames()).containsExactly(new Frame("a.B", "m", "B.java", 3));
        assertThat(dump.deadlocks()).containsExactly(List.of(7L, 8L));
        assertThat(dump.view()).isEqualTo("grouped");
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> ThreadDumpCodec.parse("hello", "x.txt"))
                .hasMessageContaining("reading x.txt: not a profcon thread dump");
        assertThatThrownBy(() -> ThreadDumpCodec.parse(ThreadDumpCodec.MAGIC + "\nT\tnope\n", "x.txt"))
                .hasMessageContaining("reading x.txt: line 2 is malformed");
    }
}
