package profcon.jbang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Runs {@code scripts/jbang} as a person would (from the checkout, through a registered catalog,
 * through a symlink) and checks that {@code scripts/Profcon.java} agrees with the Maven build.
 *
 * <p>jbang-cli is fetched once per run into a fresh cache, from {@code ~/.m2} when it is there;
 * {@code JBANG_DIR} is a fresh directory per test so no test sees or edits the user's JBang setup.
 */
class JbangLauncherIT {
  // A first run resolves jbang-cli, resolves the script's dependencies and compiles every module.
  private static final Duration TIMEOUT = Duration.ofMinutes(4);
  private static final Path ROOT = findRepoRoot();
  private static final Path LAUNCHER = ROOT.resolve("scripts/jbang");
  private static final Path SCRIPT = ROOT.resolve("scripts/Profcon.java");

  @TempDir static Path shared;
  @TempDir Path work;

  @Test
  void versionRunsFromTheCheckout() throws Exception {
    Run run = await(start(ROOT, env(), LAUNCHER, "profcon", "--version"));
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).startsWith("profcon ");
  }

  @Test
  void aliasListInTheCheckoutShowsProfcon() throws Exception {
    Run run = await(start(ROOT, env(), LAUNCHER, "alias", "list"));
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out().lines()).as(run.toString()).contains("profcon");
  }

  @Test
  void globalCatalogRunsProfconFromAnotherDirectory() throws Exception {
    Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
    String catalog = ROOT.resolve("jbang-catalog.json").toString();
    Run add = await(start(elsewhere, env(), LAUNCHER, "catalog", "add", "-g", "--name", "catalog", catalog));
    assertThat(add.exit()).as(add.toString()).isZero();
    Run run = await(start(elsewhere, env(), LAUNCHER, "profcon@catalog", "--version"));
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).startsWith("profcon ");
  }

  /** The "done": {@code jbang profcon@catalog <pid> -c "profile cpu 5s; top5"} shows the hot method. */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
  void catalogAliasProfilesALiveTarget(String jdk) throws Exception {
    String home = profcon.console.TargetJvm.jdk(jdk);
    Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
    Run add = await(start(elsewhere, env(), LAUNCHER, "catalog", "add", "-g", "--name", "catalog",
        ROOT.resolve("jbang-catalog.json").toString()));
    assertSucceeded(add);
    try (profcon.console.TargetJvm target = profcon.console.TargetJvm.start(home, "profcon.demo.Demo")) {
      Run run = await(start(elsewhere, env(), LAUNCHER, "profcon@catalog", Long.toString(target.pid()), "-c",
          "profile cpu 5s; top5"));
      assertSucceeded(run);
      assertThat(run.out()).as(run.toString()).contains("flat  flat%");
      String firstRow = run.out().lines().dropWhile(l -> !l.contains("flat  flat%")).skip(1).findFirst().orElse("");
      assertThat(firstRow).as(run.toString()).contains("profcon.demo.Demo.hotLoop");
    }
  }

  /** The Java runbook in scripts/runbooks runs through JBang against a live target and passes its own check. */
  @Test
  void javaRunbookRunsAgainstALiveTarget() throws Exception {
    String home = profcon.console.TargetJvm.jdk("profcon.jdk17");
    try (profcon.console.TargetJvm target = profcon.console.TargetJvm.start(home, "profcon.demo.Demo")) {
      Run run = await(start(ROOT, env(), LAUNCHER, "scripts/runbooks/CpuHotspot.java",
          Long.toString(target.pid()), "profcon\\.demo\\.Demo"));
      assertSucceeded(run);
      assertThat(run.out()).as(run.toString()).contains("flat  flat%").contains("profcon.demo.Demo.");
    }
  }

  @Test
  void appInstallPutsProfconOnPathWithTheLauncherAsJbang() throws Exception {
    Path home = Files.createDirectories(work.resolve("home"));
    Map<String, String> env = env();
    // JBang edits the rc files of the JVM's user.home, not $HOME; keep ~/.m2 as the repository.
    env.put("JBANG_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1 -Duser.home=" + home);
    env.put("JBANG_REPO", Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
    String catalog = ROOT.resolve("jbang-catalog.json").toString();
    assertSucceeded(await(start(home, env, LAUNCHER, "catalog", "add", "-g", "--name", "catalog", catalog)));
    assertSucceeded(await(start(home, env, LAUNCHER, "app", "install", "--name", "profcon", "profcon@catalog")));
    Path bin = Path.of(env.get("JBANG_DIR"), "bin");
    assertThat(home.resolve(".bashrc")).content().contains(bin.toString());
    Path link = Files.createSymbolicLink(bin.resolve("jbang"), LAUNCHER);
    env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    Run run = await(start(home, env, bin.resolve("profcon"), "--version"));
    assertSucceeded(run);
    assertThat(run.out()).as(run.toString()).startsWith("profcon ");
    Files.delete(link);
  }

  @Test
  void runsThroughASymlinkAndPassesExitCodesOn() throws Exception {
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("jbang"), LAUNCHER);
    Run version = await(start(work, env(), link, "--version"));
    assertThat(version.exit()).as(version.toString()).isZero();
    assertThat(version.err()).as(version.toString()).endsWith(launcherPomProperty("jbang.version"));
    Run missing = await(start(work, env(), link, "no-such-script.java"));
    assertThat(missing.exit()).as(missing.toString()).isNotIn(0, 255);
    Files.delete(link); // so that @TempDir cleanup does not warn about a link leaving the directory
  }

  @Test
  void prefersAJbangOnPathButNeverItself() throws Exception {
    Path self = Files.createDirectories(work.resolve("self"));
    Path link = Files.createSymbolicLink(self.resolve("jbang"), LAUNCHER);
    Path real = Files.createDirectories(work.resolve("real"));
    Files.writeString(real.resolve("jbang"), "#!/bin/sh\necho \"real jbang: $*\"\n");
    real.resolve("jbang").toFile().setExecutable(true);
    Map<String, String> env = env();
    env.remove("PROFCON_JBANG_FROM_PATH");
    env.put("PATH", self + File.pathSeparator + real + File.pathSeparator + System.getenv("PATH"));
    Run run = await(start(work, env, LAUNCHER, "run", "x y"));
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).isEqualTo("real jbang: run x y");
    Files.delete(link);
  }

  @Test
  void concurrentFirstRunsShareOneCompleteCache() throws Exception {
    Map<String, String> env = env();
    Path cache = work.resolve("fresh-cache");
    env.put("PROFCON_CACHE", cache.toString());
    Started first = start(work, env, LAUNCHER, "--version");
    Started second = start(work, env, LAUNCHER, "--version");
    for (Run run : List.of(await(first), await(second))) {
      assertThat(run.exit()).as(run.toString()).isZero();
    }
    List<Path> homes = list(cache);
    assertThat(homes).hasSize(1);
    assertThat(list(homes.get(0)).stream().map(p -> p.getFileName().toString())).containsOnly("lib", ".lock");
    assertThat(list(homes.get(0).resolve("lib")).stream().map(p -> p.getFileName().toString()))
        .contains("jbang-cli-" + launcherPomProperty("jbang.version") + ".jar")
        .contains("gson-" + launcherPomProperty("gson.version") + ".jar") // with 2.10.1 catalogs read as empty
        .allMatch(name -> name.endsWith(".jar"));
  }

  /**
   * The launch cache runs the command JBang printed again, with each run's own arguments exactly as
   * given, and goes back to JBang (which rebuilds) when a source changes, appears, or the built jar is gone.
   */
  @Test
  void launchCacheReplaysArgumentsVerbatimAndNeverRunsStaleCode() throws Exception {
    Path app = Files.createDirectories(work.resolve("app"));
    Path lib = Files.createDirectories(app.resolve("lib/greeting"));
    Files.writeString(app.resolve("Echo.java"), String.join("\n",
        "//SOURCES lib/**.java",
        "public class Echo {",
        "  public static void main(String[] args) {",
        "    System.out.println(greeting.Greeting.TEXT);",
        "    for (String a : args) System.out.println(\"[\" + a + \"]\");",
        "  }",
        "}", ""));
    writeGreeting(lib, "one");
    Map<String, String> env = env();
    env.put("PROFCON_LAUNCH_TRACE", "1");
    List<String> tricky = List.of("a  b", "*", "it's", "$HOME", "x\"y", "`id`", "-c", "top10; peek 'a b'", "\\n");

    assertLaunch(app, env, tricky, "one", "kept");
    assertLaunch(app, env, tricky, "one", "hit");
    // JBang 0.132 drops an empty argument (so a run with one is never kept); a replay passes it on as given
    assertLaunch(app, env, List.of("", "a"), "one", "hit");
    assertLaunch(app, env, List.of("other"), "one", "hit");
    writeGreeting(lib, "two"); // same size: the listing's times tell
    assertLaunch(app, env, List.of("x"), "two", "miss (the sources changed)");
    assertLaunch(app, env, List.of("x"), "two", "hit");
    Files.writeString(lib.resolve("Extra.java"), "package greeting; class Extra {}\n");
    assertLaunch(app, env, List.of("x"), "two", "miss (the sources changed)");
    try (Stream<Path> jars = Files.list(shared.resolve("jbang-cache/jars"))) {
      for (Path built : jars.filter(p -> p.getFileName().toString().startsWith("Echo.java.")).toList()) {
        deleteTree(built);
      }
    }
    assertLaunch(app, env, List.of("x"), "two", "miss (a file of the kept command is gone)");
    assertLaunch(app, env, List.of("x"), "two", "hit");
  }

  /** The README's own command: the second run of profcon skips JBang's JVM. */
  @Test
  void profconRunsFromTheLaunchCache() throws Exception {
    Map<String, String> env = env();
    env.put("PROFCON_LAUNCH_TRACE", "1");
    await(start(ROOT, env, LAUNCHER, "profcon", "--version"));
    Run run = await(start(ROOT, env, LAUNCHER, "profcon", "--version"));
    assertSucceeded(run);
    assertThat(run.out()).as(run.toString()).startsWith("profcon ");
    assertThat(run.err()).as(run.toString()).isEqualTo("profcon: launch cache: hit");
  }

  private void assertLaunch(Path app, Map<String, String> env, List<String> args, String greeting, String trace)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("Echo.java"));
    command.addAll(args);
    Run run = await(start(app, env, LAUNCHER, command.toArray(String[]::new)));
    assertSucceeded(run);
    StringBuilder expected = new StringBuilder(greeting);
    args.forEach(a -> expected.append("\n[").append(a).append("]"));
    assertThat(run.out()).as(run.toString()).isEqualTo(expected.toString().strip());
    assertThat(run.err().lines()).as(run.toString()).contains("profcon: launch cache: " + trace);
  }

  private static void writeGreeting(Path dir, String text) throws IOException {
    Files.writeString(dir.resolve("Greeting.java"),
        "package greeting;\npublic class Greeting { public static final String TEXT = \"" + text + "\"; }\n");
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void scriptDependenciesMatchTheRootPom() throws Exception {
    Map<String, String> deps = new TreeMap<>();
    for (String gav : directives("DEPS")) {
      String[] parts = gav.split(":");
      deps.put(parts[0] + ":" + parts[1], parts[2]);
    }
    assertThat(deps).as("//DEPS of scripts/Profcon.java against the root pom.xml")
        .isEqualTo(externalRuntimeDependencies(pom(ROOT.resolve("pom.xml"))));
  }

  /** Modules that are libraries for other projects' tests, not part of the console JBang runs. */
  private static final Set<String> NOT_IN_THE_CONSOLE = Set.of("leakcheck");

  @Test
  void scriptCompilesEveryModuleAndItsResources() throws Exception {
    List<String> sources = directives("SOURCES");
    List<String> files = directives("FILES");
    assertThat(sources).as("a test library (JUnit at provided scope) stays out of the console")
        .noneMatch(s -> NOT_IN_THE_CONSOLE.stream().anyMatch(m -> s.startsWith("../" + m + "/")));
    for (String module : childTexts(pom(ROOT.resolve("pom.xml")), "module")) {
      if (NOT_IN_THE_CONSOLE.contains(module)) {
        continue;
      }
      assertThat(sources).as("//SOURCES of " + module).anyMatch(s -> s.startsWith("../" + module + "/"));
      if (Files.isDirectory(ROOT.resolve(module).resolve("src/main/resources"))) {
        assertThat(files).contains("../" + module + "/src/main/resources/**");
      }
    }
  }

  @Test
  void scriptManifestMatchesTheAgentJar() throws Exception {
    Map<String, String> entries = new TreeMap<>();
    for (String entry : String.join(" ", directives("MANIFEST")).split("\\s+")) {
      String[] kv = entry.split("=", 2);
      entries.put(kv[0], kv[1]);
    }
    Element manifest = (Element) pom(ROOT.resolve("attach-helpers/pom.xml"))
        .getElementsByTagName("manifestEntries").item(0);
    assertThat(entries).as("//MANIFEST of scripts/Profcon.java against attach-helpers/pom.xml")
        .isEqualTo(childElements(manifest));
  }

  private static void assertSucceeded(Run run) {
    assertThat(run.exit()).as(run.toString()).isZero();
  }

  // ---- processes ----

  private record Started(Process process, Path out, Path err, List<String> command) {}

  private record Run(int exit, String out, String err, List<String> command) {
    @Override
    public String toString() {
      return String.join(" ", command) + " exited " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** The launcher's environment: isolated JBang and profcon caches, and this checkout's launcher, not one on PATH. */
  private Map<String, String> env() throws IOException {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("JBANG_DIR", Files.createDirectories(work.resolve("jbang")).toString());
    env.put("JBANG_CACHE_DIR", shared.resolve("jbang-cache").toString());
    env.put("PROFCON_CACHE", shared.resolve("profcon-cache").toString());
    env.put("PROFCON_JBANG_FROM_PATH", "0");
    return env;
  }

  private Started start(Path cwd, Map<String, String> env, Path program, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(program.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return new Started(builder.start(), out, err, command);
  }

  private static Run await(Started started) throws Exception {
    Process process = started.process();
    try {
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        fail("no exit after %s: %s%n%s", TIMEOUT, started.command(), Files.readString(started.err()));
      }
      return new Run(process.exitValue(), read(started.out()), read(started.err()), started.command());
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.collect(Collectors.toList());
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }

  // ---- the checkout ----

  private static Path findRepoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("scripts/jbang")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no checkout with scripts/jbang above " + Path.of("").toAbsolutePath());
  }

  /** Values of {@code //NAME value} lines in Profcon.java. */
  private static List<String> directives(String name) throws IOException {
    Pattern line = Pattern.compile("^//" + name + "\\s+(.+)$");
    return Files.readAllLines(SCRIPT).stream()
        .map(line::matcher).filter(Matcher::matches).map(m -> m.group(1).strip())
        .collect(Collectors.toList());
  }

  private static String launcherPomProperty(String name) throws Exception {
    return properties(pom(ROOT.resolve("scripts/jbang-launcher/pom.xml"))).get(name);
  }

  /** groupId:artifactId → version of the root pom's managed dependencies that JBang must fetch. */
  private static Map<String, String> externalRuntimeDependencies(Document pom) {
    Map<String, String> properties = properties(pom);
    Map<String, String> deps = new TreeMap<>();
    NodeList managed = ((Element) pom.getElementsByTagName("dependencyManagement").item(0))
        .getElementsByTagName("dependency");
    for (int i = 0; i < managed.getLength(); i++) {
      Map<String, String> dep = childElements((Element) managed.item(i));
      if ("test".equals(dep.get("scope")) || "dev.profcon".equals(dep.get("groupId"))) {
        continue; // test libraries, and the project's own modules, which the script compiles from source
      }
      String version = dep.get("version").replaceAll("^\\$\\{(.+)}$", "$1");
      deps.put(dep.get("groupId") + ":" + dep.get("artifactId"), properties.getOrDefault(version, version));
    }
    return deps;
  }

  private static Map<String, String> properties(Document pom) {
    return childElements((Element) pom.getElementsByTagName("properties").item(0));
  }

  private static List<String> childTexts(Document pom, String tag) {
    NodeList nodes = pom.getElementsByTagName(tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }

  private static Map<String, String> childElements(Element parent) {
    Map<String, String> children = new TreeMap<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        children.put(child.getNodeName(), child.getTextContent().strip());
      }
    }
    return children;
  }

  private static Document pom(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }
}
