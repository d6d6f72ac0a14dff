package profcon.agent.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.agent.encoding.ThreadNames;

class SamplingOptionsTest {
    @Test
    void parsesWhatItDescribes() {
        SamplingOptions o = SamplingOptions.parse(List.of("period=20ms", "threshold=1ms", "max=90s"));
        assertThat(o.period()).isEqualTo(Duration.ofMillis(20));
        assertThat(o.describe()).containsEntry("period", "20ms").containsEntry("threshold", "1ms")
                .containsEntry("max", "90s");
        assertThat(SamplingOptions.parse(o.describe().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList())).isEqualTo(o);
    }

    @Test
    void refusesValuesOutsideTheirRange() {
        assertThatThrownBy(() -> SamplingOptions.parse(List.of("period=0ms"))).hasMessageContaining("between 1ms");
        assertThatThrownBy(() -> SamplingOptions.parse(List.of("max=48h"))).hasMessageContaining("24h");
        assertThatThrownBy(() -> SamplingOptions.parse(List.of("period=soon"))).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> SamplingOptions.parse(List.of("color=red"))).hasMessageContaining("unknown sampling option");
        assertThatThrownBy(() -> SamplingOptions.parse(List.of("period"))).hasMessageContaining("key=value");
    }

    @Test
    void virtualThreadsAreSampledOnlyWhenAsked() {
        assertThat(SamplingOptions.defaults().sampleVirtual()).isFalse();
        assertThat(SamplingOptions.defaults().describe()).doesNotContainKey("vthreads");
        SamplingOptions asked = SamplingOptions.parse(List.of("vthreads=sample", "period=50ms"));
        assertThat(asked.sampleVirtual()).isTrue();
        assertThat(asked.withThreshold(Duration.ofMillis(1)).sampleVirtual()).isTrue();
        assertThat(asked.describe()).containsEntry("vthreads", "sample");
        assertThat(SamplingOptions.parse(List.of("vthreads=sample", "vthreads=off")).sampleVirtual()).isFalse();
        assertThatThrownBy(() -> SamplingOptions.parse(List.of("vthreads=yes"))).hasMessage(
                "vthreads must be 'sample' or 'off', got 'yes'");
    }

    @Test
    void durationsRoundTrip() {
        for (String d : List.of("5s", "250ms", "2m", "1h", "7us", "0s")) {
            assertThat(Durations.format(Durations.parse(d))).isEqualTo(d);
        }
    }

    @Test
    void threadNamesBecomePools() {
        assertThat(ThreadNames.pool("pool-3-thread-7")).isEqualTo("pool-3");
        assertThat(ThreadNames.pool("ForkJoinPool.commonPool-worker-2")).isEqualTo("ForkJoinPool.commonPool");
        assertThat(ThreadNames.pool("request-12")).isEqualTo("request");
        assertThat(ThreadNames.pool("main")).isEqualTo("main");
    }
}
