package profcon.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelSpansTest {
    @Test
    void decodesPairsAndTheLabelsLibraryEscapes() {
        assertThat(LabelSpans.decode("a%3Db=x%3By%25z;k=v")).containsExactly("a=b", "x;y%z", "k", "v");
        assertThat(LabelSpans.decode("endpoint=/checkout")).containsExactly("endpoint", "/checkout");
        assertThat(LabelSpans.decode("empty=")).containsExactly("empty", "");
    }

    @Test
    void noLabelsIsNoPairs() {
        assertThat(LabelSpans.decode("")).isEmpty();
        assertThat(LabelSpans.decode(null)).isEmpty();
    }
}
