package profcon.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static profcon.explain.TestProfiles.SECOND;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import profcon.model.Profile;

/**
 * Sampled virtual-thread waits in explain: one composite sample feeds the lock and the block part with
 * each part's own labels, the rules judge them as any wait, and the evidence says they were sampled.
 */
class SampledWaitsTest {
    private static final String SAMPLER = "profcon virtual threads: parks and monitor waits sampled every 100ms by "
            + "dumpThreads (no global safepoint; JFR has no event for them), weight = time to the next dump, so the "
            + "resolution is one period; 48 dumps, up to 8 waiting virtual threads, 0.4 ms CPU per dump (max 1.1 ms)";
    private static final String[] MONITOR = {"com.ex.Metrics.record:73", "com.ex.Handler.serve:40"};

    /** Eight virtual threads seen blocked on Metrics' monitor in every census of a 5 s window, and some CPU. */
    private static Profile composite() {
        return TestProfiles.of("cpu").comment("profcon explain profile: ...").comment(SAMPLER)
                .add(384, 40 * SECOND, List.of("profile=lock", "profile=block", "thread_kind=virtual",
                        "lockclass=monitor of com.ex.Metrics", "owner=", "state=BLOCKED", "kind=monitor",
                        "blocker=com.ex.Metrics"), MONITOR)
                .add(10, SECOND / 10, List.of("profile=cpu", "thread_kind=virtual"), MONITOR)
                .build(5 * SECOND);
    }

    @Test
    void aSampledWaitIsInBothPartsWithEachPartsOwnLabelsAndTheSamplersComment() {
        Map<String, Profile> kinds = ProfileKinds.split(composite());
        assertThat(kinds.get("lock").samples()).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsKeys("lockclass", "owner", "state", "thread_kind")
                    .doesNotContainKeys("kind", "blocker", "profile");
            assertThat(s.values()).containsExactly(384, 40 * SECOND);
        });
        assertThat(kinds.get("block").samples()).singleElement().satisfies(s -> assertThat(s.labels())
                .containsKeys("kind", "blocker", "thread_kind").doesNotContainKeys("lockclass", "owner", "state"));
        assertThat(kinds.get("cpu").samples()).hasSize(1);
        assertThat(kinds.get("lock").comments()).contains(SAMPLER);
        assertThat(kinds.get("cpu").comments()).doesNotContain(SAMPLER);
        assertThat(ProfileKinds.kindOf(kinds.get("lock"))).isEqualTo("lock");
    }

    @Test
    void lockContentionOnSampledWaitsSaysTheyWereSampledAndWhatThatMeans() {
        Map<String, Profile> kinds = ProfileKinds.split(composite());
        Explanation x = Explainer.explain(new Evidence("test", 5 * SECOND, "0s", kinds.get("cpu"), kinds.get("lock"),
                kinds.get("block"), null, null, null, null, 25));
        Finding top = x.findings().get(0);
        assertThat(top.id()).isEqualTo("lock-contention");
        assertThat(top.culprit()).isEqualTo("com.ex.Metrics.record");
        assertThat(top.evidence()).startsWith("8.0 threads waited on average")
                .endsWith("; 100 % of it sampled from virtual threads, for which JFR has no park or monitor event: a "
                        + "census every 100ms (48 dumps), so its time is good to one period and its waits count "
                        + "threads seen waiting per census");
    }

    @Test
    void aFewCensusWaitsOfSecondsEachAreContentionNotAnEmptyLockProfile() {
        // one slow census (a loaded machine, many virtual threads): 5 "waits", 6.7 s of waiting in 5 s
        Profile lock = TestProfiles.of("lock").comment(SAMPLER).add(5, 6_700_000_000L, List.of("thread_kind=virtual",
                "lockclass=monitor of com.ex.Metrics", "state=BLOCKED"), MONITOR).build(5 * SECOND);
        Explanation x = Explainer.explain(TestProfiles.evidence(null, lock, null, null, null, null));
        assertThat(x.findings()).extracting(Finding::id).containsExactly("lock-contention");
        assertThat(x.healthy()).noneMatch(h -> h.startsWith("lock profile empty"));
    }

    @Test
    void eventWaitsAndPinsAreNotCalledSampled() {
        Profile lock = TestProfiles.of("lock").add(100, 10 * SECOND, List.of("thread_kind=platform",
                "lockclass=monitor of com.ex.Metrics"), MONITOR).build(5 * SECOND);
        Finding platform = Explainer.explain(TestProfiles.evidence(null, lock, null, null, null, null)).findings().get(0);
        assertThat(platform.evidence()).doesNotContain("sampled");
        Profile block = TestProfiles.of("block").add(1, SECOND, List.of("thread_kind=virtual", "kind=sleep"), MONITOR)
                .add(1, SECOND, List.of("thread_kind=virtual", "kind=pinned"), MONITOR).build(5 * SECOND);
        assertThat(block.samples()).noneMatch(SampledWaits::sampled);
    }
}
