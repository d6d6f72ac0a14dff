package profcon.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agent's thread-dump pieces that need no target: frame parsing, JSON, wait-for cycles. */
class ThreadDumpPartsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "java.base/java.lang.Object.wait0(Native Method)        | java.lang.Object | wait0 |           | -2",
        "app//a.b.C$D.run(C.java:12)                            | a.b.C$D          | run   | C.java    | 12",
        "a.B.m(Unknown Source)                                  | a.B              | m     |           | -1",
        "java.base@25/java.lang.Thread.run(Thread.java:1474)    | java.lang.Thread | run   | Thread.java | 1474"})
    void parsesJdkFrameText(String text, String cls, String method, String file, int line) {
        StackTraceElement e = Frames.parse(text);
        assertThat(e.getClassName()).isEqualTo(cls);
        assertThat(e.getMethodName()).isEqualTo(method);
        assertThat(e.getFileName()).isEqualTo(file);
        assertThat(e.getLineNumber()).isEqualTo(line);
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsJson() {
        Object v = MiniJson.parse("{\"a\": [1, \"x\\ty\\u0041\", true, null], \"b\": {}}");
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat((List<Object>) m.get("a")).containsExactly("1", "x\tyA", Boolean.TRUE, null);
        assertThat((Map<String, Object>) m.get("b")).isEmpty();
    }

    @Test
    void findsEachWaitForCycleOnceFromItsSmallestThread() {
        Map<Long, ThreadRecord> threads = new LinkedHashMap<>();
        waits(threads, 7, 5);
        waits(threads, 5, 9);
        waits(threads, 9, 7);
        waits(threads, 3, 7); // waits on the cycle without being part of it
        waits(threads, 1, 2); // waits on a running thread
        assertThat(DeadlockFinder.cycles(threads)).hasSize(1).first().isEqualTo(new long[] {5, 9, 7});
    }

    private static void waits(Map<Long, ThreadRecord> threads, long tid, long owner) {
        ThreadRecord t = new ThreadRecord();
        t.tid = tid;
        t.lock = "java.lang.Object@" + owner;
        t.lockOwnerTid = owner;
        threads.put(tid, t);
    }
}
