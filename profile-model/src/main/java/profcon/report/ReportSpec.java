package profcon.report;
import java.util.List;
public record ReportSpec(String name, List<String> aliases, String usage, String summary, boolean needsRegex) {}
