package profcon.console.command;

import java.util.Locale;
import profcon.agent.Recipe;
import profcon.model.Profile;

/** The one line said after a profile is collected, and the reason when it is empty. */
final class ProfileSummary {
    private ProfileSummary() {
    }

    static String describe(Profile p, Recipe recipe) {
        double seconds = p.durationNanos() / 1e9;
        if (p.samples().isEmpty()) {
            return String.format(Locale.ROOT, "the %s profile is empty: no events in %.1f s. %s", recipe.kind(),
                    seconds, recipe.blindSpots());
        }
        return String.format(Locale.ROOT, "collected a %s profile: %.1f s, %,d %s in %,d distinct stacks",
                recipe.kind(), seconds, p.total(0), p.sampleTypes().get(0).type(), p.samples().size());
    }
}
