package profcon.threads;

import java.io.PrintWriter;

/** The first N rows of the JDK's class histogram text (as {@code jcmd GC.class_histogram} prints it), and its total. */
public final class ClassHistogramReport {
    private ClassHistogramReport() {
    }

    public static void render(String histogram, int rows, PrintWriter out) {
        String[] lines = histogram.split("\n");
        int shown = 0;
        for (String line : lines) {
            boolean row = line.trim().matches("\\d+:.*");
            if (row && shown++ >= rows) {
                continue;
            }
            if (row || line.trim().startsWith("num") || line.trim().startsWith("---") || line.startsWith("Total")) {
                out.println(line);
            }
        }
    }
}
