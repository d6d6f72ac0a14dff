package profcon.report;

import java.io.PrintWriter;
import profcon.model.Profile;

/** The {@code comments} report: every free-form comment of the profile, one per line. */
final class CommentsReport {
    private CommentsReport() {
    }

    static void write(Profile p, PrintWriter out) {
        for (String comment : p.comments()) {
            out.print(comment + "\n");
        }
    }
}
