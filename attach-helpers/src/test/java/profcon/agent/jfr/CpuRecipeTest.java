package profcon.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.agent.encoding.JfrMemo;
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

    @Test
    void aStackWhoseLeafIsANativeMethodIsMarkedNative(@TempDir Path dir) throws Exception {
        // An execution sample can catch a thread entering a native method; the cpu profile then
        // labels it state=native like the native-method samples (casebook 12's culprit frame).
        Path file = dir.resolve("native.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
            r.start();
            compressFor(Duration.ofMillis(1500));
            r.stop();
            r.dump(file);
        }
        JfrMemo memo = new JfrMemo();
        int nativeLeaves = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getStackTrace() == null || e.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            boolean leafIsNative = java.lang.reflect.Modifier.isNative(
                    e.getStackTrace().getFrames().get(0).getMethod().getModifiers());
            StackProfile.Stack stack = memo.stack(e, UnaryOperator.identity());
            assertThat(stack.leafNative()).as("leaf %s", stack.frames().get(0)).isEqualTo(leafIsNative);
            nativeLeaves += leafIsNative ? 1 : 0;
        }
        assertThat(nativeLeaves).as("samples in Deflater's native code").isPositive();
    }

    private static void compressFor(Duration d) {
        byte[] input = new byte[64 * 1024];
        byte[] output = new byte[128 * 1024];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i * 31 % 251);
        }
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            deflater.setInput(input);
            deflater.finish();
            while (!deflater.finished()) {
                deflater.deflate(output);
            }
            deflater.end();
        }
    }
}
