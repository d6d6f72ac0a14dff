package profcon.threads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compresses thread names: {@code pool-3-thread-1} ... {@code pool-3-thread-500} become {@code pool-3-thread-[1..500]}. */
public final class NameRanges {
    private static final Pattern LAST_NUMBER = Pattern.compile("^(.*?)(\\d{1,9})(\\D*)$");
    private static final int MAX_FAMILIES = 4;
    private static final int MAX_RANGES = 6;

    private NameRanges() {
    }

    public static String compress(List<String> names) {
        Map<String, TreeSet<Integer>> families = new LinkedHashMap<>();
        Map<String, String[]> parts = new LinkedHashMap<>();
        for (String name : names) {
            Matcher m = LAST_NUMBER.matcher(name);
            String key = m.matches() ? m.group(1) + "\u0000" + m.group(3) : name + "\u0000";
            parts.putIfAbsent(key, m.matches() ? new String[] {m.group(1), m.group(3)} : new String[] {name, ""});
            TreeSet<Integer> numbers = families.computeIfAbsent(key, k -> new TreeSet<>());
            if (m.matches()) {
                numbers.add(Integer.parseInt(m.group(2)));
            }
        }
        List<String> keys = new ArrayList<>(families.keySet());
        keys.sort(Comparator.comparing((String k) -> -families.get(k).size()).thenComparing(k -> k));
        List<String> shown = new ArrayList<>();
        for (String key : keys.subList(0, Math.min(MAX_FAMILIES, keys.size()))) {
            shown.add(family(parts.get(key), families.get(key)));
        }
        if (keys.size() > MAX_FAMILIES) {
            shown.add("and " + (keys.size() - MAX_FAMILIES) + " more names");
        }
        return String.join(", ", shown);
    }

    private static String family(String[] affix, TreeSet<Integer> numbers) {
        if (numbers.isEmpty()) {
            return affix[0];
        }
        if (numbers.size() == 1) {
            return affix[0] + numbers.first() + affix[1];
        }
        List<String> ranges = new ArrayList<>();
        int start = -1;
        int prev = -1;
        int count = 0;
        for (int n : numbers) {
            if (start >= 0 && n == prev + 1) {
                prev = n;
                continue;
            }
            if (start >= 0) {
                ranges.add(range(start, prev));
            }
            start = n;
            prev = n;
        }
        ranges.add(range(start, prev));
        count = ranges.size();
        String inside = count > MAX_RANGES
                ? String.join(",", ranges.subList(0, MAX_RANGES)) + ",... " + (count - MAX_RANGES) + " more ranges"
                : String.join(",", ranges);
        return affix[0] + "[" + inside + "]" + affix[1];
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + ".." + to;
    }
}
