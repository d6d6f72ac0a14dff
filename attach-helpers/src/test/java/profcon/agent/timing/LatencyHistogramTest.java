package profcon.agent.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Exact count, sum, min and max; percentiles within the 1/16-octave bucket's half width. */
class LatencyHistogramTest {
    @Test
    void percentilesOfAKnownSpread() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 10_000; v++) {
            h.add(v * 1_000); // 1 us .. 10 ms, evenly
        }
        MethodLatency s = h.summary("m");
        assertThat(s.calls()).isEqualTo(10_000);
        assertThat(s.minNanos()).isEqualTo(1_000);
        assertThat(s.maxNanos()).isEqualTo(10_000_000);
        assertThat(s.meanNanos()).isEqualTo(5_000_500);
        assertThat((double) s.p50Nanos()).isCloseTo(5_000_000, within(5_000_000 * 0.035));
        assertThat((double) s.p90Nanos()).isCloseTo(9_000_000, within(9_000_000 * 0.035));
        assertThat((double) s.p99Nanos()).isCloseTo(9_900_000, within(9_900_000 * 0.035));
    }

    @Test
    void rareSlowCallsShowAtTheTail() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 1_000; i++) {
            h.add(i % 50 == 0 ? 20_000_000 : 2_000);
        }
        MethodLatency s = h.summary("m");
        assertThat((double) s.p90Nanos()).isCloseTo(2_000, within(2_000 * 0.035));
        assertThat(s.p99Nanos()).isEqualTo(20_000_000); // clamped to the max: 20 of 1,000 calls took 20 ms
        assertThat(s.maxNanos()).isEqualTo(20_000_000);
    }

    @Test
    void bucketsCoverEveryLongWithoutGaps() {
        long previous = -1;
        for (long v : new long[] {0, 1, 15, 16, 17, 31, 32, 33, 1_000, 1L << 40, Long.MAX_VALUE}) {
            int i = LatencyHistogram.index(v);
            assertThat(i).isBetween(0, 64 * 16 - 1).isGreaterThanOrEqualTo((int) previous);
            previous = i;
            long middle = LatencyHistogram.middle(i);
            assertThat((double) middle).isCloseTo((double) v, within(Math.max(1.0, v / 16.0)));
        }
    }

    @Test
    void anEmptyMethodHasZeros() {
        MethodLatency s = new LatencyHistogram().summary("m");
        assertThat(s).isEqualTo(new MethodLatency("m", 0, 0, 0, 0, 0, 0, 0));
        assertThat(MethodLatency.fromComment(s.comment())).contains(s);
        assertThat(MethodLatency.fromComment("profcon: something else")).isEmpty();
    }
}
