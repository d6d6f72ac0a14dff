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

    @Test
    void cFramesAreNamedSymbolThenLibraryWithNoSourceFile() {
        assertThat(JfrStacks.isNativeSymbol("Native", "libz.so.1")).isTrue();
        assertThat(JfrStacks.isNativeSymbol("C++", "libjvm.so")).isTrue();
        assertThat(JfrStacks.isNativeSymbol("Native", "")).isTrue();
        // JFR's frame of a Java native method keeps its Java class
        assertThat(JfrStacks.isNativeSymbol("Native", "java.util.zip.Deflater")).isFalse();
        assertThat(JfrStacks.isNativeSymbol("JIT compiled", "java.lang.String")).isFalse();
        assertThat(JfrStacks.nativeName("deflate_slow", "libz.so.1")).isEqualTo("deflate_slow [libz.so.1]");
        assertThat(JfrStacks.nativeName("/usr/lib/libz.so.1.2.13", "")).isEqualTo("[libz.so.1.2.13]");
        assertThat(StackProfile.sourceFile("deflate_slow [libz.so.1]")).isEmpty();
    }
}
