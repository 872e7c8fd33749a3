package dev.strata.delivery;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No import cycle between the packages under src/main/java (docs/architecture.md draws the
 * direction). A package's dependencies are read from its files' {@code import dev.strata...} lines
 * (static and wildcard imports included) and from fully qualified {@code dev.strata.x.Y} names in
 * code; a class of the root package {@code dev.strata} is its own package, as any other.
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    /** {@code dev.strata.a.b.Type} (or {@code .*}): the package is every lower-case segment before the first capitalised one. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.strata(?:\\.[a-z][a-z0-9_]*)*)\\.(?:[A-Z]|\\*)");

    /**
     * The imports that close the cycles known today; without them the graph must have no cycle. Each
     * must still close a cycle (a path leads back from its target), else the test fails so that the
     * list only shrinks. None today: add one only with the issue that removes it.
     */
    private static final Set<String> KNOWN_BACK_EDGES = Set.of();

    /** Package name to the packages its sources refer to (itself excluded). */
    static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher declared = PACKAGE.matcher(text);
                assertThat(declared.find()).as(file + " declares its package").isTrue();
                String pkg = declared.group(1);
                Set<String> targets = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(withoutComments(text.substring(declared.end())));
                while (reference.find()) {
                    if (!reference.group(1).equals(pkg)) {
                        targets.add(reference.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** The code without comments, so that a Javadoc {@code {@link dev.strata.x.Y}} is no dependency. */
    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    /** Tarjan's strongly connected components with more than one package (a cycle). */
    static Set<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        Set<Set<String>> result = new java.util.HashSet<>();
        int[] counter = {0};
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, result, counter);
            }
        }
        return result;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, Set<Set<String>> result, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]++);
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, result, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                result.add(component);
            }
        }
    }

    /** Whether {@code to} can be reached from {@code from} along imports. */
    private static boolean reaches(Map<String, Set<String>> graph, String from, String to) {
        Set<String> seen = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(from));
        while (!next.isEmpty()) {
            String node = next.pop();
            if (node.equals(to)) {
                return true;
            }
            if (seen.add(node)) {
                next.addAll(graph.getOrDefault(node, Set.of()));
            }
        }
        return false;
    }

    /** The import edges inside one cycle, to say which imports close it. */
    private static List<String> edges(Set<String> cycle, Map<String, Set<String>> graph) {
        List<String> edges = new ArrayList<>();
        for (String from : cycle) {
            for (String to : graph.getOrDefault(from, Set.of())) {
                if (cycle.contains(to)) {
                    edges.add(from + " -> " + to);
                }
            }
        }
        return edges;
    }

    @Test
    void noImportCycleBetweenPackagesBeyondTheKnownOnes() throws IOException {
        Map<String, Set<String>> graph = imports();
        assertThat(graph).containsKeys("dev.strata", "dev.strata.config", "dev.strata.training", "dev.strata.plan");
        for (String edge : KNOWN_BACK_EDGES) {
            String[] ends = edge.split(" -> ");
            assertThat(graph.getOrDefault(ends[0], Set.of()).contains(ends[1]) && reaches(graph, ends[1], ends[0]))
                    .as("the known import " + edge + " no longer closes a cycle: remove it from KNOWN_BACK_EDGES").isTrue();
        }
        Map<String, Set<String>> withoutKnown = new TreeMap<>();
        graph.forEach((from, targets) -> withoutKnown.put(from,
                targets.stream().filter(to -> !KNOWN_BACK_EDGES.contains(from + " -> " + to)).collect(Collectors.toCollection(TreeSet::new))));
        Set<Set<String>> found = cycles(withoutKnown);
        assertThat(found.stream().map(cycle -> edges(cycle, withoutKnown)).toList()).as("import cycles between packages").isEmpty();
    }

    /**
     * docs/architecture.md's package diagram is the code's: a node {@code id["pkg<br/>..."]} names a
     * package (short, below {@code dev.strata}, or {@code dev.strata} itself), and its arrows
     * ({@code id --> a & b}, or a dotted {@code id -. "why" .-> b}) are exactly the packages it imports.
     */
    @Test
    void theArchitectureDiagramDrawsTheImportsOfTheCode() throws IOException {
        String doc = Files.readString(Path.of("docs/architecture.md"));
        int start = doc.indexOf("```mermaid\n");
        String diagram = doc.substring(start, doc.indexOf("```\n", start + 10));
        Map<String, String> packages = new TreeMap<>();
        Matcher node = Pattern.compile("(?m)^\\s*(\\w+)\\[\"([\\w.]+)<br/>").matcher(diagram);
        while (node.find()) {
            packages.put(node.group(1), node.group(2).equals("dev.strata") ? "dev.strata" : "dev.strata." + node.group(2));
        }
        Map<String, Set<String>> drawn = new TreeMap<>();
        packages.values().forEach(pkg -> drawn.put(pkg, new TreeSet<>()));
        Matcher arrow = Pattern.compile("(?m)^\\s*(\\w+)\\s+(?:-->|-\\.\\s*\"[^\"]*\"\\s*\\.->)\\s*(.+)$").matcher(diagram);
        while (arrow.find()) {
            for (String target : arrow.group(2).split("&")) {
                assertThat(packages).as("a node of the diagram: " + target.trim()).containsKey(target.trim());
                drawn.get(packages.get(arrow.group(1))).add(packages.get(target.trim()));
            }
        }
        assertThat(drawn).isEqualTo(imports());
    }

    /** The detector itself: a cycle through three packages is found, a chain is not. */
    @Test
    void findsACycleAndOnlyACycle() {
        Map<String, Set<String>> chain = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of());
        assertThat(cycles(chain)).isEmpty();
        Map<String, Set<String>> cycle = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of());
        assertThat(cycles(cycle)).containsExactly(Set.of("a", "b", "c"));
    }
}
