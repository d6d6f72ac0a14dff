package profcon.console.command;

import java.util.Locale;
import profcon.agent.jfr.TimingRecipe;
import profcon.agent.profile.ProfileKind;
import profcon.agent.vwait.VirtualWaitSampler;
import profcon.model.Profile;

/**
 * The one line said after a profile is collected, and, when it is empty, why: the threshold and
 * window in force and what the kind cannot see, never a silent empty table.
 */
final class ProfileSummary {
    private static final double SHORT_WINDOW_S = 2.0;

    private ProfileSummary() {
    }

    /** {@code settings} is what the agent said it started with ("threshold=0s"), possibly empty. */
    static String describe(Profile p, ProfileKind kind, String settings) {
        double seconds = p.durationNanos() / 1e9;
        if (p.samples().isEmpty()) {
            return empty(p, kind, settings, seconds);
        }
        return String.format(Locale.ROOT, "collected a %s profile: %.1f s, %,d %s in %,d distinct stacks%s%s",
                kind.kind(), seconds, p.total(0), p.sampleTypes().get(0).type(), p.samples().size(), delay(p, seconds),
                settings.isEmpty() ? "" : " (" + settings + ")") + sampledPart(p);
    }

    /**
     * The sampled part of a wait profile (virtual threads, which have no JFR event), on a line of its
     * own: how often, at what resolution, and whether the sampler lowered its rate to bound its cost.
     */
    private static String sampledPart(Profile p) {
        for (String comment : p.comments()) {
            if (comment.startsWith(VirtualWaitSampler.COMMENT)) {
                return "\n" + comment.substring("profcon ".length());
            }
        }
        return "";
    }

    /** For wait profiles, the delay as threads waiting per second of wall time: the figure that compares across windows. */
    private static String delay(Profile p, double seconds) {
        int index = p.sampleTypeIndex("delay");
        if (index < 0 || seconds <= 0) {
            return "";
        }
        double waited = p.total(index) / 1e9;
        return String.format(Locale.ROOT, "; %.1f s waited, %.2f s per second of wall time", waited, waited / seconds);
    }

    private static String empty(Profile p, ProfileKind kind, String settings, double seconds) {
        StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
                "the %s profile is empty: no events in %.1f s", kind.kind(), seconds));
        if (!settings.isEmpty()) {
            why.append(" with ").append(settings);
        }
        why.append('.');
        String threshold = setting(settings, "threshold");
        if (threshold != null && !threshold.equals("0s")) {
            // timing's threshold picks the calls kept as samples; its table still counts every call
            why.append(TimingRecipe.KIND.equals(kind.kind())
                    ? " Calls shorter than " + threshold + " are counted in the table but not kept as samples: try threshold=0ms."
                    : " Waits shorter than " + threshold + " are not recorded: try threshold=0ms.");
        }
        if (seconds < SHORT_WINDOW_S) {
            why.append(" The window was short: waits that had not ended when it closed are not counted.");
        }
        why.append(' ').append(kind.blindSpots());
        return why.toString() + sampledPart(p);
    }

    private static String setting(String settings, String key) {
        for (String word : settings.split(" ")) {
            if (word.startsWith(key + "=")) {
                return word.substring(key.length() + 1);
            }
        }
        return null;
    }
}
