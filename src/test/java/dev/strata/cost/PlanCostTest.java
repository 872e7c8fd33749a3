package dev.strata.cost;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The estimate in {@code strata plan}: the JSON cost object, the table, stack outputs and budgets. */
class PlanCostTest {
    /** The project root (Maven runs the tests there): the stack files and the built policy pack live here. */
    static final Path ROOT = Path.of("").toAbsolutePath();

    record Run(int exit, String stdout, String stderr) {
    }

    static Run plan(Path root, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = App.run(args, root, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyStacksCostLinesAddUpToItsTotal(String stack, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("plan.json");
        Run run = plan(ROOT, "plan", "--stack", stack, "--format", "json", "--out", out.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonObject document = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        JsonObject cost = document.getAsJsonObject("cost");
        JsonArray lines = cost.getAsJsonArray("lines");
        assertThat(lines).isNotEmpty();
        RegionPrices book = PriceBook.load().region(stack.equals("prod") ? "us-west-2" : "us-east-1");   // the stack files' aws:region
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonElement element : lines) {
            JsonObject line = element.getAsJsonObject();
            assertThat(line.keySet()).containsExactly("component", "tier", "item", "description", "quantity", "unit", "unitPriceUsd",
                    "monthlyUsd", "confirmed");
            // quantity x unit price = amount (rounded to Money.SCALE places), at the price book's price and confirmation.
            BigDecimal amount = line.get("quantity").getAsBigDecimal().multiply(line.get("unitPriceUsd").getAsBigDecimal())
                    .setScale(Money.SCALE, java.math.RoundingMode.HALF_UP);
            assertThat(line.get("monthlyUsd").getAsBigDecimal()).as("%s", line).isEqualByComparingTo(amount);
            Price price = book.price(line.get("item").getAsString());
            assertThat(line.get("unitPriceUsd").getAsDouble()).as("%s", line).isEqualTo(price.usd());
            assertThat(line.get("unit").getAsString()).isEqualTo(price.unit());
            assertThat(line.get("confirmed").getAsBoolean()).as("%s", line).isEqualTo(price.confirmedBy() != null);
            sum = sum.add(line.get("monthlyUsd").getAsBigDecimal());
        }
        assertThat(cost.get("monthlyUsd").getAsBigDecimal()).isEqualByComparingTo(sum);
        JsonObject outputs = document.getAsJsonObject("outputs");
        assertThat(outputs.get("estimatedMonthlyUsd").getAsBigDecimal()).isEqualByComparingTo(sum);
        assertThat(outputs.keySet()).contains("estimatedMonthlyUsd.datalake.raw", "estimatedMonthlyUsd.security.datalake");
        assertThat(cost.keySet()).containsExactly("monthlyUsd", "lines", "notes");
        assertThat(run.stderr()).doesNotContain("EXCEEDED");
    }

    @Test
    void devsEstimateIncludesItsNodesAndSaysWhatItStillLeavesOut(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("plan.json");
        Run run = plan(ROOT, "plan", "--stack", "dev", "--format", "json", "--out", out.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonObject cost = JsonParser.parseString(Files.readString(out)).getAsJsonObject().getAsJsonObject("cost");
        // The general group: 2 x m6i.xlarge x 730 h x $0.192 = $280.32; the L2 group: 1 x m6id.large x 730 h x $0.1187 = $86.651.
        assertThat(cost.getAsJsonArray("lines").asList()).map(JsonElement::getAsJsonObject)
                .filteredOn(line -> line.get("item").getAsString().startsWith("ec2.instance."))
                .extracting(line -> line.get("component").getAsString() + "/" + line.get("tier").getAsString() + " "
                        + line.get("item").getAsString() + " " + line.get("quantity").getAsDouble() + " " + line.get("monthlyUsd").getAsDouble())
                .containsExactly("inference/nvme-nodes ec2.instance.m6id.large 730.0 86.651",
                        "cluster/nodes ec2.instance.m6i.xlarge 1460.0 280.32");
        assertThat(cost.getAsJsonArray("notes").asList()).map(JsonElement::getAsString)
                .noneMatch(note -> note.contains("instance-hours are not"))
                .anyMatch(note -> note.startsWith("the control-plane logs' CloudWatch Logs ingestion and storage"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void theTableFitsA160ColumnTerminalAndMarksEveryUnconfirmedPrice(String stack, @TempDir Path dir) throws Exception {
        Path json = dir.resolve("plan.json");
        assertThat(plan(ROOT, "plan", "--stack", stack, "--format", "json", "--out", json.toString()).exit()).isZero();
        Run table = plan(ROOT, "plan", "--stack", stack, "--format", "table");
        assertThat(table.exit()).as(table.stderr()).isZero();
        assertThat(table.stdout().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(160));
        JsonObject cost = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("cost");
        java.util.List<String> rows = table.stdout().lines().dropWhile(line -> !line.startsWith("Estimated monthly cost")).skip(2)
                .limit(cost.getAsJsonArray("lines").size()).toList();
        assertThat(rows).hasSize(cost.getAsJsonArray("lines").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonObject line = cost.getAsJsonArray("lines").get(i).getAsJsonObject();
            String marked = Money.unitUsd(line.get("unitPriceUsd").getAsDouble()) + (line.get("confirmed").getAsBoolean() ? " " : "*");
            assertThat(rows.get(i)).as("%s", line).contains(line.get("description").getAsString())
                    .matches(".*" + java.util.regex.Pattern.quote(marked) + " +"
                            + java.util.regex.Pattern.quote(Money.usd(line.get("monthlyUsd").getAsDouble())) + "$");
        }
        // Every note is shown next to the total, as the JSON lists it.
        String joined = table.stdout().replaceAll("\n +", " ");
        cost.getAsJsonArray("notes").forEach(note -> assertThat(joined).contains(note.getAsString()));
    }

    @Test
    void aStackOverItsMandatoryBudgetPlansButExitsOne(@TempDir Path dir) throws Exception {
        // 10,000 GiB of S3 Standard = 10,000 x $0.023 = $230.00, plus the key's $1.00 = $231.00 > $200.00.
        Files.writeString(dir.resolve("Pulumi.over.yaml"), """
                config:
                  aws:region: us-east-1
                  strata:environment: prod
                  strata:protect: true
                  strata:usage:
                    dataLake:
                      zones:
                        raw:
                          storageGiB: {STANDARD: 10000}
                  strata:budget:
                    monthlyUsd: 200
                    enforcement: mandatory
                """);
        Run run = plan(ROOT, "plan", "--stack", "over", "--config-file", dir.resolve("Pulumi.over.yaml").toString(), "--format", "table");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stdout()).contains("Total: $231.00 per month")
                .contains("Budget: $231.00 against the mandatory budget of $200.00: EXCEEDED by $31.00");
        assertThat(run.stderr()).contains("stack over: estimated monthly cost $231.00 against the mandatory budget of $200.00: EXCEEDED by $31.00");
    }

    @Test
    void anAdvisoryBudgetOnlyWarns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.warn.yaml"), """
                config:
                  aws:region: us-west-2
                  strata:environment: dev
                  strata:protect: false
                  strata:budget: {monthlyUsd: 0.5}
                """);
        Run run = plan(ROOT, "plan", "--stack", "warn", "--config-file", dir.resolve("Pulumi.warn.yaml").toString(), "--format", "json");
        assertThat(run.exit()).isZero();
        // The key alone: $1.00 against $0.50.
        assertThat(JsonParser.parseString(run.stdout()).getAsJsonObject().getAsJsonObject("cost").get("monthlyUsd").getAsDouble()).isEqualTo(1.0);
        assertThat(run.stderr()).contains("$1.00 against the advisory budget of $0.50: EXCEEDED by $0.50");
    }

    @Test
    void aRegionThePriceBookLacksIsInvalidConfig(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.eu.yaml"), """
                config:
                  aws:region: eu-west-1
                  strata:environment: dev
                  strata:protect: false
                """);
        Run run = plan(ROOT, "plan", "--stack", "eu", "--config-file", dir.resolve("Pulumi.eu.yaml").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("aws:region = \"eu-west-1\": the price book has no prices for this region");
    }
}
