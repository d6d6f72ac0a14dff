package profcon.agent.labels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link FrameLabels}: a label frame's class name back to the labels library's encoded form. */
class FrameLabelsTest {
    @Test
    void readsTheNameAsAsyncProfilerAndTheJdkWriteIt() {
        // the labels library's LabelFramesTest makes this name of tenant=a;b and path=/v1.2[x]%
        String name = FrameLabels.PREFIX + "path=%2Fv1%2E2%5Bx]%2525%3Btenant=a%253Bb";
        assertThat(FrameLabels.encoded(name + ".0x000000006a04b800")).isEqualTo("path=/v1.2[x]%25;tenant=a%3Bb");
        assertThat(FrameLabels.encoded(name + "/0x000000006a04b800")).isEqualTo("path=/v1.2[x]%25;tenant=a%3Bb");
        assertThat(LabelPairs.decode(FrameLabels.encoded(name + ".0x1"))).containsExactly("path", "/v1.2[x]%", "tenant",
                "a;b");
    }

    @Test
    void anEmptySetHasNoPairsAndOtherClassesAreNoFrames() {
        assertThat(LabelPairs.decode(FrameLabels.encoded(FrameLabels.PREFIX + ".0x7f"))).isEmpty();
        assertThat(FrameLabels.isFrame("profcon.labels.ProfileLabels")).isFalse();
        assertThat(FrameLabels.isFrame(FrameLabels.PREFIX + "k=v.0x1")).isTrue();
        assertThat(FrameLabels.isFrame(null)).isFalse();
    }
}
