package profcon.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.agent.profile.ProfileKind;
import profcon.agent.wall.WallKind;

/** Every kind the agent knows is listed, once and by name, under {@code profile}. */
class RecipesTest {
    @Test
    void everyJfrRecipeIsListedUnderAll() {
        assertThat(Recipes.jfr()).isNotEmpty();
        assertThat(Recipes.all()).containsAll(Recipes.jfr());
        for (Recipe r : Recipes.jfr()) {
            assertThat(Recipes.named(r.kind())).isSameAs(r);
            assertThat(List.of(Recipes.names().split(", "))).contains(r.kind());
        }
    }

    @Test
    void theWallKindIsListedButReadsNoJfr() {
        assertThat(Recipes.all()).hasAtLeastOneElementOfType(WallKind.class);
        assertThat(Recipes.jfr()).noneMatch(r -> r.kind().equals("wall"));
    }

    @Test
    void kindNamesAreUnique() {
        assertThat(Recipes.all().stream().map(ProfileKind::kind)).doesNotHaveDuplicates();
    }
}
