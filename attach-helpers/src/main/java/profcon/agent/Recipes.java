package profcon.agent;

import java.util.List;

/** The profile kinds profcon can collect, by name. */
public final class Recipes {
    private static final List<Recipe> ALL = List.of(new CpuRecipe());

    private Recipes() {
    }

    public static List<Recipe> all() {
        return ALL;
    }

    /** The recipe named {@code kind}; IllegalArgumentException listing the kinds when there is none. */
    public static Recipe named(String kind) {
        for (Recipe r : ALL) {
            if (r.kind().equals(kind)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown profile kind '" + kind + "' (kinds: " + names() + ")");
    }

    public static String names() {
        return String.join(", ", ALL.stream().map(Recipe::kind).toList());
    }
}
