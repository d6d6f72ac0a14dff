package profcon.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JDK's JSON thread dump read whole, and scanned for thread ids only, give the same threads. */
class JsonThreadsTest {
    private static final String DUMP = """
            {"threadDump": {"threadContainers": [
              {"container": "<root>", "threads": [
                {"tid": "12", "name": "Reference Handler", "state": "RUNNABLE", "stack": []},
                {"tid": "31", "name": "profcon-sampler", "state": "TIMED_WAITING", "stack": [
                  "java.base\\/java.lang.Thread.sleep0(Native Method)"]}]},
              {"container": "java.util.concurrent.ThreadPerTaskExecutor@1", "threads": [
                {"tid":"40012", "virtual": true, "name": "", "state": "WAITING", "stack": [
                  "java.base\\/java.lang.VirtualThread.park(VirtualThread.java:742)",
                  "app\\/com.acme.Orders.take(Orders.java:65)"]}]}]}}
            """;

    @Test
    void readsEveryThreadIncludingProfconsOwnAndVirtualOnes() {
        assertThat(JsonThreads.read(DUMP)).extracting(DumpedThread::tid, DumpedThread::name, DumpedThread::virtual)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(12L, "Reference Handler", false),
                        org.assertj.core.groups.Tuple.tuple(31L, "profcon-sampler", false),
                        org.assertj.core.groups.Tuple.tuple(40012L, "", true));
        assertThat(JsonThreads.read(DUMP).get(2).frames().get(1))
                .isEqualTo(new Frame("com.acme.Orders", "take", "Orders.java", 65));
    }

    @Test
    void scanningForIdsFindsTheSameThreads() {
        assertThat(JsonThreads.tids(DUMP)).isEqualTo(Set.of(12L, 31L, 40012L));
    }
}
