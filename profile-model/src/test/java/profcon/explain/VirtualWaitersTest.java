package profcon.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static profcon.explain.TestProfiles.SECOND;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import profcon.model.Profile;

/** A wait finding on a Loom service says how many virtual threads the last snapshot found waiting at its culprit. */
class VirtualWaitersTest {
    private static final Profile LOCK = TestProfiles.of("lock").add(384, 40 * SECOND, List.of("thread_kind=virtual",
            "lockclass=monitor of com.ex.Metrics"), "com.ex.Metrics.record:73", "com.ex.Handler.serve:40")
            .build(5 * SECOND);

    private static ThreadSnapshot last(int virtual, int blocked) {
        ThreadSnapshot.Group waiting = new ThreadSnapshot.Group("k1", "com.ex.Metrics.record", "Metrics.java:73",
                "com.ex.Metrics.record", blocked, Map.of("BLOCKED", blocked), "com.ex.Metrics", virtual);
        ThreadSnapshot.Group elsewhere = new ThreadSnapshot.Group("k2", "com.ex.Other.run", "Other.java:1",
                "com.ex.Other.run", 40, Map.of("WAITING", 40), "", 40);
        return new ThreadSnapshot(0, blocked + 45, List.of(waiting, elsewhere), List.of());
    }

    @Test
    void theVirtualThreadsWaitingAtTheCulpritNowAreCounted() {
        Evidence e = TestProfiles.evidence(null, LOCK, null, null, last(312, 312), last(312, 312));
        Finding f = Explainer.explain(e).findings().get(0);
        assertThat(f.evidence()).endsWith("; at the window's end 312 virtual threads waited there on com.ex.Metrics "
                + "(thread snapshot)");
    }

    @Test
    void platformThreadsOrNoSnapshotAddNothing() {
        Finding platform = Explainer.explain(TestProfiles.evidence(null, LOCK, null, null, last(0, 8), last(0, 8)))
                .findings().get(0);
        assertThat(platform.evidence()).doesNotContain("at the window's end");
        Finding offline = Explainer.explain(TestProfiles.evidence(null, LOCK, null, null, null, null)).findings().get(0);
        assertThat(offline.evidence()).doesNotContain("at the window's end");
    }
}
