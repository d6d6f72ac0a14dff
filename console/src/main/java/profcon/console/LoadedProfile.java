package profcon.console;

import profcon.model.Profile;

/**
 * The profile the reports work on, where it came from, and whether it exists only in memory
 * (a live profile not yet saved: leaving the console would lose it, and the console says so).
 */
public record LoadedProfile(Profile profile, String source, boolean unsaved) {
    public LoadedProfile saved() {
        return new LoadedProfile(profile, source, false);
    }
}
