package profcon.agent.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JfrStacksTest {
    @Test
    void lambdaClassNamesLoseTheirAddress() {
        assertThat(JfrStacks.stableClassName("a.Demo$$Lambda$2+0x00007f12dc003800.1829164700"))
                .isEqualTo("a.Demo$$Lambda");
        assertThat(JfrStacks.stableClassName("a.Demo$$Lambda/0x000000080104c000")).isEqualTo("a.Demo$$Lambda");
        assertThat(JfrStacks.stableClassName("a.Demo$Counter")).isEqualTo("a.Demo$Counter");
    }

    @Test
    void sourceFileComesFromTheOuterClass() {
        assertThat(StackProfile.sourceFile("com.example.Outer$Inner")).isEqualTo("com/example/Outer.java");
        assertThat(StackProfile.sourceFile("Top")).isEqualTo("Top.java");
        assertThat(StackProfile.sourceFile("")).isEmpty();
    }
}
