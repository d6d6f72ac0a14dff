package profcon.push;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import profcon.model.Profile;

/** Writes a profile as a binary OTLP {@code ExportProfilesServiceRequest} ({@code save FILE.otlp}). */
public final class OtlpFile {
    public static final String SUFFIX = ".otlp";

    private OtlpFile() {
    }

    public static boolean named(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(SUFFIX);
    }

    /** Writes atomically, as the pprof writer does: a failed write leaves no partial file. */
    public static void write(Profile profile, PushIdentity identity, Path file) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".profcon-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                OtlpProfiles.request(profile, identity).writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
