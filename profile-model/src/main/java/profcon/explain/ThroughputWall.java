package profcon.explain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import profcon.model.Sample;

/** Throughput wall: producers parked in a queue's put behind a consumer that cannot keep up. */
final class ThroughputWall implements Rule {
    /** A hand-off or bounded queue's blocking insert: where producers wait for room. */
    static final Pattern PUT = Pattern.compile("java\\.util\\.concurrent\\.\\w*(Queue|Deque)\\.(put|offer|transfer"
            + "|putLast|putFirst|offerLast|offerFirst)");
    /** Half a producer parked on average: the queue, not the producers, sets the throughput. */
    static final double MIN_PARKED_THREADS = 0.5;

    @Override
    public String id() {
        return "throughput-wall";
    }

    @Override
    public String name() {
        return "throughput wall (producers parked in a queue's put)";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.BLOCK);
    }

    static boolean inPut(Sample s) {
        return Sites.hasFrame(s, f -> PUT.matcher(f).matches());
    }

    @Override
    public Verdict judge(Evidence e) {
        LockFacts puts = LockFacts.of(e.block(), e.seconds(), ThroughputWall::inPut);
        if (puts.top() == null || puts.waiting() < MIN_PARKED_THREADS) {
            return Verdict.healthy(String.format(Locale.ROOT, "queues: %.2f producers parked in a put on average "
                    + "(a finding from %.1f)", puts.waiting(), MIN_PARKED_THREADS));
        }
        String queue = Sites.shortName(putFrame(puts.top().samples().get(0)));
        String evidence = String.format(Locale.ROOT, "%.1f producers parked on average in %s under %s (%,d puts "
                + "waited, mean %s): one slow consumer sets the throughput, more producers only add waiters",
                puts.topWaiting(), queue, puts.top().shortName(), puts.top().count(), Sites.millis(puts.meanWait()));
        return Verdict.found(new Finding(id(), name(), evidence, puts.top().function(), puts.top().location(),
                Confidence.HIGH, "peek " + queue, "block", puts.topWaiting(), ""));
    }

    private static String putFrame(Sample s) {
        return Sites.frames(s).stream().map(l -> l.function().name()).filter(f -> PUT.matcher(f).matches())
                .findFirst().orElse("");
    }
}
