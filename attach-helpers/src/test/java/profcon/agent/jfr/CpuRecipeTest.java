package profcon.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import profcon.agent.encoding.StackProfile;

class CpuRecipeTest {
    @Test
    void threadsWaitingInJdkIoAreNotOnCpu() {
        assertThat(CpuRecipe.isBlockingNative(new StackProfile.Frame("java.net.SocketInputStream", "socketRead0", 0)))
                .isTrue();
        assertThat(CpuRecipe.isBlockingNative(new StackProfile.Frame("sun.nio.ch.EPoll", "wait", 0))).isTrue();
        assertThat(CpuRecipe.isBlockingNative(new StackProfile.Frame("sun.nio.ch.SocketDispatcher", "read0", 0)))
                .isTrue();
        assertThat(CpuRecipe.isBlockingNative(new StackProfile.Frame("java.io.FileInputStream", "readBytes", 0)))
                .isTrue();
    }

    @Test
    void nativeComputationStaysInTheCpuProfile() {
        // Casebook 12: time in zlib, crypto or an application's JNI library is CPU time.
        assertThat(CpuRecipe.isBlockingNative(new StackProfile.Frame("java.util.zip.Deflater", "deflateBytesBytes", 0)))
                .isFalse();
        assertThat(CpuRecipe.isBlockingNative(new StackProfile.Frame("com.example.Native", "compute", 0))).isFalse();
        assertThat(CpuRecipe.isBlockingNative(new StackProfile.Frame("java.io.FileOutputStream", "writeBytes", 0)))
                .isFalse();
    }
}
