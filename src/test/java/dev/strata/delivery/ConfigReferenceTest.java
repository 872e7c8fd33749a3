package dev.strata.delivery;

import dev.strata.config.StackConfig;
import dev.strata.stack.SettingsParser;
import dev.strata.core.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md is the configuration reference; Pulumi.yaml, the code and the nested tables
 * of docs/*.md are checked against it here, so that none can drift:
 * <ul>
 *   <li>its top-level table lists exactly the {@code strata:} keys Pulumi.yaml declares and
 *       {@link StackConfig#STRATA_KEYS} (the keys the parser reads), with Pulumi.yaml's type and default;</li>
 *   <li>every key table of the reference and of training.md, inference.md, cluster.md and cost.md
 *       documents exactly the keys the parsers read at each object. What a parser reads is asked of the
 *       parser itself: an unknown key far from every known one (a probe) is reported with the list of
 *       the keys read at that object ({@code ConfigNode.finish}: "known settings here: ...").</li>
 * </ul>
 */
class ConfigReferenceTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path REFERENCE = ROOT.resolve("docs/configuration.md");
    private static final List<String> KEY_TABLES = List.of("docs/configuration.md", "docs/training.md", "docs/inference.md",
            "docs/cluster.md", "docs/cost.md");
    private static final Yaml YAML = new Yaml(new SafeConstructor(new LoaderOptions()));
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** A key no setting is near, so that the parser lists every key it read instead of suggesting one. */
    private static final String PROBE = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz";
    /** A name for each placeholder of the tables, to reach what is below it. */
    private static final Map<String, String> PLACEHOLDERS = Map.of("<zone>", "raw", "<w>", "training", "<CLASS>", "STANDARD");

    /** A row of the reference's top-level table: key, type, Pulumi.yaml default. */
    private record TopLevel(String key, String type, String pulumiDefault) {
    }

    private static Map<String, TopLevel> topLevelTable() throws IOException {
        String text = Files.readString(REFERENCE);
        int start = text.indexOf("## Top-level settings");
        assertThat(start).as("docs/configuration.md has a section 'Top-level settings'").isNotNegative();
        Map<String, TopLevel> rows = new LinkedHashMap<>();
        for (String line : text.substring(start, text.indexOf("\n## ", start + 1)).split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\s*\\|\\s*");
                rows.put(unquote(cells[1]), new TopLevel(unquote(cells[1]), cells[2], cells[3]));
            }
        }
        return rows;
    }

    private static String unquote(String cell) {
        Matcher code = CODE.matcher(cell);
        return code.find() ? code.group(1) : cell;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> pulumiYamlDeclarations() throws IOException {
        Map<String, Object> project = YAML.load(Files.readString(ROOT.resolve("Pulumi.yaml")));
        return (Map<String, Map<String, Object>>) project.get("config");
    }

    @Test
    void theTopLevelTableListsExactlyTheKeysPulumiYamlDeclaresAndTheParserReads() throws IOException {
        Set<String> documented = new TreeSet<>(topLevelTable().keySet());
        documented.remove("aws:region"); // the AWS provider's, which Pulumi.yaml does not declare
        assertThat(documented).as("docs/configuration.md against Pulumi.yaml's config").isEqualTo(new TreeSet<>(pulumiYamlDeclarations().keySet()));
        assertThat(documented).as("docs/configuration.md against StackConfig.STRATA_KEYS")
                .isEqualTo(new TreeSet<>(StackConfig.STRATA_KEYS.stream().map(key -> "strata:" + key).toList()));
    }

    @Test
    void theTopLevelTableStatesPulumiYamlsTypeAndDefault() throws IOException {
        Map<String, TopLevel> table = topLevelTable();
        pulumiYamlDeclarations().forEach((key, declaration) -> {
            TopLevel row = table.get(key);
            assertThat(row.type()).as(key + ": type").isEqualTo(declaration.get("type"));
            if (declaration.containsKey("default")) {
                Matcher value = Pattern.compile("^`([^`]*)`").matcher(row.pulumiDefault());
                assertThat(value.find()).as(key + ": the default cell starts with Pulumi.yaml's default in backticks").isTrue();
                assertThat(YAML.<Object>load(value.group(1))).as(key + ": default").isEqualTo(declaration.get("default"));
            } else {
                assertThat(row.pulumiDefault()).as(key + ": no default in Pulumi.yaml, so required in every stack file").isEqualTo("(required)");
            }
            // Pulumi.yaml's description says what the setting is for and points to the reference instead of repeating it.
            assertThat(String.valueOf(declaration.get("description"))).as(key + ": description").contains("docs/configuration.md");
        });
    }

    /**
     * Every documented key, as segments ({@code strata:workloads.<w>.read[i].prefix} is
     * {@code [workloads, <w>, read, [i], prefix]}), from the rows of the tables whose first column is
     * "key": a row's first cell holds a full key ({@code strata:...}) or one relative to the last
     * heading that names one; {@code {a, b}} lists siblings; a key ending in {@code .*} has the keys of
     * another object, named in its row, and is not expanded here; a row typed {@code -} is a removed
     * key the parser refuses.
     */
    static List<List<String>> documentedKeys(Set<List<String>> byReference, Set<List<String>> refused) throws IOException {
        List<List<String>> keys = new ArrayList<>();
        for (String file : KEY_TABLES) {
            String heading = null;
            boolean keyTable = false;
            for (String line : Files.readAllLines(ROOT.resolve(file))) {
                if (line.startsWith("#")) {
                    Matcher code = CODE.matcher(line);
                    heading = code.find() && code.group(1).startsWith("strata:") ? code.group(1) : null;
                } else if (line.startsWith("|") && !line.startsWith("| `") && !line.startsWith("|-") && !line.startsWith("| -")) {
                    keyTable = line.split("\\|")[1].trim().equalsIgnoreCase("key");
                } else if (keyTable && line.startsWith("| `")) {
                    String[] cells = line.split("\\s*\\|\\s*");
                    Matcher code = CODE.matcher(cells[1]);
                    while (code.find()) {
                        String key = code.group(1);
                        if (key.startsWith("aws:")) {
                            continue;
                        }
                        String full = key.startsWith("strata:") ? key : heading + "." + key;
                        assertThat(heading != null || key.startsWith("strata:")).as(file + ": " + line).isTrue();
                        for (String expanded : expand(full)) {
                            List<String> segments = segments(expanded);
                            if (cells.length > 2 && cells[2].equals("-")) {
                                refused.add(segments); // a removed key, documented as refused (type "-")
                            } else if (segments.get(segments.size() - 1).equals("*")) {
                                byReference.add(segments.subList(0, segments.size() - 1));
                                keys.add(segments.subList(0, segments.size() - 1));
                            } else {
                                keys.add(segments);
                            }
                        }
                    }
                }
            }
        }
        return keys;
    }

    /** {@code a.{b, c}} as {@code a.b} and {@code a.c}. */
    private static List<String> expand(String key) {
        Matcher braces = Pattern.compile("\\{([^}]*)}").matcher(key);
        if (!braces.find()) {
            return List.of(key);
        }
        return Arrays.stream(braces.group(1).split(",")).map(String::trim)
                .flatMap(part -> expand(key.substring(0, braces.start()) + part + key.substring(braces.end())).stream()).toList();
    }

    private static List<String> segments(String key) {
        List<String> segments = new ArrayList<>();
        for (String part : key.substring("strata:".length()).split("\\.")) {
            Matcher list = Pattern.compile("^(.*)\\[i]$").matcher(part);
            if (list.matches()) {
                segments.add(list.group(1));
                segments.add("[i]");
            } else {
                segments.add(part);
            }
        }
        return segments;
    }

    private static String render(List<String> segments) {
        return ("strata:" + String.join(".", segments)).replace(".[i]", "[i]");
    }

    /** A stack that builds everything, so that every parser runs. */
    private static Map<String, Object> everything() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("environment", "dev");
        values.put("protect", false);
        values.put("network", new LinkedHashMap<>(Map.of("vpcId", "vpc-0123456789abcdef0",
                "privateSubnetIds", List.of("subnet-0123456789abcdef0"), "nodeSecurityGroupId", "sg-0123456789abcdef0")));
        for (String object : List.of("dataLake", "training", "inference", "cluster", "usage")) {
            values.put(object, new LinkedHashMap<>());
        }
        values.put("budget", new LinkedHashMap<>(Map.of("monthlyUsd", 1000)));
        return values;
    }

    /**
     * The keys the parser reads at the object {@code at}: the stack with a probe key put there, and the
     * list the parser gives in its problem about the probe.
     */
    @SuppressWarnings("unchecked")
    private static Optional<Set<String>> keysReadAt(List<String> at) {
        Map<String, Object> values = everything();
        Map<String, Object> node = values;
        for (int i = 0; i < at.size(); i++) {
            String segment = PLACEHOLDERS.getOrDefault(at.get(i), at.get(i));
            boolean list = i + 1 < at.size() && at.get(i + 1).equals("[i]");
            if (segment.equals("[i]")) {
                continue;
            }
            Object child = node.get(segment);
            if (list) {
                if (!(child instanceof List<?> items) || items.isEmpty()) {
                    child = new ArrayList<>(List.of(new LinkedHashMap<String, Object>()));
                    node.put(segment, child);
                }
                node = (Map<String, Object>) ((List<Object>) child).get(0);
            } else {
                if (!(child instanceof Map<?, ?>)) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(segment, child);
                }
                node = (Map<String, Object>) child;
            }
        }
        node.put(PROBE, 1);
        String probe = at.isEmpty() ? "strata:" + PROBE : render(at.stream().map(s -> PLACEHOLDERS.getOrDefault(s, s)).toList())
                .replace("[i]", "[0]") + "." + PROBE;
        try {
            SettingsParser.parse(values);
        } catch (InvalidConfigException e) {
            for (String problem : e.problems()) {
                int known = problem.indexOf("; known settings here: ");
                if (problem.startsWith(probe + " = ") && known > 0) {
                    return Optional.of(new TreeSet<>(Arrays.asList(problem.substring(known + "; known settings here: ".length()).split(", "))));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Keys a parser reads only when they are present, so that they are missing from its list of the
     * keys it read (a typo of them is reported without suggesting them). ConfigNode asks parsers to
     * read every key unconditionally; each entry here is a deviation to fix in the parser.
     */
    private static final Set<String> READ_ONLY_WHEN_PRESENT = Set.of(
            // InferenceSettings.nvme: group.has("instanceTypes") ? group.stringList("instanceTypes") : DEFAULT_INSTANCE_TYPES
            "strata:inference.nvme.nodeGroup.instanceTypes");

    @Test
    void everyKeyTableDocumentsExactlyTheKeysTheParsersRead() throws IOException {
        Set<List<String>> byReference = new java.util.HashSet<>();
        Set<List<String>> refused = new java.util.HashSet<>();
        List<List<String>> documented = documentedKeys(byReference, refused);
        assertThat(documented).hasSizeGreaterThan(100);
        // Documented children of each object that has fixed keys (not a map of names, not a list).
        Map<List<String>, Set<String>> children = new TreeMap<>((a, b) -> render(a).compareTo(render(b)));
        for (List<String> key : documented) {
            for (int i = 0; i < key.size(); i++) {
                String next = key.get(i);
                if (!next.equals("[i]") && !PLACEHOLDERS.containsKey(next)) {
                    children.computeIfAbsent(key.subList(0, i), k -> new TreeSet<>()).add(next);
                }
            }
        }
        byReference.forEach(children::remove);
        List<String> disagreements = new ArrayList<>();
        children.forEach((at, keys) -> {
            Optional<Set<String>> read = keysReadAt(at);
            if (read.isEmpty()) {
                disagreements.add(render(at) + ": the parser reports no unknown key there (not an object with fixed keys?)");
                return;
            }
            Set<String> undocumented = new TreeSet<>(read.get());
            undocumented.removeAll(keys);
            Set<String> unread = new TreeSet<>(keys);
            unread.removeAll(read.get());
            unread.removeIf(key -> READ_ONLY_WHEN_PRESENT.contains(render(at) + "." + key));
            if (!undocumented.isEmpty()) {
                disagreements.add(render(at) + ": read but not documented: " + undocumented);
            }
            if (!unread.isEmpty()) {
                disagreements.add(render(at) + ": documented but not read: " + unread);
            }
        });
        for (String known : READ_ONLY_WHEN_PRESENT) {
            List<String> key = segments(known);
            assertThat(keysReadAt(key.subList(0, key.size() - 1)).orElseThrow()).as(known + " is now read unconditionally: "
                    + "remove it from READ_ONLY_WHEN_PRESENT").doesNotContain(key.get(key.size() - 1));
        }
        assertThat(disagreements).as("docs tables against the parsers").isEmpty();
        assertThat(children.size()).as("objects checked").isGreaterThan(20);
    }

    /**
     * Objects the tables document as having the keys of another ({@code .*} rows, "as read", "the same
     * rule"): the parser reads the same keys at both.
     */
    private static final Map<String, String> SAME_KEYS = Map.of(
            "strata:usage.training.coldArchive", "strata:usage.dataLake.zones.<zone>",
            "strata:usage.inference.archive", "strata:usage.dataLake.zones.<zone>",
            "strata:usage.inference.models", "strata:usage.training.warm",
            "strata:workloads.<w>.write[i]", "strata:workloads.<w>.read[i]",
            "strata:training.coldArchive.lifecycle[i]", "strata:dataLake.zones.<zone>.lifecycle[i]");

    @Test
    void objectsDocumentedByReferenceHaveTheKeysOfTheirReference() throws IOException {
        Set<List<String>> byReference = new java.util.HashSet<>();
        documentedKeys(byReference, new java.util.HashSet<>());
        for (List<String> key : byReference) {
            assertThat(SAME_KEYS).as(render(key) + " is documented by reference: name its reference in SAME_KEYS").containsKey(render(key));
        }
        SAME_KEYS.forEach((object, reference) -> {
            Optional<Set<String>> read = keysReadAt(segments(object));
            assertThat(read).as(object).isPresent();
            assertThat(read).as(object + " has the keys of " + reference).isEqualTo(keysReadAt(segments(reference)));
        });
    }

    /** A key documented as removed (type {@code -}) is refused by name, not merely unknown. */
    @Test
    void everyRemovedKeyIsRefusedByName() throws IOException {
        Set<List<String>> refused = new java.util.HashSet<>();
        documentedKeys(new java.util.HashSet<>(), refused);
        assertThat(refused).isNotEmpty();
        for (List<String> key : refused) {
            Map<String, Object> values = everything();
            Map<String, Object> node = values;
            for (String segment : key.subList(0, key.size() - 1)) {
                node = castMap(node.computeIfAbsent(segment, s -> new LinkedHashMap<String, Object>()));
            }
            node.put(key.get(key.size() - 1), List.of());
            try {
                SettingsParser.parse(values);
                throw new AssertionError(render(key) + " is accepted");
            } catch (InvalidConfigException e) {
                assertThat(e.problems()).as(render(key)).anySatisfy(problem -> assertThat(problem)
                        .startsWith(render(key) + " = ").contains("removed").doesNotContain("is not a known setting"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** The probe itself: it finds the keys of an object, and a documented key the parser does not read. */
    @Test
    void theProbeListsTheKeysReadAtAnObject() {
        assertThat(keysReadAt(List.of("budget"))).contains(Set.of("monthlyUsd", "enforcement"));
        assertThat(keysReadAt(List.of("training", "hot"))).hasValueSatisfying(keys -> assertThat(keys).contains("storageGiB").doesNotContain("storageGib"));
    }
}
