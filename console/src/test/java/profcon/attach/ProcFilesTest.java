package profcon.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ProcFiles reads what ProcessHandle reports, so an attach that skips ProcessHandle checks the same process. */
class ProcFilesTest {
    private static final ProcessHandle SELF = ProcessHandle.current();

    @Test
    void commandArgumentsAndPidAreWhatProcessHandleSays() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        assertThat(ProcFiles.command(SELF.pid())).isEqualTo(SELF.info().command());
        assertThat(ProcFiles.arguments(SELF.pid()).orElseThrow())
                .isNotEmpty()
                .isEqualTo(List.of(SELF.info().arguments().orElseThrow()));
        assertThat(ProcFiles.currentPid()).isEqualTo(SELF.pid());
    }

    @Test
    void aProcessThatIsNotThereIsEmpty() {
        long gone = Long.MAX_VALUE;
        assertThat(ProcFiles.command(gone)).isEmpty();
        assertThat(ProcFiles.arguments(gone)).isEmpty();
        assertThat(JvmProcess.of(gone)).isEmpty();
    }

    @Test
    void thisJvmIsAJvmWithItsArguments() {
        JvmProcess self = JvmProcess.of(SELF.pid()).orElseThrow();
        assertThat(self.isJvm()).isTrue();
        assertThat(self.command()).isEqualTo(SELF.info().command().orElseThrow());
        assertThat(self.arguments()).isEqualTo(List.of(SELF.info().arguments().orElseThrow()));
    }
}
