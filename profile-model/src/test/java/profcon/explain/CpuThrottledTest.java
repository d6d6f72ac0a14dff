package profcon.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static profcon.explain.TestProfiles.SECOND;

import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.model.Profile;

/** The cpu-throttled rule: a quota that stopped the target is a finding; a quota that barely bit, or none, is not. */
class CpuThrottledTest {
    private static final Profile CPU = TestProfiles.of("cpu").add(50, SECOND / 2, List.of("pool=worker"),
            "com.ex.Worker.handle:40").add(5, SECOND / 20, List.of("pool=main"), "com.ex.Main.loop:7")
            .build(5 * SECOND);
    private static final List<SchedSummary.Group> GROUPS = List.of(
            new SchedSummary.Group("worker", "java", 4, 2 * SECOND, 12 * SECOND, true),
            new SchedSummary.Group("main", "java", 1, SECOND / 10, 0, false));

    @Test
    void aQuotaThatStoppedTheTargetIsAFindingOnTheBusiestPoolsSite() {
        // half a CPU, throttled in 45 of 50 periods, 3.5 s in a 5 s window
        Finding f = judge(new SchedSummary.Throttle(0.5, 50, 45, 3_500_000_000L, 2)).findings().get(0);
        assertThat(f.id()).isEqualTo("cpu-throttled");
        assertThat(f.evidence()).isEqualTo("CPU-throttled: the cgroup's quota of 0.50 CPUs stopped the target in 45 of "
                + "50 periods (90 %), 0.70 s throttled per second of the window; the JVM sizes its pools for 2 "
                + "processors (availableProcessors)");
        assertThat(f.culprit()).isEqualTo("com.ex.Worker.handle");
        assertThat(f.next()).isEqualTo("sched 10s");
        // the quota is why the pool waited: one finding with cpu-saturation on the same culprit, this one first
        assertThat(f.family()).isEqualTo(CpuSaturation.ID);
        Explanation x = Explainer.explain(evidence(new SchedSummary.Throttle(0.5, 50, 45, 3_500_000_000L, 2)));
        assertThat(x.findings()).extracting(Finding::id).containsExactly("cpu-throttled");
    }

    @Test
    void aQuotaThatBarelyBitOrNoQuotaIsHealthyInNumbers() {
        // 2 of 50 periods (4 %), under one in twenty
        Verdict rare = judge(new SchedSummary.Throttle(0.5, 50, 2, 400_000_000L, 1));
        assertThat(rare.findings()).isEmpty();
        assertThat(rare.healthy()).isEqualTo("cpu quota: 0.50 CPUs, throttled in 2 of 50 periods, 0.08 s per second "
                + "(a finding from 5 % of the periods and 0.05 s/s)");
        // every period throttled, but for 100 ms in all: 0.02 s per second
        assertThat(judge(new SchedSummary.Throttle(4, 50, 50, 100_000_000L, 4)).findings()).isEmpty();
        assertThat(judge(null).healthy()).isEqualTo("cpu quota: none on the target's cgroup, nothing can throttle it");
        assertThat(Explainer.explain(TestProfiles.evidence(CPU, null, null, null, null, null)).notJudged())
                .anySatisfy(n -> assertThat(n.id()).isEqualTo("cpu-throttled"));
    }

    private static Verdict judge(SchedSummary.Throttle t) {
        return new CpuThrottled().judge(evidence(t));
    }

    private static Evidence evidence(SchedSummary.Throttle t) {
        SchedSummary sched = new SchedSummary(5 * SECOND, t == null ? 2 : Math.min(2, t.quotaCpus()), GROUPS, "", t);
        return new Evidence("test", 5 * SECOND, "0s", CPU, null, null, null, null, null, sched, 17);
    }
}
