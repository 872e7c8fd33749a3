package dev.strata.monitoring;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudWatch dashboard body of a stack's storage: one section per tier, in the order the tiers are
 * registered, each a heading and a graph per metric of its resources. Pure: the resources' ids are
 * resolved values here. Body structure (widgets with x, y, width, height; metric widgets with
 * {@code metrics} arrays, {@code region}, {@code stat}, {@code period}; text widgets with {@code markdown}):
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
public final class DashboardBody {
    /** The dashboard grid is 24 units wide; two graphs a row. */
    static final int WIDTH = 24;
    static final int GRAPH_WIDTH = 12;
    static final int GRAPH_HEIGHT = 6;
    /** S3 storage metrics are daily: BucketSizeBytes (StandardStorage) and NumberOfObjects (AllStorageTypes). */
    public static final String S3_STORAGE_METRICS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-dimensions.html";
    static final int DAY_SECONDS = 86_400;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private DashboardBody() {
    }

    /**
     * One graph: its title, region, and metrics (each an alarm metric or expression), with the ids filled in.
     *
     * @param expression the metric math shown, or null to show the metrics themselves
     */
    public record Graph(String tier, String title, String region, List<AlarmDefinition.Metric> metrics, String expression,
                        int periodSeconds, Map<String, String> ids) {
    }

    /** The graphs of one resource: one per alarm, and a bucket's two storage metrics. */
    public static List<Graph> graphs(MonitoredResourceArgs resource, AlarmThresholdsArgs thresholds, String region,
                                     Map<String, String> ids) {
        List<Graph> graphs = new ArrayList<>();
        if (resource.monitoredKind().orElseThrow() == MonitoredKind.S3_BUCKET) {
            graphs.add(new Graph(resource.tier(), resource.label() + " size (bytes, daily)", region,
                    List.of(new AlarmDefinition.Metric("m1", "AWS/S3", "BucketSizeBytes", "Average",
                            Map.of("BucketName", "{id}", "StorageType", "StandardStorage"))), null, DAY_SECONDS, ids));
            graphs.add(new Graph(resource.tier(), resource.label() + " objects (daily)", region,
                    List.of(new AlarmDefinition.Metric("m1", "AWS/S3", "NumberOfObjects", "Average",
                            Map.of("BucketName", "{id}", "StorageType", "AllStorageTypes"))), null, DAY_SECONDS, ids));
            return graphs;
        }
        for (AlarmDefinition alarm : AlarmCatalog.of(resource, thresholds)) {
            graphs.add(new Graph(resource.tier(), resource.label() + " " + alarm.suffix(), region, alarm.metrics(),
                    alarm.expression().orElse(null), AlarmDefinition.PERIOD_SECONDS, ids));
        }
        return graphs;
    }

    /** The body: for each tier (first appearance order) a heading, then its graphs two a row. */
    public static String render(List<Graph> graphs) {
        Map<String, List<Graph>> byTier = new LinkedHashMap<>();
        graphs.forEach(graph -> byTier.computeIfAbsent(graph.tier(), t -> new ArrayList<>()).add(graph));
        List<Map<String, Object>> widgets = new ArrayList<>();
        int y = 0;
        for (Map.Entry<String, List<Graph>> tier : byTier.entrySet()) {
            widgets.add(widget("text", 0, y, WIDTH, 1, Map.of("markdown", "## " + tier.getKey())));
            y += 1;
            int column = 0;
            for (Graph graph : tier.getValue()) {
                widgets.add(widget("metric", column * GRAPH_WIDTH, y, GRAPH_WIDTH, GRAPH_HEIGHT, properties(graph)));
                column++;
                if (column == WIDTH / GRAPH_WIDTH) {
                    column = 0;
                    y += GRAPH_HEIGHT;
                }
            }
            if (column != 0) {
                y += GRAPH_HEIGHT;
            }
        }
        return GSON.toJson(Map.of("widgets", widgets));
    }

    private static Map<String, Object> widget(String type, int x, int y, int width, int height, Map<String, Object> properties) {
        Map<String, Object> widget = new LinkedHashMap<>();
        widget.put("type", type);
        widget.put("x", x);
        widget.put("y", y);
        widget.put("width", width);
        widget.put("height", height);
        widget.put("properties", properties);
        return widget;
    }

    private static Map<String, Object> properties(Graph graph) {
        List<List<Object>> metrics = new ArrayList<>();
        if (graph.expression() != null) {
            Map<String, Object> expression = new LinkedHashMap<>();
            expression.put("expression", graph.expression());
            expression.put("id", "e1");
            expression.put("label", graph.title());
            metrics.add(List.of(expression));
        }
        for (AlarmDefinition.Metric metric : graph.metrics()) {
            List<Object> row = new ArrayList<>(List.of(metric.namespace(), metric.name()));
            metric.dimensions().forEach((name, value) -> {
                row.add(name);
                row.add(fill(value, graph.ids()));
            });
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("id", metric.id());
            options.put("stat", metric.statistic());
            if (graph.expression() != null) {
                options.put("visible", false);
            }
            row.add(options);
            metrics.add(row);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", graph.title());
        properties.put("view", "timeSeries");
        properties.put("region", graph.region());
        properties.put("period", graph.periodSeconds());
        properties.put("metrics", metrics);
        return properties;
    }

    /** A dimension value with {@code {id}}, {@code {destination}} and {@code {rule}} filled in from {@code ids}. */
    public static String fill(String template, Map<String, String> ids) {
        String value = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            value = value.replace("{" + id.getKey() + "}", id.getValue());
        }
        return value;
    }
}
