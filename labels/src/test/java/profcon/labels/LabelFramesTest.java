package profcon.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link LabelFrames}: the hidden class a virtual thread's labelled work runs in. This build runs
 * on JDK 17 (no virtual threads): the frames are called directly here; NativeEngineIT sees them
 * reach async-profiler's samples on JDK 25.
 */
class LabelFramesTest {
    private static final StackWalker HIDDEN = StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES);

    @Test
    void workRunsInAFrameNamedAfterItsLabelsThatExceptionsDoNotShow() throws Exception {
        LabelSet labels = LabelSet.EMPTY.with(Map.of("tenant", "a;b", "path", "/v1.2[x]%"));
        String encoded = labels.encoded();
        LabelFrame frame = LabelFrames.of(labels);
        String[] seen = new String[1];
        StackTraceElement[][] thrown = new StackTraceElement[1][];
        frame.run(() -> {
            seen[0] = labelFrames().get(0);
            thrown[0] = new Exception().getStackTrace();
        });

        assertThat(seen[0]).startsWith(LabelFrames.className(encoded).replace('/', '.'));
        assertThat(seen[0]).isEqualTo(LabelFrames.PREFIX + "path=%2Fv1%2E2%5Bx]%2525%3Btenant=a%253Bb"
                + seen[0].substring(seen[0].indexOf('/')));
        assertThat(thrown[0]).noneMatch(e -> e.getClassName().startsWith(LabelFrames.PREFIX));
        assertThat(LabelFrames.of(LabelSet.EMPTY.with(Map.of("path", "/v1.2[x]%", "tenant", "a;b"))))
                .as("one class per label set").isSameAs(frame);
        assertThat(frame.call(() -> "result")).isEqualTo("result");
    }

    @Test
    void platformThreadsRunTheirWorkWithoutAFrame() throws Exception {
        List<String> frames = ProfileLabels.call(Map.of("tenant", "a"), LabelFramesTest::labelFrames);
        assertThat(frames).isEmpty();
    }

    private static List<String> labelFrames() {
        return HIDDEN.walk(s -> s.map(f -> f.getClassName()).filter(c -> c.startsWith(LabelFrames.PREFIX))
                .collect(Collectors.toList()));
    }
}
