package profcon.sched;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key:\tvalue} lines of a {@code /proc/.../status} file. */
record ProcStatus(Map<String, String> fields) {
    static ProcStatus parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return new ProcStatus(fields);
    }

    /** The field's value, or "" when absent. */
    String text(String key) {
        return fields.getOrDefault(key, "");
    }

    /** The field as a number; 0 when absent (kernels without the field). */
    long number(String key) {
        String v = fields.get(key);
        return v == null || v.isEmpty() ? 0 : Long.parseLong(v.split("\\s+")[0]);
    }
}
