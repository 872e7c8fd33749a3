package dev.strata.cost.recommend;

import dev.strata.efs.ThroughputMode;
import com.google.gson.GsonBuilder;
import dev.strata.config.Environment;
import dev.strata.cluster.ClusterSettings;
import dev.strata.cost.ClusterCost;
import dev.strata.cost.CostLine;
import dev.strata.cost.PriceBook;
import dev.strata.cost.CostReport;
import dev.strata.cost.Money;
import dev.strata.datalake.StorageClass;
import dev.strata.training.TrainingLifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link Recommendation} as a table, as JSON, or as a stack-config snippet {@code strata plan} accepts. */
public final class RecommendationFormat {
    private RecommendationFormat() {
    }

    public static String table(Recommendation r) {
        Workload w = r.workload();
        StringBuilder out = new StringBuilder();
        out.append("strata recommend (").append(r.region()).append(", USD per month, on-demand list prices)\n");
        r.requested().ifPresent(asked -> out.append("Asked for: ").append(summary(asked)).append('\n')
                .append("  It cannot be met as given: ").append(asked.infeasibility().orElseThrow()).append(".\n")
                .append("  Recommended instead for the closest feasible need:\n"));
        out.append("Workload: ").append(summary(w)).append("\n\n");
        out.append("Recommended: ").append(Money.usd(r.monthlyUsd())).append(" a month\n");
        row(out, "hot", r.hot().option().describe(), r.hot().monthlyUsd());
        r.cold().ifPresent(c -> row(out, "cold", "S3 " + c.option(), c.monthlyUsd()));
        r.archive().ifPresent(a -> row(out, "archive", "S3 " + a.option(), a.monthlyUsd()));
        out.append("\nLines:\n");
        for (CostLine line : r.lines()) {
            out.append(String.format(Locale.ROOT, "  %-8s %-48s %14s %-15s x %-9s = %s%n", line.tier(), line.description(),
                    CostReport.quantity(line.quantity()), line.unit(),
                    Money.unitUsd(line.unitPriceUsd()) + (line.confirmed() ? "" : CostReport.UNCONFIRMED_MARK), Money.usd(line.monthlyUsd())));
        }
        if (r.lines().stream().anyMatch(line -> !line.confirmed())) {
            out.append("  ").append(CostReport.UNCONFIRMED_MARK).append(" unconfirmed unit price (see the price book's note)\n");
        }
        // (Runner-ups priced with an unconfirmed unit price carry the same mark after their monthly cost.)
        out.append(unconfirmedSentence(r));
        out.append("\nRunner-ups (and why each lost):\n");
        for (Recommendation.Alternative a : r.alternatives()) {
            out.append(String.format(Locale.ROOT, "  %-8s %-70s %12s%1s %s%n", a.part(), a.option(),
                    a.monthlyUsd() == null ? "-" : Money.usd(a.monthlyUsd()),
                    a.unconfirmedItems().isEmpty() ? "" : CostReport.UNCONFIRMED_MARK, a.reason()));
        }
        out.append("\nSearched: every FSx for Lustre SSD type at each valid capacity up to ")
                .append(OptionSpace.gib(OptionSpace.MAX_FSX_CAPACITY_GIB)).append(" GiB and each per-unit throughput; EFS elastic, ")
                .append("bursting and provisioned; S3 ").append(String.join(", ", OptionSpace.COLD_CLASSES)).append(" for cold data and ")
                .append(String.join(", ", OptionSpace.ARCHIVE_CLASSES)).append(" for the archive.\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String part, String option, double usd) {
        out.append(String.format(Locale.ROOT, "  %-8s %-70s %12s%n", part, option, Money.usd(usd)));
    }

    static String summary(Workload w) {
        return OptionSpace.gib(w.datasetGiB()) + " GiB read " + w.readFrequency().configValue() + " at "
                + OptionSpace.mbps(w.readMBps()) + " MB/s" + (w.shared() ? ", shared by several pods" : ", read by one node")
                + (w.mustSurviveFailure() ? ", must survive a file server failure" : "")
                + (w.checkpointGiB() > 0 ? ", checkpoints of " + OptionSpace.gib(w.checkpointGiB()) + " GiB x "
                + w.checkpointsPerDay() + "/day (" + w.checkpointsRetained() + " kept)" : "")
                + (w.coldGiB() > 0 ? ", " + OptionSpace.gib(w.coldGiB()) + " GiB cold" : "")
                + (w.archiveGiB() > 0 ? ", " + OptionSpace.gib(w.archiveGiB()) + " GiB archived" : "");
    }

    /** Whether the choice rests on a price the price book has not confirmed, in one sentence (empty when it does not). */
    static String unconfirmedSentence(Recommendation r) {
        if (r.unconfirmedDecidingItems().isEmpty()) {
            return "";
        }
        return "  The choice rests on unconfirmed prices (" + String.join(", ", r.unconfirmedDecidingItems())
                + "): re-check them on AWS's pricing pages before relying on it.\n";
    }

    public static String json(Recommendation r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("region", r.region());
        Workload w = r.workload();
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("datasetGiB", w.datasetGiB());
        workload.put("readMBps", w.readMBps());
        workload.put("readFrequency", w.readFrequency().configValue());
        workload.put("shared", w.shared());
        workload.put("mustSurviveFailure", w.mustSurviveFailure());
        workload.put("checkpointGiB", w.checkpointGiB());
        workload.put("checkpointsPerDay", w.checkpointsPerDay());
        workload.put("checkpointsRetained", w.checkpointsRetained());
        workload.put("coldGiB", w.coldGiB());
        workload.put("coldReadGiBPerMonth", w.coldReadGiBPerMonth());
        workload.put("archiveGiB", w.archiveGiB());
        workload.put("archiveRestoreGiBPerYear", w.archiveRestoreGiBPerYear());
        workload.put("requiredGiB", w.requiredGiB());
        workload.put("neededMBps", OptionSpace.neededMBps(w));
        workload.put("gibReadPerMonth", w.gibReadPerMonth());
        doc.put("workload", workload);
        Map<String, Object> feasibility = new LinkedHashMap<>();
        feasibility.put("feasible", r.requested().isEmpty());
        feasibility.put("reason", r.requested().flatMap(Workload::infeasibility).orElse(null));
        feasibility.put("requestedReadMBps", r.requested().map(Workload::readMBps).orElse(w.readMBps()));
        doc.put("feasibility", feasibility);

        Map<String, Object> recommended = new LinkedHashMap<>();
        recommended.put("monthlyUsd", r.monthlyUsd());
        recommended.put("hot", hot(r.hot()));
        recommended.put("cold", r.cold().map(c -> s3(c)).orElse(null));
        recommended.put("archive", r.archive().map(a -> s3(a)).orElse(null));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (CostLine line : r.lines()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("component", line.component());
            map.put("tier", line.tier());
            map.put("item", line.item());
            map.put("description", line.description());
            map.put("quantity", line.quantity());
            map.put("unit", line.unit());
            map.put("unitPriceUsd", line.unitPriceUsd());
            map.put("monthlyUsd", line.monthlyUsd());
            map.put("confirmed", line.confirmed());
            lines.add(map);
        }
        recommended.put("lines", lines);
        recommended.put("unconfirmedDecidingItems", List.copyOf(r.unconfirmedDecidingItems()));
        doc.put("recommended", recommended);

        List<Map<String, Object>> alternatives = new ArrayList<>();
        for (Recommendation.Alternative a : r.alternatives()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("part", a.part());
            map.put("option", a.option());
            map.put("monthlyUsd", a.monthlyUsd());
            map.put("reason", a.reason());
            map.put("unconfirmedItems", a.unconfirmedItems());
            alternatives.add(map);
        }
        doc.put("alternatives", alternatives);
        Map<String, Object> space = new LinkedHashMap<>();
        space.put("maxFsxCapacityGiB", OptionSpace.MAX_FSX_CAPACITY_GIB);
        space.put("coldClasses", OptionSpace.COLD_CLASSES);
        space.put("archiveClasses", OptionSpace.ARCHIVE_CLASSES);
        doc.put("searchSpace", space);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(doc) + "\n";
    }

    private static Map<String, Object> hot(Evaluated<HotOption> hot) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("option", hot.option().describe());
        if (hot.option() instanceof HotOption.Fsx fsx) {
            map.put("service", "fsx-lustre");
            map.put("deploymentType", fsx.type().name());
            map.put("storageCapacityGiB", fsx.capacityGiB());
            map.put("perUnitStorageThroughput", fsx.type().isScratch() ? null : fsx.mbpsPerTiB());
        } else if (hot.option() instanceof HotOption.Ebs ebs) {
            map.put("service", "ebs");
            map.put("volumeType", "gp3");
            map.put("sizeGiB", ebs.sizeGiB());
            map.put("iops", ebs.iops());
            map.put("throughputMBps", ebs.throughputMBps());
        } else {
            HotOption.Efs efs = (HotOption.Efs) hot.option();
            map.put("service", "efs");
            map.put("throughputMode", efs.mode().name().toLowerCase(Locale.ROOT));
            map.put("provisionedThroughputMibps", efs.mode() == ThroughputMode.PROVISIONED ? efs.provisionedMBps() : null);
        }
        map.put("monthlyUsd", hot.monthlyUsd());
        return map;
    }

    private static Map<String, Object> s3(Evaluated<String> part) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("storageClass", part.option());
        map.put("monthlyUsd", part.monthlyUsd());
        return map;
    }

    /** Example network ids for the snippet: the training tier needs strata:network, which a workload does not give. */
    static final String EXAMPLE_VPC = "vpc-0123456789abcdef0";
    static final String EXAMPLE_SUBNET = "subnet-0123456789abcdef0";
    static final String EXAMPLE_SECURITY_GROUP = "sg-0123456789abcdef0";

    /**
     * A stack file {@code strata plan --config-file} accepts unchanged: the recommended file system as
     * the training tier ({@code strata:training.hot} for FSx, {@code strata:training.warm} for EFS, the
     * other tier and the per-job scratch class off), the cold and archive classes as the training
     * bucket's lifecycle, the workload's volumes as {@code strata:usage.training} (so the plan prices
     * the same configuration), and an advisory budget. {@code strata:network} holds example ids to
     * replace with the cluster's own.
     */
    public static String config(Recommendation r, String environment) {
        Workload w = r.workload();
        StringBuilder out = new StringBuilder();
        out.append("# strata recommend: ").append(summary(w)).append('\n');
        r.requested().ifPresent(asked -> out.append("# Asked for ").append(summary(asked)).append(", which cannot be met as given: ")
                .append(asked.infeasibility().orElseThrow()).append(".\n"));
        if (!r.unconfirmedDecidingItems().isEmpty()) {
            out.append("# The choice rests on unconfirmed prices: ").append(String.join(", ", r.unconfirmedDecidingItems())).append(".\n");
        }
        out.append("# Recommended, ").append(Money.usd(r.monthlyUsd())).append(" a month in ").append(r.region()).append(":\n");
        out.append("#   hot:     ").append(r.hot().option().describe()).append('\n');
        r.cold().ifPresent(c -> out.append("#   cold:    S3 ").append(c.option()).append('\n'));
        r.archive().ifPresent(a -> out.append("#   archive: S3 ").append(a.option())
                .append(StorageClass.valueOf(a.option()).isArchived() ? " (under " + TrainingLifecycle.ARCHIVE_PREFIX
                        + ": FSx for Lustre cannot read archived objects)" : "").append('\n'));
        out.append("# strata:network holds example ids: replace them with the cluster's VPC, private subnets and node security group.\n");
        HotOption hot = r.hot().option();
        if (hot instanceof HotOption.Ebs ebs) {
            out.append("# The data sits on one EBS gp3 volume, which the training tier does not manage: create a StorageClass with\n")
                    .append("# type gp3, iops ").append(ebs.iops()).append(", throughput ").append(ebs.throughputMBps())
                    .append(", and a ").append(ebs.sizeGiB()).append(" GiB ReadWriteOnce claim.\n");
        }
        List<String[]> transitions = lifecycle(r, out);
        out.append("config:\n");
        out.append("  aws:region: ").append(r.region()).append('\n');
        out.append("  strata:environment: ").append(environment).append('\n');
        // Pulumi.yaml declares strata:protect without a default: every stack file sets it (the environment's default).
        out.append("  strata:protect: ").append(Environment.valueOf(environment.toUpperCase(Locale.ROOT)).protectsByDefault()).append('\n');
        out.append("  strata:network:\n");
        out.append("    vpcId: ").append(EXAMPLE_VPC).append('\n');
        out.append("    privateSubnetIds:\n      - ").append(EXAMPLE_SUBNET).append('\n');
        out.append("    nodeSecurityGroupId: ").append(EXAMPLE_SECURITY_GROUP).append('\n');
        out.append("  strata:training:\n");
        if (hot instanceof HotOption.Fsx fsx) {
            out.append("    hot:\n");
            out.append("      deploymentType: ").append(fsx.type().name()).append('\n');
            out.append("      storageGiB: ").append(fsx.capacityGiB()).append('\n');
            if (!fsx.type().isScratch()) {
                out.append("      perUnitStorageThroughput: ").append(fsx.mbpsPerTiB()).append('\n');
            }
            out.append("      perJob:\n        enabled: false\n");
            out.append("    warm:\n      enabled: false\n");
        } else if (hot instanceof HotOption.Efs efs) {
            out.append("    hot:\n      enabled: false\n      perJob:\n        enabled: false\n");
            out.append("    warm:\n");
            out.append("      throughputMode: ").append(efs.mode().name().toLowerCase(Locale.ROOT)).append('\n');
            if (efs.mode() == ThroughputMode.PROVISIONED) {
                out.append("      provisionedThroughputMibps: ").append(efs.provisionedMBps()).append('\n');
            }
        } else {
            out.append("    hot:\n      enabled: false\n      perJob:\n        enabled: false\n");
            out.append("    warm:\n      enabled: false\n");
        }
        if (!transitions.isEmpty()) {
            // Archived classes only under archive/: FSx for Lustre cannot read archived objects, and the
            // training tier links datasets/ (LustreRules.archivedLinks).
            List<String[]> readable = transitions.stream().filter(t -> !StorageClass.valueOf(t[1]).isArchived()).toList();
            List<String[]> archived = transitions.stream().filter(t -> StorageClass.valueOf(t[1]).isArchived()).toList();
            out.append("    coldArchive:\n      lifecycle:\n");
            if (!readable.isEmpty()) {
                out.append("        - id: recommended-tiers\n          transitions:\n");
                readable.forEach(t -> out.append("            - {days: ").append(t[0]).append(", storageClass: ").append(t[1]).append("}\n"));
            }
            if (!archived.isEmpty()) {
                out.append("        - id: recommended-archive\n          prefix: ").append(TrainingLifecycle.ARCHIVE_PREFIX)
                        .append("\n          transitions:\n");
                archived.forEach(t -> out.append("            - {days: ").append(t[0]).append(", storageClass: ").append(t[1]).append("}\n"));
            }
        }
        out.append("  strata:usage:\n    training:\n");
        if (hot instanceof HotOption.Efs) {
            out.append("      warm:\n");
            out.append("        standardGiB: ").append(number(w.requiredGiB())).append('\n');
            out.append("        readGiBPerMonth: ").append(number(w.gibReadPerMonth())).append('\n');
            out.append("        writeGiBPerMonth: ").append(number(w.checkpointGiBPerMonth())).append('\n');
        }
        Map<String, Double> bucket = new LinkedHashMap<>();
        r.cold().ifPresent(c -> bucket.merge(c.option(), w.coldGiB(), Double::sum));
        r.archive().filter(a -> transitions.stream().anyMatch(t -> t[1].equals(a.option())))
                .ifPresent(a -> bucket.merge(a.option(), w.archiveGiB(), Double::sum));
        out.append("      coldArchive:\n        storageGiB: {");
        out.append(String.join(", ", bucket.entrySet().stream().map(e -> e.getKey() + ": " + number(e.getValue())).toList()));
        out.append("}\n");
        out.append("  strata:budget:\n");
        // The recommendation and the cluster the environment creates by default (its control plane and nodes), plus a
        // tenth for what the plan adds around them (KMS keys, the data lake).
        Environment env = Environment.valueOf(environment.toUpperCase(Locale.ROOT));
        double cluster = ClusterSettings.createsByDefault(env)
                ? Money.sum(ClusterCost.createdCluster(PriceBook.load().region(r.region()), ClusterSettings.NodeGroup.defaults())
                        .stream().map(CostLine::monthlyUsd).toList()) : 0;
        out.append("    monthlyUsd: ").append((long) Math.ceil((r.monthlyUsd() + cluster) * 1.1 + 10)).append('\n');
        out.append("    enforcement: advisory\n");
        return out.toString();
    }

    /**
     * The training bucket's transitions for the recommended classes: cold data after 30 days (the
     * Infrequent Access minimum), archive after 90, each only when S3 can make that move.
     */
    private static List<String[]> lifecycle(Recommendation r, StringBuilder comments) {
        List<String[]> transitions = new ArrayList<>();
        String from = "STANDARD";
        if (r.cold().isPresent() && !r.cold().get().option().equals("STANDARD")) {
            from = r.cold().get().option();
            transitions.add(new String[]{"30", from});
        }
        if (r.archive().isPresent() && !r.archive().get().option().equals(from)) {
            String archive = r.archive().get().option();
            if (from.equals("STANDARD") || dev.strata.datalake.StorageClass.valueOf(from)
                    .canTransitionTo(dev.strata.datalake.StorageClass.valueOf(archive))) {
                transitions.add(new String[]{"90", archive});
            } else {
                comments.append("# S3 cannot move objects from ").append(from).append(" to ").append(archive)
                        .append(": keep the archive in a bucket of its own.\n");
            }
        } else if (r.archive().isPresent()) {
            // Cold and archive share the class: one transition carries both.
            return transitions;
        }
        return transitions;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
