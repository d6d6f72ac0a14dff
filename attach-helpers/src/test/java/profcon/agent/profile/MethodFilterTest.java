package profcon.agent.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDK's method filter syntax, checked before it reaches JFR; wildcards and bare {@code ::method} refused. */
class MethodFilterTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "com.acme.Cart                          | com.acme.Cart",
            "com.acme.Cart::checkout                | com.acme.Cart::checkout",
            "com.acme.Cart::<init>                  | com.acme.Cart::<init>",
            "@jakarta.ws.rs.GET                     | @jakarta.ws.rs.GET",
            "com.acme.Cart$Line::total              | com.acme.Cart$Line::total",
            "com.acme.Cart;@jakarta.ws.rs.GET       | com.acme.Cart;@jakarta.ws.rs.GET",
            "com.acme.Cart::a, com.acme.Db::query   | com.acme.Cart::a;com.acme.Db::query",
            "Top                                    | Top"})
    void readsTheJdkSyntax(String text, String asJfrReadsIt) {
        assertThat(MethodFilter.parse(text).toString()).isEqualTo(asJfrReadsIt);
    }

    @org.junit.jupiter.api.Test
    void partsSayWhatTheyName() {
        MethodFilter f = MethodFilter.parse("com.acme.Cart::checkout;@a.B;com.acme.Db");
        assertThat(f.parts()).containsExactly(new MethodFilter.Part("com.acme.Cart", "checkout", null),
                new MethodFilter.Part(null, null, "a.B"), new MethodFilter.Part("com.acme.Db", null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "com.acme.Cart;", "com.acme.", "com..Cart", "com.acme.Cart::", "com.acme.Cart::a.b",
            "@", "@a..b", "1com.Cart", "com.acme.Cart::check-out", "a b"})
    void refusesWhatIsNoFilter(String text) {
        assertThatThrownBy(() -> MethodFilter.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.*", "com.acme.*::run", "*"})
    void refusesWildcardsWithTheReason(String text) {
        assertThatThrownBy(() -> MethodFilter.parse(text)).hasMessageContaining("no wildcards");
    }

    @org.junit.jupiter.api.Test
    void refusesAMethodOfEveryClass() {
        assertThatThrownBy(() -> MethodFilter.parse("::run")).hasMessageContaining("name its class too");
    }

    @org.junit.jupiter.api.Test
    void theFilterIsASamplingOption() {
        assertThat(SamplingOptions.parse(java.util.List.of("filter=com.acme.Cart::checkout")).filter())
                .isEqualTo("com.acme.Cart::checkout");
        assertThat(SamplingOptions.defaults().filter()).isEmpty();
        assertThat(SamplingOptions.defaults().describe()).doesNotContainKey("filter");
        assertThatThrownBy(() -> SamplingOptions.parse(java.util.List.of("filter=java.*")))
                .hasMessageContaining("no wildcards");
    }
}
