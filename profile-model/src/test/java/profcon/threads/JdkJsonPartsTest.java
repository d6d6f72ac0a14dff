package profcon.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the JDK's JSON thread dump: its frame text and the JSON itself. */
class JdkJsonPartsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "java.base/java.lang.Object.wait0(Native Method)        | java.lang.Object | wait0 |           | -2",
        "app//a.b.C$D.run(C.java:12)                            | a.b.C$D          | run   | C.java    | 12",
        "a.B.m(Unknown Source)                                  | a.B              | m     |           | -1",
        "java.base@25/java.lang.Thread.run(Thread.java:1474)    | java.lang.Thread | run   | Thread.java | 1474"})
    void parsesJdkFrameText(String text, String cls, String method, String file, int line) {
        assertThat(JdkFrames.parse(text)).isEqualTo(new Frame(cls, method, file, line));
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsJson() {
        Object v = MiniJson.parse("{\"a\": [1, \"x\\ty\\u0041\", true, null], \"b\": {}}");
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat((List<Object>) m.get("a")).containsExactly("1", "x\tyA", Boolean.TRUE, null);
        assertThat((Map<String, Object>) m.get("b")).isEmpty();
    }

}
