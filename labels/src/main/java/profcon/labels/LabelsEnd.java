package profcon.labels;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR event: a thread left a labelled span; {@code labels} is the set it goes back to (often empty). */
@Name("profcon.LabelsEnd")
@Label("Profile Labels End")
@Category("profcon")
@Description("A thread's profile labels as a labelled span ends, restored (k=v pairs joined by ';', %-escaped)")
@StackTrace(false)
final class LabelsEnd extends Event {
    @Label("Labels")
    String labels;
}
