package profcon.pprof;

import java.io.IOException;

/** A profile file that cannot be read; the message names the file and what is wrong with it. */
public class ProfileFormatException extends IOException {
    public ProfileFormatException(String message) {
        super(message);
    }

    public ProfileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
