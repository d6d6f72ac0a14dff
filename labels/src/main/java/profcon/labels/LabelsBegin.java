package profcon.labels;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR event: a thread entered a labelled span; {@code labels} is its whole label set from now on. */
@Name("profcon.LabelsBegin")
@Label("Profile Labels Begin")
@Category("profcon")
@Description("A thread's profile labels as a labelled span starts (k=v pairs joined by ';', %-escaped)")
@StackTrace(false)
final class LabelsBegin extends Event {
    @Label("Labels")
    String labels;
}
