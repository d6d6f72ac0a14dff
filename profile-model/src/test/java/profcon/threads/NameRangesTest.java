package profcon.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Thread-name compression, case by case. */
class NameRangesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pool-3-thread-1..500        | pool-3-thread-[1..500]",
        "worker-1..3,worker-7        | worker-[1..3,7]",
        "main                        | main",
        "main,Finalizer              | Finalizer, main",
        "task-5                      | task-5",
        "w-1,w-3,w-5,w-7,w-9,w-11,w-13,w-15 | w-[1,3,5,7,9,11,... 2 more ranges]"})
    void compresses(String spec, String expected) {
        assertThat(NameRanges.compress(names(spec))).isEqualTo(expected);
    }

    private static List<String> names(String spec) {
        List<String> names = new java.util.ArrayList<>();
        for (String part : spec.split(",")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*?)(\\d+)\\.\\.(\\d+)").matcher(part);
            if (m.matches()) {
                IntStream.rangeClosed(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                        .forEach(i -> names.add(m.group(1) + i));
            } else {
                names.add(part);
            }
        }
        return names;
    }
}
