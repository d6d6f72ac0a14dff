package profcon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryTest {
    @TempDir
    Path dir;

    @Test
    void installsOnceOwnerReadOnlyAndReplacesAChangedFile() throws Exception {
        NativeLibrary library = NativeLibrary.forThisPlatform().orElseThrow();
        Path file = library.install(dir);
        assertThat(file.getFileName().toString()).matches("libasyncProfiler-[0-9a-f]{16}\\.so");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--------");
        long size = Files.size(file);
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(file);
        assertThat(library.install(dir)).isEqualTo(file);
        assertThat(Files.getLastModifiedTime(file)).as("an intact file is reused").isEqualTo(written);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.write(file, new byte[] {1, 2, 3}); // a tampered library must never be loaded
        assertThat(library.install(dir)).isEqualTo(file);
        assertThat(Files.size(file)).isEqualTo(size);
    }
}
