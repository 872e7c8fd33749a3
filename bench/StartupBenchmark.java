import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strata's start-up benchmark; {@code bin/benchmark} builds the jar and runs it (docs/performance.md).
 *
 * <p>Times whole processes, interleaved so that every variant sees the same machine load: the plan
 * through Maven (the README's plan command); through the executable jar with bin/strata's JVM flags but
 * no class-data archive ({@code STRATA_CDS=off}); through {@code bin/strata} (flags and archive);
 * and as Pulumi's {@code binary} option runs it ({@code java -jar}, no flags). Checks first that all
 * print byte-identical plans. Then a scaling series: generated stacks with 1, 10, 50 and 100
 * data-lake zones, planned by {@code bin/strata}. {@code --flags} adds one row per start-up change.
 *
 * <p>Peak memory is the process's maximum resident set, from GNU time ({@code /usr/bin/time}); the
 * plan's own work comes from the {@code STRATA_TIMING} probe in {@code App} and from running it warm.
 * Run with the single-file launcher from the project root: {@code java bench/StartupBenchmark.java}.
 */
public final class StartupBenchmark {
    private static final Pattern PROBE = Pattern.compile("strata-timing: main-ms=(\\d+)");
    private static final Pattern URN_KEY = Pattern.compile("\"urn\"\\s*:");
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private record Variant(String name, List<String> command) {
        List<String> plan(String... args) {
            if (name.startsWith("Maven")) {
                return List.of("mvn", "-q", "compile", "exec:java", "-Dexec.args=plan " + String.join(" ", args));
            }
            List<String> all = new ArrayList<>(command);
            all.add("plan");
            all.addAll(Arrays.asList(args));
            return all;
        }
    }

    /** One process: wall and CPU time, peak RSS; the probe's main-to-exit time when asked for. */
    private record Run(double wallMs, double cpuMs, double peakMb, double mainMs) {
    }

    private final Path root = Path.of("").toAbsolutePath();
    private final Path work;
    private final boolean gnuTime = Files.isExecutable(GNU_TIME);

    private StartupBenchmark() throws IOException {
        work = Files.createTempDirectory("strata-bench");
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        String stack = "prod";
        List<Integer> zones = List.of(1, 10, 50, 100);
        boolean flags = false;
        boolean scalingOnly = false;
        boolean diffOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--stack" -> stack = args[++i];
                case "--zones" -> zones = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--flags" -> flags = true;
                case "--scaling-only" -> scalingOnly = true;
                case "--diff-only" -> diffOnly = true;
                default -> {
                    System.err.println("usage: bin/benchmark [--runs N] [--stack NAME] [--zones 1,10,50,100] [--flags] [--scaling-only] [--diff-only]");
                    System.exit(2);
                }
            }
        }
        StartupBenchmark benchmark = new StartupBenchmark();
        int exit;
        try {
            exit = diffOnly ? benchmark.diffAgainstPlan(runs) : benchmark.run(runs, stack, zones, flags, scalingOnly);
        } finally {
            try (var files = Files.walk(benchmark.work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(exit);
    }

    private int run(int runs, String stack, List<Integer> zones, boolean flags, boolean scalingOnly) throws Exception {
        String jar = "target/strata-app.jar";
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("Maven (mvn -q compile exec:java)", List.of()),
                new Variant("jar (bin/strata, STRATA_CDS=off)", List.of("env", "STRATA_CDS=off", "bin/strata")),
                new Variant("jar + CDS (bin/strata)", List.of("bin/strata")),
                new Variant("plain java -jar target/strata-app.jar", List.of("java", "-jar", jar))));
        // JDK 24+: bin/strata with the ahead-of-time cache built for that JDK (bin/benchmark finds one).
        String aotJdk = System.getenv().getOrDefault("STRATA_AOT_JDK", "");
        int core = 4;
        if (!aotJdk.isEmpty()) {
            core++;
            String feature = Files.readString(Path.of(aotJdk, "release")).replaceAll("(?s).*JAVA_VERSION=\"(\\d+).*", "$1");
            variants.add(new Variant("bin/strata on JDK " + feature + " + AOT cache", List.of("env", "JAVA_HOME=" + aotJdk, "bin/strata")));
        }
        if (flags) {
            // Each start-up change alone, and each of bin/strata's taken away, to show which pay (docs/performance.md).
            List<String> binStrata = binStrataFlags();
            String archive = "-XX:SharedArchiveFile=target/strata.jsa";
            variants.add(new Variant("jar + C1 only", List.of("java", "-XX:TieredStopAtLevel=1", "-jar", jar)));
            variants.add(new Variant("jar + C1 only, one compiler thread", List.of("java", "-XX:TieredStopAtLevel=1",
                    "-XX:CICompilerCount=1", "-jar", jar)));
            variants.add(new Variant("jar + SerialGC", List.of("java", "-XX:+UseSerialGC", "-jar", jar)));
            variants.add(new Variant("jar + archive only", List.of("java", archive, "-jar", jar)));
            variants.add(withFlags("bin/strata, Pulumi's polling task runner", binStrata, "-Dstrata.plan.pollingRunner=true", jar));
            // What App's pool setting saves: on 2 CPUs CompletableFuture would start a thread per async step.
            variants.add(withFlags("bin/strata, a thread per async step", binStrata,
                    "-D" + "java.util.concurrent.ForkJoinPool.common.parallelism=1", jar));
            variants.add(withFlags("bin/strata + no reflection inflation", binStrata, "-Dsun.reflect.inflationThreshold=2147483647", jar));
            variants.add(withFlags("bin/strata + -XX:-UsePerfData", binStrata, "-XX:-UsePerfData", jar));
        }

        System.out.println("Strata start-up benchmark: plan --stack " + stack + ", " + runs + " runs of each, interleaved");
        System.out.println("machine: " + machine());
        System.out.println();

        if (scalingOnly) {
            return scaling(runs, zones);
        }
        int failures = checkIdentical(variants.subList(0, core), stack);

        // Whole processes, round-robin with a rotating start so no variant always follows another.
        Map<Variant, List<Run>> timed = new LinkedHashMap<>();
        variants.forEach(v -> timed.put(v, new ArrayList<>()));
        for (int round = 0; round < runs; round++) {
            for (int k = 0; k < variants.size(); k++) {
                Variant variant = variants.get((round + k) % variants.size());
                timed.get(variant).add(measure(variant.plan("--stack", stack), false));
            }
        }
        double mavenMedian = median(timed.get(variants.get(0)), Run::wallMs);
        System.out.printf("%-48s %8s %9s %9s %9s %10s%n", "plan --stack " + stack, "min ms", "median ms", "CPU ms", "peak MB", "vs Maven");
        for (Variant variant : variants) {
            List<Run> r = timed.get(variant);
            double medianMs = median(r, Run::wallMs);
            System.out.printf("%-48s %8.0f %9.0f %9.0f %9.0f %9.1fx%n", variant.name(), min(r, Run::wallMs), medianMs,
                    median(r, Run::cpuMs), median(r, Run::peakMb), mavenMedian / medianMs);
        }
        System.out.println("(wall time; CPU = user + system, median; peak MB = maximum resident set, median)");
        System.out.println();

        // The plan's own work: main() to its exit code, measured inside the process.
        System.out.println("The plan's own work after the JVM is up (STRATA_TIMING probe, median of " + runs + "):");
        System.out.printf("%-48s %9s %9s %9s%n", "", "wall ms", "main ms", "share");
        Map<Variant, List<Run>> probed = new LinkedHashMap<>();
        variants.subList(0, core).forEach(v -> probed.put(v, new ArrayList<>()));
        for (int round = 0; round < runs; round++) {
            for (Variant variant : probed.keySet()) {
                probed.get(variant).add(measure(variant.plan("--stack", stack), true));
            }
        }
        probed.forEach((variant, r) -> {
            double wall = median(r, Run::wallMs);
            double main = median(r, Run::mainMs);
            System.out.printf("%-48s %9.0f %9.0f %8.0f%%%n", variant.name(), wall, main, 100 * main / wall);
        });
        double warmMs = warm(20, List.<String[]>of(new String[]{"plan", "--stack", stack})).get(0);
        double fastest = median(probed.get(variants.get(2)), Run::wallMs);
        System.out.printf("%-48s %9s %9.0f %8.0f%%%n", "warm: App.run in a JVM that already ran it", "", warmMs, 100 * warmMs / fastest);
        System.out.println("(main ms: from App.main to the exit code, i.e. reading the stack, validating it, running the program");
        System.out.println(" under the recording engine and rendering, class loading included; the rest of the wall time is the");
        System.out.println(" JVM, or Maven, starting and stopping. warm: the same plan in this benchmark's JVM after 10 runs");
        System.out.println(" (median of the next 10), as a share of bin/strata's wall time: the plan's own work)");
        System.out.println();

        failures += diffAgainstPlan(runs);
        failures += scaling(runs, zones);
        System.out.println("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        return failures == 0 ? 0 : 1;
    }

    /**
     * {@code strata diff} of two prod plans through bin/strata against one prod plan, interleaved
     * (issue #18: the diff within the time of one plan). The pair is the recorded one of #18's
     * acceptance (the hot tier's deployment type changed, so the diff exits 1, as it should).
     */
    private int diffAgainstPlan(int runs) throws Exception {
        List<String> diff = List.of("bin/strata", "diff", "--base", "src/test/resources/diff/prod.base.json",
                "--head", "src/test/resources/diff/prod.head.json", "--format", "markdown");
        List<String> plan = List.of("bin/strata", "plan", "--stack", "prod", "--format", "json");
        List<Run> diffs = new ArrayList<>();
        List<Run> plans = new ArrayList<>();
        for (int round = 0; round < runs; round++) {
            diffs.add(measure(diff, false, 1));
            plans.add(measure(plan, false, 0));
        }
        System.out.println("strata diff of two prod plans against one prod plan, through bin/strata (" + runs + " runs each, interleaved)");
        System.out.printf("%-48s %8s %9s %9s %9s%n", "", "min ms", "median ms", "CPU ms", "peak MB");
        System.out.printf("%-48s %8.0f %9.0f %9.0f %9.0f%n", "bin/strata plan --stack prod --format json", min(plans, Run::wallMs),
                median(plans, Run::wallMs), median(plans, Run::cpuMs), median(plans, Run::peakMb));
        System.out.printf("%-48s %8.0f %9.0f %9.0f %9.0f%n", "bin/strata diff --format markdown (2 prod plans)", min(diffs, Run::wallMs),
                median(diffs, Run::wallMs), median(diffs, Run::cpuMs), median(diffs, Run::peakMb));
        double ratio = median(diffs, Run::wallMs) / median(plans, Run::wallMs);
        System.out.printf("diff / plan, median wall time: %.2f (target <= 1.00)%n%n", ratio);
        return ratio <= 1.0 ? 0 : 1;
    }

    /** The JVM options bin/strata starts the jar with (archive included when it is usable). */
    private static List<String> binStrataFlags() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bin/strata", "--jvm-options").redirectErrorStream(true).start();
        String options = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("bin/strata --jvm-options failed: " + options);
        }
        return List.of(options.split("\\s+"));
    }

    /** bin/strata's JVM options plus one more, as a plain java command. */
    private static Variant withFlags(String name, List<String> binStrata, String extra, String jar) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(binStrata);
        command.add(extra);
        command.addAll(List.of("-jar", jar));
        return new Variant(name, command);
    }

    /** Byte-identical plans through every variant, in every format; bin/strata's stdout too. */
    private int checkIdentical(List<Variant> variants, String stack) throws Exception {
        List<String> differences = new ArrayList<>();
        for (String format : List.of("table", "json", "mermaid")) {
            byte[] expected = null;
            for (Variant variant : variants) {
                Path out = work.resolve(variant.name().replaceAll("\\W+", "_") + "." + format);
                int exit = exec(variant.plan("--stack", stack, "--format", format, "--out", out.toString()), null, null, false);
                if (exit != 0) {
                    throw new IllegalStateException(variant.name() + ": plan exited " + exit);
                }
                byte[] actual = Files.readAllBytes(out);
                if (expected == null) {
                    expected = actual;
                } else if (!Arrays.equals(expected, actual)) {
                    differences.add(format + " of " + variant.name());
                }
            }
            if (format.equals("table")) {
                // Maven 3.8 adds terminal codes to its own stdout, so Maven's side is its --out file.
                Path stdout = work.resolve("stdout.table");
                exec(variants.get(2).plan("--stack", stack), stdout, null, false);
                if (!Arrays.equals(expected, Files.readAllBytes(stdout))) {
                    differences.add("table on the stdout of " + variants.get(2).name());
                }
            }
        }
        System.out.println(differences.isEmpty()
                ? "Output: the jar and bin/strata print byte-identical plans to Maven's (table, json, mermaid; --out and stdout)"
                : "Output DIFFERS from Maven's: " + String.join(", ", differences));
        System.out.println();
        return differences.size();
    }

    /** Generated stacks of N zones; per resource, both overall and per added resource. */
    private int scaling(int runs, List<Integer> zones) throws Exception {
        Map<Integer, Path> stacks = new LinkedHashMap<>();
        for (int n : zones) {
            StringBuilder yaml = new StringBuilder("config:\n  aws:region: us-east-1\n  strata:environment: dev\n  strata:protect: false\n  strata:dataLake:\n    zones:\n");
            for (int z = 1; z <= n; z++) {
                // A zone needs a lifecycle rule that ends or moves its objects (policy s3-bucket-lifecycle).
                yaml.append(String.format("      zone-%03d: {lifecycle: [{id: expire, expirationDays: 365}]}%n", z));
            }
            stacks.put(n, Files.writeString(work.resolve("Pulumi.scale" + n + ".yaml"), yaml));
        }
        Map<Integer, List<Run>> results = new LinkedHashMap<>();
        Map<Integer, Integer> resources = new LinkedHashMap<>();
        for (int round = 0; round < runs; round++) {
            for (int n : zones) {
                Path out = work.resolve("scale" + n + ".json");
                Run run = measure(List.of("bin/strata", "plan", "--stack", "scale", "--config-file", stacks.get(n).toString(),
                        "--format", "json", "--out", out.toString()), true);
                results.computeIfAbsent(n, k -> new ArrayList<>()).add(run);
                Matcher urns = URN_KEY.matcher(Files.readString(out));
                int count = 0;
                while (urns.find()) {
                    count++;
                }
                resources.put(n, count);
            }
        }
        List<String[]> warmCommands = new ArrayList<>();
        for (int n : zones) {
            warmCommands.add(new String[]{"plan", "--stack", "scale", "--config-file", stacks.get(n).toString(), "--format", "json",
                    "--out", work.resolve("warm" + n + ".json").toString()});
        }
        List<Double> warmMs = warm(10, warmCommands);
        Map<Integer, Double> warm = new LinkedHashMap<>();
        Map<Integer, Double> live = new LinkedHashMap<>();
        for (int i = 0; i < zones.size(); i++) {
            int n = zones.get(i);
            warm.put(n, warmMs.get(i));
            live.put(n, retainedHeap(stacks.get(n), n));
        }
        System.out.println("Scaling: bin/strata plan --format json of generated dev stacks with N data-lake zones (" + runs + " runs each)");
        System.out.printf("%6s %10s %8s %10s %12s %8s %8s %8s %12s %8s %8s %12s%n", "zones", "resources", "min ms", "median ms",
                "med ms/res", "CPU ms", "main ms", "warm ms", "warm ms/res", "peak MB", "held MB", "held KB/res");
        for (int n : zones) {
            List<Run> r = results.get(n);
            int count = resources.get(n);
            System.out.printf("%6d %10d %8.0f %10.0f %12.2f %8.0f %8.0f %8.0f %12.2f %8.0f %8.1f %12.1f%n", n, count, min(r, Run::wallMs),
                    median(r, Run::wallMs), median(r, Run::wallMs) / count, median(r, Run::cpuMs), median(r, Run::mainMs),
                    warm.get(n), warm.get(n) / count,
                    median(r, Run::peakMb), live.get(n), 1024 * live.get(n) / count);
        }
        System.out.println("(main: the STRATA_TIMING probe; warm: App.run in a warm JVM; peak: maximum resident set;");
        System.out.println(" held: heap the finished plan holds (every resource with its inputs), after a full collection)");
        // A fixed start-up cost divides into ever more resources, so the total per resource falls by
        // construction. What each added resource costs is the slope between two stack sizes; it is
        // flat when no step (settings, components, rendering) grows faster than the resources do.
        // Whole processes on a shared machine: the slopes use medians, and CPU time (user + system),
        // which other processes disturb far less than wall time.
        System.out.println();
        System.out.println("Per added resource (slope between two sizes, the fixed start-up cost taken out):");
        System.out.printf("%10s %10s %12s %12s %12s %12s %12s%n", "zones", "+resources", "wall ms", "CPU ms", "warm ms", "held KB", "peak KB");
        List<Double> wallPer = new ArrayList<>();
        List<Double> cpuPer = new ArrayList<>();
        List<Double> warmPer = new ArrayList<>();
        List<Double> heldPer = new ArrayList<>();
        for (int i = 1; i < zones.size(); i++) {
            int from = zones.get(i - 1);
            int to = zones.get(i);
            int added = resources.get(to) - resources.get(from);
            double wall = (median(results.get(to), Run::wallMs) - median(results.get(from), Run::wallMs)) / added;
            double cpu = (median(results.get(to), Run::cpuMs) - median(results.get(from), Run::cpuMs)) / added;
            double hot = (warm.get(to) - warm.get(from)) / added;
            double held = 1024 * (live.get(to) - live.get(from)) / added;
            double peak = 1024 * (median(results.get(to), Run::peakMb) - median(results.get(from), Run::peakMb)) / added;
            if (i > 1) { // the slopes from the second size on: "from 10 to 100 zones"
                wallPer.add(wall);
                cpuPer.add(cpu);
                warmPer.add(hot);
                heldPer.add(held);
            }
            System.out.printf("%10s %10d %12.2f %12.2f %12.2f %12.1f %12.0f%n", from + "->" + to, added, wall, cpu, hot, held, peak);
        }
        if (!wallPer.isEmpty()) {
            // "No superlinear step": no added resource costs more than 25% over the one before it.
            // A slope that falls instead (a larger stack runs more of its plan already compiled) is
            // the opposite; the spread shows how far apart the slopes are either way.
            System.out.printf("superlinear from %d to %d zones? largest rise from one slope to the next (target <= 1.25): wall %.2f,"
                    + " CPU %.2f, warm %.2f, held heap %.2f%n", zones.get(1), zones.get(zones.size() - 1), rise(wallPer),
                    rise(cpuPer), rise(warmPer), rise(heldPer));
            System.out.printf("spread of those slopes, max/min: wall %.2f, CPU %.2f, warm %.2f, held heap %.2f%n", spread(wallPer),
                    spread(cpuPer), spread(warmPer), spread(heldPer));
            System.out.println("(medians; peak RSS is where the JVM let the heap grow to, in steps, not a cost per resource)");
        }
        System.out.println();
        return 0;
    }

    /**
     * The plan's own work once the JVM is up and warm: {@code App.run} called again and again in this
     * process (classes loaded, code compiled), each command in turn so that all see the same JIT
     * state; per command, the median of the second half of its calls, in ms.
     */
    private List<Double> warm(int rounds, List<String[]> commands) throws Exception {
        URL jar = root.resolve("target/strata-app.jar").toUri().toURL();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar}, ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Method run = loader.loadClass("dev.strata.App").getMethod("run", String[].class, Path.class, PrintStream.class, PrintStream.class);
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
            List<List<Double>> times = new ArrayList<>();
            commands.forEach(c -> times.add(new ArrayList<>()));
            for (int round = 0; round < rounds; round++) {
                for (int c = 0; c < commands.size(); c++) {
                    long start = System.nanoTime();
                    int exit = (int) run.invoke(null, commands.get(c), root, sink, sink);
                    if (exit != 0) {
                        throw new IllegalStateException("App.run " + String.join(" ", commands.get(c)) + " returned " + exit);
                    }
                    if (round >= rounds / 2) {
                        times.get(c).add((System.nanoTime() - start) / 1e6);
                    }
                }
            }
            List<Double> medians = new ArrayList<>();
            for (List<Double> t : times) {
                Collections.sort(t);
                medians.add(t.get(t.size() / 2));
            }
            return medians;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The heap a finished plan holds, in MB: in this process, the program run under the recording
     * engine as {@code strata plan} runs it; the heap after a full collection with the plan (every
     * resource, its inputs and options) still referenced, less the heap before the run.
     */
    private double retainedHeap(Path configFile, int zones) throws Exception {
        URL jar = root.resolve("target/strata-app.jar").toUri().toURL();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar}, ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> stackConfig = loader.loadClass("dev.strata.config.StackConfig");
            Object config = stackConfig.getMethod("load", Path.class).invoke(null, configFile);
            Object values = stackConfig.getMethod("strataValues").invoke(config);
            Object settings = loader.loadClass("dev.strata.stack.SettingsParser").getMethod("parse", Map.class).invoke(null, values);
            String region = ((java.util.Optional<?>) stackConfig.getMethod("awsRegion").invoke(config)).orElseThrow().toString();
            Class<?> mocksClass = loader.loadClass("dev.strata.plan.RecordingMocks");
            Method define = loader.loadClass("dev.strata.stack.StrataStack").getMethod("define", loader.loadClass("com.pulumi.Context"),
                    loader.loadClass("dev.strata.stack.StrataSettings"));
            Method plan = loader.loadClass("dev.strata.plan.PlanRunner").getMethod("run", String.class, mocksClass, Consumer.class);
            Consumer<Object> program = ctx -> {
                try {
                    define.invoke(null, ctx, settings);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
            Object mocks = mocksClass.getConstructor(String.class).newInstance(region);
            for (int i = 0; i < 2; i++) { // the first runs load classes and fill caches
                plan.invoke(null, "scale", mocks, program);
            }
            // Plans held at once, about 1,000 zones' worth: a plan holds less than the collector's noise.
            int count = Math.max(10, Math.min(100, 1000 / zones));
            List<Object> plans = new ArrayList<>();
            double before = usedHeapMb();
            for (int i = 0; i < count; i++) {
                plans.add(plan.invoke(null, "scale", mocksClass.getConstructor(String.class).newInstance(region), program));
            }
            double held = (usedHeapMb() - before) / plans.size();
            java.lang.ref.Reference.reachabilityFence(plans);
            return held;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The heap in use after full collections, repeated until it settles: one collection may leave
     * what the next frees (a class loader of an earlier measurement, its classes' statics).
     */
    private static double usedHeapMb() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        double previous = Double.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(20);
            double used = (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0;
            if (Math.abs(previous - used) < 0.05) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    private Run measure(List<String> command, boolean probe) throws Exception {
        return measure(command, probe, 0);
    }

    /** One process, which must exit {@code expectedExit}. */
    private Run measure(List<String> command, boolean probe, int expectedExit) throws Exception {
        Path times = work.resolve("time.txt");
        Path stderr = work.resolve("stderr.txt");
        List<String> full = new ArrayList<>();
        if (gnuTime) {
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%U %S %M", "-o", times.toString()));
        }
        full.addAll(command);
        long start = System.nanoTime();
        int exit = exec(full, null, stderr, probe);
        double wallMs = (System.nanoTime() - start) / 1e6;
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        if (exit != expectedExit) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ":\n" + errors);
        }
        double cpuMs = Double.NaN;
        double peakMb = Double.NaN;
        if (gnuTime) {
            // GNU time puts "Command exited with non-zero status N" before the figures of such a run.
            List<String> lines = Files.readAllLines(times);
            String[] fields = lines.get(lines.size() - 1).trim().split("\\s+");
            cpuMs = 1000 * (Double.parseDouble(fields[0]) + Double.parseDouble(fields[1]));
            peakMb = Double.parseDouble(fields[2]) / 1024;
        }
        double mainMs = Double.NaN;
        Matcher m = PROBE.matcher(errors);
        if (probe && m.find()) {
            mainMs = Double.parseDouble(m.group(1));
        }
        return new Run(wallMs, cpuMs, peakMb, mainMs);
    }

    private int exec(List<String> command, Path stdout, Path stderr, boolean probe) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        builder.redirectError(stderr == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stderr.toFile()));
        if (probe) {
            builder.environment().put("STRATA_TIMING", "1");
        } else {
            builder.environment().remove("STRATA_TIMING");
        }
        return builder.start().waitFor();
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        return String.format(Locale.ROOT, "%s, %d cores, %.0f GiB, %s %s, Java %s (%s), load average %s",
                cpu, Runtime.getRuntime().availableProcessors(), memKb / 1048576.0, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"), System.getProperty("java.vm.vendor"),
                Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " (1 min)");
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> metric) {
        List<Double> values = new ArrayList<>(runs.stream().map(metric::applyAsDouble).toList());
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    private static double min(List<Run> runs, ToDoubleFunction<Run> metric) {
        return runs.stream().mapToDouble(metric).min().orElse(Double.NaN);
    }

    /** The largest ratio of a slope to the slope before it. */
    private static double rise(List<Double> slopes) {
        double rise = 0;
        for (int i = 1; i < slopes.size(); i++) {
            rise = Math.max(rise, slopes.get(i) / slopes.get(i - 1));
        }
        return rise;
    }

    private static double spread(List<Double> values) {
        return Collections.max(values) / Collections.min(values);
    }
}
