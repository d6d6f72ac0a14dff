package profcon.report;
import java.io.PrintWriter; import java.util.*; import profcon.model.*;
public final class Reports {
  public static List<ReportSpec> specs() { return List.of(new ReportSpec("top", List.of("text"), "top [N]", "placeholder", false)); }
  public static void run(String name, List<String> args, Profile p, Settings s, PrintWriter out) throws ReportException {
    Map<String,Long> flat = new HashMap<>();
    for (Sample x : p.samples()) flat.merge(x.locations().isEmpty() ? "?" : x.locations().get(0).lines().get(0).function().name(), x.values()[x.values().length-1], Long::sum);
    flat.entrySet().stream().sorted(Map.Entry.<String,Long>comparingByValue().reversed()).limit(args.isEmpty()?10:Integer.parseInt(args.get(0))).forEach(e -> out.println(e.getValue() + " " + e.getKey()));
  }
}
