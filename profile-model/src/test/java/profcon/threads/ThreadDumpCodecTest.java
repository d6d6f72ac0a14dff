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
    void sharesTheStackAnRLineRefersTo() throws Exception {
        ThreadDump dump = ThreadDumpCodec.parse(ThreadDumpCodec.MAGIC + "\n"
                + "T\t7\ta\tWAITING\td\t-1\t\t-1\t\nF\ta.B\tm\tB.java\t3\nF\ta.B\tn\tB.java\t9\n"
                + "T\t8\tb\tBLOCKED\t\t-1\tjava.lang.Object@1f\t7\ta\nR\t7\nM\t1\tjava.lang.Object@2e\n"
                + "T\t9\tc\tRUNNABLE\t\t-1\t\t-1\t\n", "test");
        DumpedThread a = dump.thread(7);
        DumpedThread b = dump.thread(8);
        assertThat(b.frames()).isSameAs(a.frames()).containsExactly(new Frame("a.B", "m", "B.java", 3),
                new Frame("a.B", "n", "B.java", 9));
        assertThat(b.lockedMonitors()).containsExactly(new DumpedThread.LockedMonitor(1, "java.lang.Object@2e"));
        assertThat(b.lockOwnerTid()).isEqualTo(7);
        assertThat(dump.thread(9).frames()).isEmpty();
    }

    @Test
    void anRLineMustReferToAnEarlierStack() {
        assertThatThrownBy(() -> ThreadDumpCodec.parse(ThreadDumpCodec.MAGIC + "\nT\t8\tb\tWAITING\t\t-1\t\t-1\t\n"
                + "R\t7\n", "x.txt"))
                .hasMessageContaining("line 3 is malformed (R refers to thread 7, which has no stack earlier");
        assertThatThrownBy(() -> ThreadDumpCodec.parse(ThreadDumpCodec.MAGIC + "\nT\t7\ta\tWAITING\t\t-1\t\t-1\t\n"
                + "F\ta.B\tm\tB.java\t3\nT\t8\tb\tWAITING\t\t-1\t\t-1\t\nR\t7\nF\ta.B\tm\tB.java\t3\n", "x.txt"))
                .hasMessageContaining("line 6 is malformed (a frame after the thread's R line)");
    }

    @Test
    void readsTheFirstVersion() throws Exception {
        ThreadDump dump = ThreadDumpCodec.parse(ThreadDumpCodec.MAGIC_V1 + "\nview\tfull\n"
                + "T\t1\tmain\tRUNNABLE\t\t-1\t\t-1\t\nF\ta.B\tm\tB.java\t3\n", "v1");
        assertThat(dump.view()).isEqualTo("full");
        assertThat(dump.threads().get(0).frames()).containsExactly(new Frame("a.B", "m", "B.java", 3));
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> ThreadDumpCodec.parse("hello", "x.txt"))
                .hasMessageContaining("reading x.txt: not a profcon thread dump");
        assertThatThrownBy(() -> ThreadDumpCodec.parse(ThreadDumpCodec.MAGIC + "\nT\tnope\n", "x.txt"))
                .hasMessageContaining("reading x.txt: line 2 is malformed");
    }
}
