package profcon.console;

import java.io.IOException;
import java.nio.file.Path;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/** Opens a profile file by its content: pprof protobuf, gzipped or plain. */
public final class ProfileFiles {
    private ProfileFiles() {
    }

    public static Profile read(Path file) throws IOException {
        return PprofReader.read(file);
    }

    /** True when {@code word} names an existing file rather than a pid. */
    public static boolean looksLikeFile(String word) {
        return !word.chars().allMatch(Character::isDigit);
    }
}
