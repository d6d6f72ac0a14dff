package profcon.push;

import profcon.model.Profile;

/** One collected window: its profile kind ({@code cpu}, {@code lock}...), the target's pid, and the profile. */
public record Window(String kind, long pid, Profile profile) {
}
