package profcon.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/**
 * The profiles that the {@code base} and {@code diff_base} settings name, each read on first use
 * and then kept until the setting is set again, so reports do not re-read the file. The
 * {@link Settings} copies made since the setting was set share its loaded profile.
 */
public final class BaseProfiles {
    /** Reads the profile a base setting names; pprof files by default, the console adds {@code .jfr}. */
    @FunctionalInterface
    public interface Reader {
        Profile read(String value) throws IOException, ReportException;
    }

    static final Reader PPROF = value -> PprofReader.read(Path.of(value));
    private final Reader reader;
    private final Map<String, Memo> memos;

    BaseProfiles(Reader reader) {
        this(reader, Map.of());
    }

    private BaseProfiles(Reader reader, Map<String, Memo> memos) {
        this.reader = reader;
        this.memos = memos;
    }

    static boolean isBase(String setting) {
        return setting.equals("base") || setting.equals("diff_base");
    }

    /** These bases after {@code setting} was set to {@code value}: setting it again reads the file again. */
    BaseProfiles set(String setting, String value) {
        if (!isBase(setting)) {
            return this;
        }
        Map<String, Memo> changed = new HashMap<>(memos);
        changed.put(setting, new Memo(value));
        return new BaseProfiles(reader, Map.copyOf(changed));
    }

    /** The profile that {@code setting} names with {@code value}: read now the first time, then kept. */
    Profile profile(String setting, String value) throws ReportException {
        Memo memo = memos.get(setting);
        return (memo != null && memo.value.equals(value) ? memo : new Memo(value)).profile(reader);
    }

    /** One setting's value and, once read, its profile. */
    private static final class Memo {
        private final String value;
        private Profile loaded;

        Memo(String value) {
            this.value = value;
        }

        synchronized Profile profile(Reader reader) throws ReportException {
            if (loaded == null) {
                try {
                    loaded = reader.read(value);
                } catch (IOException e) {
                    throw new ReportException(e.getMessage(), e);
                }
            }
            return loaded;
        }
    }
}
