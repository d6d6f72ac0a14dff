package profcon.agent.profile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings a profile is collected with, parsed from {@code key=value} words.
 *
 * <p>Every value is checked against its range here, inside the agent, so a console that sends
 * nonsense gets a clear error back instead of a misbehaving target.
 */
public record SamplingOptions(Duration period, Duration threshold, Duration maxDuration, int maxSamples,
                              String filter, boolean sampleVirtual) {
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(10);
    public static final Duration DEFAULT_THRESHOLD = Duration.ZERO;
    public static final Duration DEFAULT_MAX = Duration.ofHours(2);
    /**
     * Distinct samples kept before new stacks are folded: at JFR's stack depth of 64 a sample costs
     * the target about 700 bytes, so the default keeps the aggregation under 40 MB whatever the
     * target does (docs/safety.md; measured by StackProfileMemoryTest).
     */
    public static final int DEFAULT_MAX_SAMPLES = 50_000;

    /** Options without a method filter: every kind but timing. */
    public SamplingOptions(Duration period, Duration threshold, Duration maxDuration, int maxSamples) {
        this(period, threshold, maxDuration, maxSamples, "");
    }

    /** Options that leave virtual threads' waits unsampled: the default, see {@code vthreads=} in {@link #parse}. */
    public SamplingOptions(Duration period, Duration threshold, Duration maxDuration, int maxSamples, String filter) {
        this(period, threshold, maxDuration, maxSamples, filter, false);
    }

    public static SamplingOptions defaults() {
        return new SamplingOptions(DEFAULT_PERIOD, DEFAULT_THRESHOLD, DEFAULT_MAX, DEFAULT_MAX_SAMPLES);
    }

    /** Parses {@code period=10ms threshold=0ms max=60s maxsamples=50000 [filter=...] [vthreads=sample]}; unknown keys are errors. */
    public static SamplingOptions parse(Iterable<String> words) {
        return parse(defaults(), words);
    }

    /** Parses words over a profile kind's own defaults (wall samples every 50 ms, lock has its threshold). */
    public static SamplingOptions parse(SamplingOptions base, Iterable<String> words) {
        SamplingOptions o = base;
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + word + "'");
            }
            String key = word.substring(0, eq);
            String value = word.substring(eq + 1);
            o = switch (key) {
                case "period" -> o.withPeriod(range(key, duration(key, value), Duration.ofMillis(1), Duration.ofSeconds(10)));
                case "threshold" -> o.withThreshold(range(key, duration(key, value), Duration.ZERO, Duration.ofSeconds(60)));
                case "max" -> new SamplingOptions(o.period, o.threshold,
                        range(key, duration(key, value), Duration.ofMillis(1), Duration.ofHours(24)), o.maxSamples, o.filter,
                        o.sampleVirtual);
                case "maxsamples" -> new SamplingOptions(o.period, o.threshold, o.maxDuration,
                        (int) range(key, wholeNumber(key, value), 1_000, 5_000_000), o.filter, o.sampleVirtual);
                // the methods the timing kind traces; checked here so a bad filter never reaches JFR
                case "filter" -> new SamplingOptions(o.period, o.threshold, o.maxDuration, o.maxSamples,
                        MethodFilter.parse(value).toString(), o.sampleVirtual);
                // opt-in: the JDK's thread snapshot can crash a JDK 21-25 target (docs/virtual-threads.md, "Safety")
                case "vthreads" -> new SamplingOptions(o.period, o.threshold, o.maxDuration, o.maxSamples, o.filter,
                        virtualChoice(value));
                default -> throw new IllegalArgumentException("unknown sampling option '" + key + "'");
            };
        }
        return o;
    }

    public SamplingOptions withPeriod(Duration p) {
        return new SamplingOptions(p, threshold, maxDuration, maxSamples, filter, sampleVirtual);
    }

    public SamplingOptions withThreshold(Duration t) {
        return new SamplingOptions(period, t, maxDuration, maxSamples, filter, sampleVirtual);
    }

    /** The settings as words, in the form {@link #parse} reads. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("period", Durations.format(period));
        m.put("threshold", Durations.format(threshold));
        m.put("max", Durations.format(maxDuration));
        m.put("maxsamples", Integer.toString(maxSamples));
        if (!filter.isEmpty()) {
            m.put("filter", filter);
        }
        if (sampleVirtual) {
            m.put("vthreads", "sample");
        }
        return m;
    }

    private static boolean virtualChoice(String value) {
        return switch (value) {
            case "sample" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("vthreads must be 'sample' or 'off', got '" + value + "'");
        };
    }

    private static Duration range(String key, Duration d, Duration min, Duration max) {
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " must be between " + Durations.format(min) + " and "
                    + Durations.format(max) + ", got " + Durations.format(d));
        }
        return d;
    }

    private static Duration duration(String key, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    private static long wholeNumber(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
        }
    }

    private static long range(String key, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }
}
