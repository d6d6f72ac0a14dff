package profcon.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The timeline's rows in order: groups by name, threads by name within them, numbers compared as numbers. */
final class TimelineOrder {
    /** worker-2 before worker-10, as a reader counts, then case-insensitive. */
    static final Comparator<String> NATURAL = TimelineOrder::compareNatural;

    private TimelineOrder() {
    }

    /** The trace's threads by group, groups and their threads in natural order (java id breaks ties). */
    static Map<String, List<TraceThread>> groups(Trace trace) {
        List<TraceThread> threads = new ArrayList<>(trace.threads());
        threads.sort(Comparator.comparing(TraceThread::group, NATURAL)
                .thenComparing(TraceThread::name, NATURAL)
                .thenComparingLong(TraceThread::javaId));
        Map<String, List<TraceThread>> groups = new LinkedHashMap<>();
        for (TraceThread t : threads) {
            groups.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t);
        }
        return groups;
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int c = compareNumbers(a.substring(i, ei), b.substring(j, ej));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                int c = Character.compare(Character.toLowerCase(a.charAt(i)), Character.toLowerCase(b.charAt(j)));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    // Leading zeros dropped, a longer number is larger: no overflow however long the digits run.
    private static int compareNumbers(String x, String y) {
        String a = x.replaceFirst("^0+(?=.)", "");
        String b = y.replaceFirst("^0+(?=.)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
