package profcon.explain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import profcon.model.Line;
import profcon.model.Profile;
import profcon.model.Sample;

/**
 * Says in a lock or block finding's evidence how much of its culprit's waiting was sampled from
 * virtual threads (JFR records no park or monitor event for them, so lock and block take a census
 * of them every period) and what that means for its numbers: time to one period, a "wait" per census.
 */
final class SampledWaits {
    private static final Pattern PERIOD = Pattern.compile("sampled every (\\S+)");
    private static final Pattern DUMPS = Pattern.compile("; (\\d+) dumps");
    private static final Pattern LOWERED = Pattern.compile("up to ([\\d,]+ ms) between dumps");

    private SampledWaits() {
    }

    /** The finding with the sampled share added to its evidence, or as it was when none of it was sampled. */
    static Finding note(Finding f, Evidence e) {
        Profile p = switch (f.profile()) {
            case "lock" -> e.lock();
            case "block" -> e.block();
            default -> null;
        };
        // pinned waits come from JFR's own event, never from the census
        if (p == null || f.culprit().isEmpty() || f.id().equals(VirtualThreadPinning.ID)) {
            return f;
        }
        long all = 0;
        long sampled = 0;
        for (Sample s : p.samples()) {
            Line c = Sites.culprit(s);
            if (c != null && c.function().name().equals(f.culprit())) {
                all += s.values()[1];
                sampled += sampled(s) ? s.values()[1] : 0;
            }
        }
        if (sampled == 0) {
            return f;
        }
        String evidence = f.evidence() + "; " + Sites.percent((double) sampled / all) + " of it sampled from "
                + "virtual threads, for which JFR has no park or monitor event: " + how(p) + ", so its time is "
                + "good to one period and its waits count threads seen waiting per census";
        return new Finding(f.id(), f.name(), evidence, f.culprit(), f.location(), f.confidence(), f.next(),
                f.profile(), f.score(), f.refines());
    }

    /**
     * A virtual thread's park or monitor wait: the census's (the lock part has no {@code kind}, the block part
     * {@code park} or {@code monitor}); its sleeps, {@code Object.wait}s, I/O and pins come from JFR's events.
     */
    static boolean sampled(Sample s) {
        String kind = s.label("kind");
        return "virtual".equals(s.label("thread_kind")) && (kind == null || kind.equals("park")
                || kind.equals("monitor"));
    }

    /** "a census every 100ms (48 dumps)", from the sampler's comment; plainer when the profile lost it. */
    private static String how(Profile p) {
        Optional<String> comment = p.comments().stream().filter(c -> c.startsWith(ProfileKinds.SAMPLED_COMMENT))
                .findFirst();
        Matcher period = PERIOD.matcher(comment.orElse(""));
        if (!period.find()) {
            return "a census every sampling period";
        }
        String how = "a census every " + period.group(1);
        Matcher dumps = DUMPS.matcher(comment.get());
        if (dumps.find()) {
            how += String.format(Locale.ROOT, " (%s dump%s)", dumps.group(1), dumps.group(1).equals("1") ? "" : "s");
        }
        Matcher lowered = LOWERED.matcher(comment.get());
        return lowered.find() ? how + ", slowed to " + lowered.group(1) + " apart to stay within its CPU budget" : how;
    }
}
