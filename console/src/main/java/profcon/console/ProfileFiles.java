package profcon.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import profcon.model.Profile;
import profcon.pprof.PprofReader;
import profcon.pprof.ProfileFormatException;
import profcon.report.ProfileOps;
import profcon.report.ReportException;

/** Opens a profile file by its content: pprof protobuf (gzipped or plain), or a JFR recording. */
public final class ProfileFiles {
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};
    private static final Pattern JFR_WITH_KIND = Pattern.compile("(.+):([a-z_]+)");

    private ProfileFiles() {
    }

    /** A profile opened from a file, with what the console should say about it (empty when nothing). */
    public record Opened(Profile profile, String note) {
    }

    /** Reads a pprof file and, as pprof does on load, drops the frames its drop_frames/keep_frames name. */
    public static Profile read(Path file) throws IOException {
        Profile p = PprofReader.read(file);
        try {
            return ProfileOps.removeUninteresting(p);
        } catch (ReportException e) {
            throw new ProfileFormatException(file + ": " + e.getMessage());
        }
    }

    /** Opens a pprof file, or a .jfr recording as profile {@code kind} (null: the file's main kind). */
    public static Opened open(Path file, String kind) throws IOException, CommandException {
        if (isJfr(file)) {
            JfrRecording recording = JfrRecording.read(file);
            JfrRecording.Kind chosen = recording.choose(kind);
            String note = recording.holds() + "; showing " + chosen.kind();
            if (recording.kinds().size() > 1) {
                note += "; 'load " + file + " " + recording.kinds().stream().map(JfrRecording.Kind::kind)
                        .filter(k -> !k.equals(chosen.kind())).findFirst().orElse("") + "' for another";
            }
            return new Opened(chosen.profile(), note);
        }
        if (kind != null) {
            throw new CommandException(file + " is a pprof profile: it holds one kind; 'load " + file + "' opens it");
        }
        return new Opened(read(file), "");
    }

    /**
     * The profile a {@code base}/{@code diff_base} setting names: a pprof file, or a JFR recording
     * as {@code FILE.jfr:KIND} (without {@code :KIND}, the kind {@code load FILE.jfr} would show).
     */
    public static Profile readBase(String value) throws IOException, ReportException {
        Matcher withKind = JFR_WITH_KIND.matcher(value);
        boolean kindGiven = withKind.matches() && isJfr(Path.of(withKind.group(1)));
        Path file = Path.of(kindGiven ? withKind.group(1) : value);
        if (!kindGiven && !isJfr(file)) {
            return PprofReader.read(file);
        }
        try {
            return JfrRecording.read(file).choose(kindGiven ? withKind.group(2) : null).profile();
        } catch (CommandException e) {
            throw new ReportException(value + ": " + e.getMessage());
        }
    }

    /** True when the file starts with JFR's magic bytes, whatever its name. */
    static boolean isJfr(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), JFR_MAGIC);
        }
    }

    /** True when {@code word} names an existing file rather than a pid. */
    public static boolean looksLikeFile(String word) {
        return !word.chars().allMatch(Character::isDigit);
    }
}
