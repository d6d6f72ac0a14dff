package profcon.agent.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.Test;
import profcon.agent.profile.MethodFilter;

/** What a filter matches among loaded classes, and the bound past which it is refused. */
class MethodMatchesTest {
    @Retention(RetentionPolicy.RUNTIME)
    @interface Endpoint {
    }

    static final class Cart {
        Cart() {
        }

        @Endpoint
        void checkout() {
        }

        void checkout(int n) {
        }

        void total() {
        }
    }

    @Endpoint
    static final class Api {
        void get() {
        }
    }

    private static final Class<?>[] LOADED = {Cart.class, Api.class, String.class, Character.class, Math.class};

    @Test
    void classMethodAndAnnotationFilters() {
        String cart = Cart.class.getName();
        String api = Api.class.getName();
        assertThat(MethodMatches.of(MethodFilter.parse(cart + "::checkout"), LOADED))
                .containsExactly(cart + "::checkout"); // both overloads: one row, as the table shows them
        assertThat(MethodMatches.of(MethodFilter.parse(cart), LOADED))
                .containsExactly(cart + "::<init>", cart + "::checkout", cart + "::total");
        assertThat(MethodMatches.of(MethodFilter.parse("@" + Endpoint.class.getName()), LOADED))
                .containsExactlyInAnyOrder(cart + "::checkout", api + "::<init>", api + "::get");
        assertThat(MethodMatches.of(MethodFilter.parse("com.acme.NotLoaded"), LOADED)).isEmpty();
    }

    @Test
    void aFilterMatchingTooMuchIsRefusedWithItsCount() {
        MethodFilter wide = MethodFilter.parse("java.lang.String;java.lang.Character;java.lang.Math");
        assertThatThrownBy(() -> MethodMatches.checked(wide, LOADED))
                .hasMessageMatching("refused: '.*' matches \\d+ loaded methods \\(at most 200 may be traced\\).*");
        assertThat(MethodMatches.checked(MethodFilter.parse("java.lang.Math::max"), LOADED))
                .containsExactly("java.lang.Math::max");
    }
}
