package dev.strata.diff;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.strata.core.FileErrors;
import dev.strata.core.JsonErrors;
import dev.strata.core.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code strata plan --format json} document as {@code strata diff} reads it (docs/commands.md):
 * what the diff needs and nothing more. Fields a newer plan adds are ignored; those an older plan
 * lacks ({@code aliases}, {@code cost.budget}, {@code cost.notes}) read as empty.
 *
 * @param file      the file it was read from, for messages
 * @param stack     the stack planned
 * @param resources the resources by URN, in the plan's order
 * @param cost      the cost estimate
 * @param findings  the policy findings
 */
public record PlanDocument(String file, String stack, Map<String, Resource> resources, Cost cost, List<Finding> findings) {

    /** One resource: its inputs as JSON, and the earlier URNs the engine would match it by. */
    public record Resource(String urn, String type, String name, boolean protect, JsonObject inputs, List<String> aliases) {
    }

    /** One cost line, reduced to what the diff compares. */
    public record CostLine(String component, String tier, double monthlyUsd) {
    }

    /** The stack's budget as the plan recorded it. */
    public record Budget(double monthlyUsd, String enforcement, boolean exceeded) {
        public boolean mandatory() {
            return "mandatory".equals(enforcement);
        }
    }

    /** The estimate: total, lines, what it leaves out, the budget if any. */
    public record Cost(double monthlyUsd, List<CostLine> lines, List<String> notes, Optional<Budget> budget) {
    }

    /** A policy finding. */
    public record Finding(String policy, String resource, String message, String enforcementLevel) {
        public boolean mandatory() {
            return "mandatory".equals(enforcementLevel);
        }
    }

    /** Input that is not a plan document: the message names the file and what is wrong, in one line. */
    public static final class UnreadableException extends Exception {
        UnreadableException(String message) {
            super(message);
        }
    }

    /** Reads the plan document in {@code path}; {@code option} ({@code --base}) names it in messages. */
    public static PlanDocument read(String option, Path path) throws UnreadableException {
        String name = option + " " + Problems.bounded(path.toString());
        String text;
        try {
            if (Files.isDirectory(path)) {
                throw new UnreadableException(name + ": cannot be read: is a directory");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnreadableException(name + ": cannot be read: " + FileErrors.reason(e));
        }
        try {
            JsonElement root = JsonParser.parseString(text);
            return parse(name, root);
        } catch (JsonParseException e) {
            throw new UnreadableException(name + ": is not JSON: " + JsonErrors.reason(e));
        } catch (RuntimeException e) {
            // A field missing or of the wrong type (Gson's getAs... throw): not the contract's document.
            throw new UnreadableException(name + ": is not a strata plan --format json document (a resource, cost line or finding"
                    + " lacks a field of the contract or has one of another type; docs/commands.md)");
        }
    }

    static PlanDocument parse(String name, JsonElement root) throws UnreadableException {
        if (!root.isJsonObject() || !root.getAsJsonObject().has("resources") || !root.getAsJsonObject().get("resources").isJsonArray()) {
            throw new UnreadableException(name + ": is not a strata plan --format json document (no \"resources\" list)");
        }
        JsonObject document = root.getAsJsonObject();
        Map<String, Resource> resources = new LinkedHashMap<>();
        for (JsonElement element : document.getAsJsonArray("resources")) {
            JsonObject resource = element.getAsJsonObject();
            String urn = resource.get("urn").getAsString();
            resources.put(urn, new Resource(urn, string(resource, "type"), string(resource, "name"),
                    resource.has("protect") && resource.get("protect").getAsBoolean(),
                    resource.has("inputs") && resource.get("inputs").isJsonObject() ? resource.getAsJsonObject("inputs") : new JsonObject(),
                    strings(resource.get("aliases"))));
        }
        return new PlanDocument(name, string(document, "stack"), resources, cost(document.get("cost")), findings(document.get("findings")));
    }

    private static Cost cost(JsonElement element) {
        if (element == null || !element.isJsonObject()) {
            return new Cost(0, List.of(), List.of(), Optional.empty());
        }
        JsonObject cost = element.getAsJsonObject();
        List<CostLine> lines = new ArrayList<>();
        if (cost.has("lines") && cost.get("lines").isJsonArray()) {
            for (JsonElement line : cost.getAsJsonArray("lines")) {
                JsonObject object = line.getAsJsonObject();
                lines.add(new CostLine(string(object, "component"), string(object, "tier"), number(object, "monthlyUsd")));
            }
        }
        Optional<Budget> budget = Optional.empty();
        if (cost.has("budget") && cost.get("budget").isJsonObject()) {
            JsonObject b = cost.getAsJsonObject("budget");
            budget = Optional.of(new Budget(number(b, "monthlyUsd"), string(b, "enforcement"), b.has("exceeded") && b.get("exceeded").getAsBoolean()));
        }
        return new Cost(number(cost, "monthlyUsd"), lines, strings(cost.get("notes")), budget);
    }

    private static List<Finding> findings(JsonElement element) {
        List<Finding> findings = new ArrayList<>();
        if (element != null && element.isJsonArray()) {
            for (JsonElement finding : element.getAsJsonArray()) {
                JsonObject object = finding.getAsJsonObject();
                findings.add(new Finding(string(object, "policy"), string(object, "resource"), string(object, "message"),
                        string(object, "enforcementLevel")));
            }
        }
        return findings;
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    private static double number(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? 0 : value.getAsDouble();
    }

    private static List<String> strings(JsonElement element) {
        List<String> values = new ArrayList<>();
        if (element != null && element.isJsonArray()) {
            for (JsonElement value : (JsonArray) element) {
                // A note may grow into an object one day: shown as its JSON rather than refused.
                values.add(value.isJsonPrimitive() ? value.getAsString() : value.toString());
            }
        }
        return values;
    }
}
