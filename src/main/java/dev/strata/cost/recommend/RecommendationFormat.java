package dev.strata.cost.recommend;

import com.google.gson.GsonBuilder;
import dev.strata.cost.CostLine;
import dev.strata.cost.Money;

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
        out.append("Workload: ").append(summary(w)).append("\n\n");
        out.append("Recommended: ").append(Money.usd(r.monthlyUsd())).append(" a month\n");
        row(out, "hot", r.hot().option().describe(), r.hot().monthlyUsd());
        r.cold().ifPresent(c -> row(out, "cold", "S3 " + c.option(), c.monthlyUsd()));
        r.archive().ifPresent(a -> row(out, "archive", "S3 " + a.option(), a.monthlyUsd()));
        out.append("\nLines:\n");
        for (CostLine line : r.lines()) {
            out.append(String.format(Locale.ROOT, "  %-8s %-34s %14s %-15s x $%-8s = %s%n", line.tier(), line.item(),
                    quantity(line.quantity()), line.unit(), java.math.BigDecimal.valueOf(line.unitPriceUsd()).stripTrailingZeros().toPlainString(),
                    Money.usd(line.monthlyUsd())));
        }
        out.append("\nRunner-ups (and why each lost):\n");
        for (Recommendation.Alternative a : r.alternatives()) {
            out.append(String.format(Locale.ROOT, "  %-8s %-70s %12s  %s%n", a.part(), a.option(),
                    a.monthlyUsd() == null ? "-" : Money.usd(a.monthlyUsd()), a.reason()));
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

    private static String quantity(double quantity) {
        return quantity == Math.rint(quantity) ? String.format(Locale.ROOT, "%,d", (long) quantity)
                : String.format(Locale.ROOT, "%,.3f", quantity);
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
            map.put("quantity", line.quantity());
            map.put("unit", line.unit());
            map.put("unitPriceUsd", line.unitPriceUsd());
            map.put("monthlyUsd", line.monthlyUsd());
            lines.add(map);
        }
        recommended.put("lines", lines);
        doc.put("recommended", recommended);

        List<Map<String, Object>> alternatives = new ArrayList<>();
        for (Recommendation.Alternative a : r.alternatives()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("part", a.part());
            map.put("option", a.option());
            map.put("monthlyUsd", a.monthlyUsd());
            map.put("reason", a.reason());
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
            map.put("provisionedThroughputMibps", efs.mode() == dev.strata.cost.EfsThroughputMode.PROVISIONED ? efs.provisionedMBps() : null);
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

    /**
     * A stack file {@code strata plan --config-file} accepts unchanged. It holds only keys the
     * settings parser knows: the region, the environment and a budget at the recommended cost. The
     * training tier's own keys are not on this branch yet, so they are written as comments, to be
     * moved under {@code config:} when that tier lands.
     */
    public static String config(Recommendation r, String environment) {
        StringBuilder out = new StringBuilder();
        out.append("# strata recommend: ").append(summary(r.workload())).append('\n');
        out.append("# Recommended, ").append(Money.usd(r.monthlyUsd())).append(" a month in ").append(r.region()).append(":\n");
        out.append("#   hot:     ").append(r.hot().option().describe()).append('\n');
        r.cold().ifPresent(c -> out.append("#   cold:    S3 ").append(c.option()).append('\n'));
        r.archive().ifPresent(a -> out.append("#   archive: S3 ").append(a.option()).append('\n'));
        out.append("# Training-tier settings (pending: these keys are not parsed yet; move them under config: when the\n");
        out.append("# training tier lands, with the names it defines):\n");
        if (r.hot().option() instanceof HotOption.Fsx fsx) {
            out.append("#   strata:training.hot.deploymentType: ").append(fsx.type().name()).append('\n');
            out.append("#   strata:training.hot.storageGiB: ").append(fsx.capacityGiB()).append('\n');
            if (!fsx.type().isScratch()) {
                out.append("#   strata:training.hot.perUnitStorageThroughput: ").append(fsx.mbpsPerTiB()).append('\n');
            }
        } else if (r.hot().option() instanceof HotOption.Ebs ebs) {
            out.append("#   (an EBS gp3 volume, ReadWriteOnce: a StorageClass with type gp3, iops ").append(ebs.iops())
                    .append(", throughput ").append(ebs.throughputMBps()).append(", and a ").append(ebs.sizeGiB()).append(" GiB claim)\n");
        } else {
            HotOption.Efs efs = (HotOption.Efs) r.hot().option();
            out.append("#   strata:training.warm.throughputMode: ").append(efs.mode().name().toLowerCase(Locale.ROOT)).append('\n');
            if (efs.mode() == dev.strata.cost.EfsThroughputMode.PROVISIONED) {
                out.append("#   strata:training.warm.provisionedThroughputMibps: ").append(efs.provisionedMBps()).append('\n');
            }
        }
        r.cold().ifPresent(c -> out.append("#   strata:training.cold.storageClass: ").append(c.option()).append('\n'));
        r.archive().ifPresent(a -> out.append("#   strata:training.archive.storageClass: ").append(a.option()).append('\n'));
        out.append("config:\n");
        out.append("  aws:region: ").append(r.region()).append('\n');
        out.append("  strata:environment: ").append(environment).append('\n');
        out.append("  strata:budget:\n");
        out.append("    monthlyUsd: ").append((long) Math.ceil(r.monthlyUsd() + 1)).append('\n');
        out.append("    enforcement: advisory\n");
        return out.toString();
    }
}
