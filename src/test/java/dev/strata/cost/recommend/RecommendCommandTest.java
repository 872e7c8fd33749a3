package dev.strata.cost.recommend;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendCommandTest {
    /** The project root (Maven runs the tests there): `plan` finds the built policy pack here. */
    static final Path ROOT = Path.of("").toAbsolutePath();

    record Run(int exit, String stdout, String stderr) {
    }

    static Run strata(Path root, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = App.run(args, root, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String[] WORKLOAD = {"recommend", "--dataset-gib", "2000", "--read-mbps", "1000", "--read-frequency", "daily",
            "--must-survive-failure", "--checkpoint-gib", "50", "--checkpoints-per-day", "4", "--cold-gib", "20000",
            "--cold-read-gib-per-month", "500", "--archive-gib", "100000", "--archive-restore-gib-per-year", "1000"};

    private static String[] with(String... extra) {
        String[] args = new String[WORKLOAD.length + extra.length];
        System.arraycopy(WORKLOAD, 0, args, 0, WORKLOAD.length);
        System.arraycopy(extra, 0, args, WORKLOAD.length, extra.length);
        return args;
    }

    @Test
    void theConfigSnippetPlansUnchangedAndThePlanPricesTheRecommendation(@TempDir Path dir) throws Exception {
        Path snippet = dir.resolve("Pulumi.recommended.yaml");
        Run recommend = strata(dir, with("--format", "config", "--region", "us-west-2", "--environment", "staging", "--out", snippet.toString()));
        assertThat(recommend.exit()).as(recommend.stderr()).isZero();
        String config = Files.readString(snippet);
        assertThat(config).contains("aws:region: us-west-2", "strata:environment: staging", "deploymentType: PERSISTENT_2",
                "storageGiB: 2400", "perUnitStorageThroughput: 500", "{days: 30, storageClass: GLACIER_IR}",
                "{days: 90, storageClass: DEEP_ARCHIVE}", "storageGiB: {GLACIER_IR: 20000, DEEP_ARCHIVE: 100000}");

        Run plan = strata(ROOT, "plan", "--stack", "recommended", "--config-file", snippet.toString(), "--format", "json");
        assertThat(plan.exit()).as(plan.stderr()).isZero();
        assertThat(plan.stderr()).isEmpty();
        JsonObject outputs = JsonParser.parseString(plan.stdout()).getAsJsonObject().getAsJsonObject("outputs");
        // The plan prices what was recommended: the file system 2,400 x $0.340 = $816.00; the bucket's storage
        // 20,000 x $0.004 + 100,000 x $0.00099 = $179.00 (retrievals are the workload's, not the stack's).
        assertThat(outputs.get("estimatedMonthlyUsd.training.hot").getAsDouble()).isEqualTo(816.00);
        assertThat(outputs.get("estimatedMonthlyUsd.training.cold-archive").getAsDouble()).isEqualTo(179.00);
        assertThat(outputs.keySet()).doesNotContain("estimatedMonthlyUsd.training.warm", "estimatedMonthlyUsd.training.per-job");
    }

    @Test
    void everyKindOfChoiceRendersInEveryFormat(@TempDir Path dir) throws Exception {
        String[][] workloads = {
                {"--dataset-gib", "500", "--read-mbps", "300", "--read-frequency", "daily", "--no-shared"},
                {"--dataset-gib", "500", "--read-mbps", "10", "--read-frequency", "monthly"},
                {"--dataset-gib", "20000", "--read-mbps", "300", "--read-frequency", "weekly", "--must-survive-failure"},
                {"--dataset-gib", "1000", "--read-mbps", "200", "--read-frequency", "hourly"}};
        String[] services = {"ebs", "efs", "fsx-lustre", "fsx-lustre"};
        int i = 0;
        for (String[] workload : workloads) {
            String[] jsonArgs = new String[workload.length + 3];
            jsonArgs[0] = "recommend";
            System.arraycopy(workload, 0, jsonArgs, 1, workload.length);
            jsonArgs[workload.length + 1] = "--format";
            jsonArgs[workload.length + 2] = "json";
            JsonObject hot = JsonParser.parseString(strata(dir, jsonArgs).stdout()).getAsJsonObject()
                    .getAsJsonObject("recommended").getAsJsonObject("hot");
            assertThat(hot.get("service").getAsString()).as(String.join(" ", workload)).isEqualTo(services[i]);
            for (String format : new String[]{"table", "json", "config"}) {
                String[] args = new String[workload.length + 3];
                args[0] = "recommend";
                System.arraycopy(workload, 0, args, 1, workload.length);
                args[workload.length + 1] = "--format";
                args[workload.length + 2] = format;
                Run run = strata(dir, args);
                assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.stderr()).isZero();
                if (format.equals("config")) {
                    Path file = dir.resolve("Pulumi.r" + i + ".yaml");
                    Files.writeString(file, run.stdout());
                    Run plan = strata(ROOT, "plan", "--stack", "r" + i, "--config-file", file.toString(), "--format", "json");
                    assertThat(plan.exit()).as(run.stdout() + plan.stderr()).isZero();
                    i++;
                }
            }
        }
    }

    @Test
    void jsonCarriesTheChoiceItsLinesAndTheRunnerUps() {
        Run run = strata(Path.of("."), with("--format", "json"));
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonObject doc = JsonParser.parseString(run.stdout()).getAsJsonObject();
        JsonObject recommended = doc.getAsJsonObject("recommended");
        assertThat(recommended.getAsJsonObject("hot").get("deploymentType").getAsString()).isEqualTo("PERSISTENT_2");
        assertThat(recommended.getAsJsonObject("hot").get("perUnitStorageThroughput").getAsInt()).isEqualTo(500);
        assertThat(recommended.getAsJsonObject("cold").get("storageClass").getAsString()).isEqualTo("GLACIER_IR");
        assertThat(recommended.getAsJsonObject("archive").get("storageClass").getAsString()).isEqualTo("DEEP_ARCHIVE");
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (var line : recommended.getAsJsonArray("lines")) {
            sum = sum.add(line.getAsJsonObject().get("monthlyUsd").getAsBigDecimal());
        }
        assertThat(recommended.get("monthlyUsd").getAsBigDecimal()).isEqualByComparingTo(sum);
        // 13 hot families (9 FSx type/throughput pairs, 3 EFS modes, EBS gp3) but the winner, 3 other cold classes, 2 other archive classes.
        assertThat(doc.getAsJsonArray("alternatives")).hasSize(12 + 3 + 2);
    }

    @Test
    void badWorkloadsAreRejectedWithEveryProblemNamed() {
        Run run = strata(Path.of("."), "recommend", "--dataset-gib", "-5", "--read-mbps", "0", "--read-frequency", "fortnightly",
                "--checkpoint-gib", "-1", "--cold-gib", "-2", "--checkpoints-retained", "-1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains(
                "--dataset-gib = -5.0: must be more than 0",
                "--read-mbps = 0.0: must be more than 0",
                "--read-frequency = \"fortnightly\": must be one of continuous, hourly, daily, weekly, monthly, once",
                "--checkpoint-gib = -1.0: must be from 0",
                "--cold-gib = -2.0: must be from 0",
                "--checkpoints-retained = -1: must be a whole number from 0 to 1000");
    }

    @Test
    void anUnknownRegionAndANonNumberAreClearErrors() {
        Run region = strata(Path.of("."), with("--region", "ap-south-2"));
        assertThat(region.exit()).isEqualTo(2);
        // The flag the user gave, not the stack setting aws:region.
        assertThat(region.stderr()).contains("--region = \"ap-south-2\": the price book has no prices for this region")
                .doesNotContain("aws:region");
        Run notANumber = strata(Path.of("."), "recommend", "--dataset-gib", "lots", "--read-mbps", "10", "--read-frequency", "daily");
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.stderr()).contains("'lots' is not a double");
    }

    @Test
    void aWorkloadNothingMeetsExitsOne() {
        Run run = strata(Path.of("."), "recommend", "--dataset-gib", "1000", "--read-mbps", "300000", "--read-frequency", "continuous",
                "--must-survive-failure");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("no file system in the searched space meets the workload");
    }

    @Test
    void aWorkloadThatCannotBeMetAsGivenIsSaidSoAndRecommendedAtItsClosestFeasibleNeed() {
        // 20 TiB at 5,000 MB/s: 20,480 x 1,073.741824 MB / 5,000 MB/s = 4,398 s = 73 minutes a pass, longer than an hour.
        // Reading it hourly needs 21,990,232.555 MB / 3,600 s = 6,108.4 MB/s, so 6,109 MB/s.
        String[] args = {"recommend", "--dataset-gib", "20480", "--read-mbps", "5000", "--read-frequency", "hourly"};
        Run table = strata(Path.of("."), args);
        assertThat(table.exit()).as(table.stderr()).isZero();
        String reason = "reading 20,480 GiB at 5,000.0 MB/s takes 73 minutes a pass, longer than the 60 minutes between hourly reads: "
                + "reading it hourly needs at least 6,109 MB/s (or, at 5,000.0 MB/s, --read-frequency continuous)";
        assertThat(table.stdout()).contains("It cannot be met as given: " + reason, "Workload: 20,480 GiB read hourly at 6,109.0 MB/s");
        assertThat(table.stderr()).contains("the workload cannot be met as given: " + reason);
        JsonObject doc = JsonParser.parseString(strata(Path.of("."), with(args, "--format", "json")).stdout()).getAsJsonObject();
        assertThat(doc.getAsJsonObject("feasibility").get("feasible").getAsBoolean()).isFalse();
        assertThat(doc.getAsJsonObject("feasibility").get("reason").getAsString()).isEqualTo(reason);
        assertThat(doc.getAsJsonObject("feasibility").get("requestedReadMBps").getAsDouble()).isEqualTo(5_000.0);
        assertThat(doc.getAsJsonObject("workload").get("readMBps").getAsDouble()).isEqualTo(6_109.0);
        // The recommended file system serves the feasible need: SCRATCH_2 31,200 GiB x 200 MB/s/TiB = 6,240 MB/s.
        assertThat(doc.getAsJsonObject("recommended").getAsJsonObject("hot").get("storageCapacityGiB").getAsInt()).isEqualTo(31_200);

        // A feasible workload says nothing of the kind.
        Run feasible = strata(Path.of("."), "recommend", "--dataset-gib", "20480", "--read-mbps", "6109", "--read-frequency", "hourly");
        assertThat(feasible.stdout()).doesNotContain("cannot be met");
        assertThat(feasible.stderr()).isEmpty();
    }

    @Test
    void onceReadsTheDatasetASingleTimeAndIsNeverTooSlow() {
        Run run = strata(Path.of("."), "recommend", "--dataset-gib", "20480", "--read-mbps", "10", "--read-frequency", "once",
                "--format", "json");
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonObject doc = JsonParser.parseString(run.stdout()).getAsJsonObject();
        assertThat(doc.getAsJsonObject("workload").get("gibReadPerMonth").getAsDouble()).isEqualTo(20_480.0);
        assertThat(doc.getAsJsonObject("feasibility").get("feasible").getAsBoolean()).isTrue();
    }

    @Test
    void theChoiceSaysWhenItRestsOnAnUnconfirmedPrice() {
        // 1,000 GiB at 200 MB/s daily: SCRATCH_2 ($0.140, confirmed) wins a tie with SCRATCH_1, whose $0.140 is assumed.
        Run run = strata(Path.of("."), "recommend", "--dataset-gib", "1000", "--read-mbps", "200", "--read-frequency", "daily");
        assertThat(run.exit()).isZero();
        assertThat(run.stdout()).contains("The choice rests on unconfirmed prices (fsx.storage.SCRATCH_1)");
        JsonObject doc = JsonParser.parseString(strata(Path.of("."), "recommend", "--dataset-gib", "1000", "--read-mbps", "200",
                "--read-frequency", "daily", "--format", "json").stdout()).getAsJsonObject();
        assertThat(doc.getAsJsonObject("recommended").getAsJsonArray("unconfirmedDecidingItems").asList())
                .map(com.google.gson.JsonElement::getAsString).containsExactly("fsx.storage.SCRATCH_1");
        assertThat(doc.getAsJsonObject("recommended").getAsJsonArray("lines").get(0).getAsJsonObject().get("confirmed").getAsBoolean())
                .isTrue();
    }

    private static String[] with(String[] base, String... extra) {
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }
}
