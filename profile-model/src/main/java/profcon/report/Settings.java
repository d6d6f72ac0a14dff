package profcon.report;
import java.io.PrintWriter; import java.util.*;
public final class Settings {
  public static Settings defaults() { return new Settings(); }
  public Settings set(String n, String v) throws ReportException { return this; }
  public Settings clearFilters() { return this; }
  public void writeOptions(PrintWriter out) {}
  public List<String> names() { return List.of("nodecount","focus"); }
  public List<String> choices(String n) { return List.of(); }
  public String get(String n) { return ""; }
}
