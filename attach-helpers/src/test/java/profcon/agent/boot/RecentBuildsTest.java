package profcon.agent.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bootstrap keeps the two builds run last, whatever the order they come in. */
class RecentBuildsTest {
    @Test
    void aThirdBuildDropsTheOneRunLeastRecently() {
        RecentBuilds<String, Integer> builds = new RecentBuilds<>(2);
        builds.put("a", 1);
        builds.put("b", 2);
        assertThat(builds.get("a")).isEqualTo(1); // a ran again: b is now the least recent
        builds.put("c", 3);
        assertThat(builds.keySet()).containsExactly("a", "c");
    }

    @Test
    void alternatingTwoBuildsKeepsBoth() {
        RecentBuilds<String, Integer> builds = new RecentBuilds<>(2);
        for (int i = 0; i < 10; i++) {
            String build = i % 2 == 0 ? "a" : "b";
            if (builds.get(build) == null) {
                builds.put(build, i);
            }
        }
        assertThat(builds).containsOnlyKeys("a", "b").containsEntry("a", 0).containsEntry("b", 1);
    }
}
