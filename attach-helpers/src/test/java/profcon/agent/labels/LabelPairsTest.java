package profcon.agent.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code labels} reply's lines: every character a label may hold survives the trip. */
class LabelPairsTest {
    @Test
    void linesRoundTripAwkwardKeysAndValues() {
        Map<Long, String[]> byThread = new LinkedHashMap<>();
        byThread.put(12L, new String[] {"tenant", "acme", "endpoint", "/a=b;c%d"});
        byThread.put(7L, new String[] {"note", "two\nlines", "k=1", "v;%3B"});

        Map<Long, String[]> back = LabelPairs.parseLines(LabelPairs.lines(byThread));

        assertThat(back).containsOnlyKeys(12L, 7L);
        assertThat(back.get(12L)).containsExactly("tenant", "acme", "endpoint", "/a=b;c%d");
        assertThat(back.get(7L)).containsExactly("note", "two\nlines", "k=1", "v;%3B");
    }

    @Test
    void encodeWritesTheLibrarysForm() {
        assertThat(LabelPairs.encode(new String[] {"a", "x=y", "b", "1;2"})).isEqualTo("a=x%3Dy;b=1%3B2");
        assertThat(LabelPairs.decode("a=x%3Dy;b=1%3B2")).containsExactly("a", "x=y", "b", "1;2");
        assertThat(LabelPairs.parseLines(new byte[0])).isEmpty();
    }
}
