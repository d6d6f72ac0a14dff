package profcon.agent.jfr;

import java.util.List;
import java.util.stream.Stream;
import profcon.agent.profile.ProfileKind;
import profcon.agent.wall.WallKind;

/** The profile kinds profcon can collect, by name; the JFR-fed ones also read .jfr files. */
public final class Recipes {
    private static final List<Recipe> JFR = List.of(new CpuRecipe(), new LockRecipe(), new BlockRecipe(),
            new AllocRecipe(), new TimingRecipe());
    /** The kinds no .jfr file can hold: collected in the target by their own sampler. */
    private static final List<ProfileKind> NOT_JFR = List.of(new WallKind());
    // Built from both lists, never by index: a recipe added to JFR is listed under 'profile' by itself.
    private static final List<ProfileKind> ALL = Stream.concat(JFR.stream(), NOT_JFR.stream()).toList();

    private Recipes() {
    }

    public static List<ProfileKind> all() {
        return ALL;
    }

    /** The kinds made from JFR events: those a .jfr file can hold. */
    public static List<Recipe> jfr() {
        return JFR;
    }

    /** The kind named {@code kind}; IllegalArgumentException listing the kinds when there is none. */
    public static ProfileKind named(String kind) {
        for (ProfileKind r : ALL) {
            if (r.kind().equals(kind)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown profile kind '" + kind + "' (kinds: " + names() + ")");
    }

    public static String names() {
        return String.join(", ", ALL.stream().map(ProfileKind::kind).toList());
    }
}
