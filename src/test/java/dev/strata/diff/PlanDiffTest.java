package dev.strata.diff;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.diff.PlanDiff.Changed;
import dev.strata.diff.ReplacementTable.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The diff of small hand-made plans: matching, replacement, findings, cost and budget. */
class PlanDiffTest {
    private static final String LUSTRE = "aws:fsx/lustreFileSystem:LustreFileSystem";
    private static final String OLD = "urn:pulumi:prod::strata::strata:training:TrainingStorage$" + LUSTRE + "::prod-training-hot";
    private static final String NEW = "urn:pulumi:prod::strata::strata:training:TrainingStorage$strata:training:LustreHotTier$"
            + LUSTRE + "::prod-training-hot";

    static JsonObject resource(String urn, String type, boolean protect, String inputs, String... aliases) {
        JsonObject resource = new JsonObject();
        resource.addProperty("urn", urn);
        resource.addProperty("type", type);
        resource.addProperty("name", urn.substring(urn.lastIndexOf("::") + 2));
        resource.addProperty("protect", protect);
        resource.add("inputs", JsonParser.parseString(inputs));
        if (aliases.length > 0) {
            JsonArray list = new JsonArray();
            for (String alias : aliases) {
                list.add(alias);
            }
            resource.add("aliases", list);
        }
        return resource;
    }

    static PlanDocument plan(List<JsonObject> resources, String cost, String findings) {
        JsonObject plan = new JsonObject();
        plan.addProperty("stack", "prod");
        JsonArray list = new JsonArray();
        resources.forEach(list::add);
        plan.add("resources", list);
        plan.add("cost", JsonParser.parseString(cost));
        plan.add("findings", JsonParser.parseString(findings));
        try {
            return PlanDocument.parse("test", plan);
        } catch (PlanDocument.UnreadableException e) {
            throw new AssertionError(e);
        }
    }

    static PlanDocument plan(JsonObject... resources) {
        return plan(List.of(resources), "{\"monthlyUsd\": 0, \"lines\": []}", "[]");
    }

    @Test
    void aMovedResourceIsAChangeMatchedByItsAliasNotADeleteAndACreate() {
        PlanDocument base = plan(resource(OLD, LUSTRE, true, "{\"deploymentType\": \"PERSISTENT_2\"}"));
        PlanDocument head = plan(resource(NEW, LUSTRE, true, "{\"deploymentType\": \"PERSISTENT_2\"}", OLD));
        PlanDiff diff = PlanDiff.of(base, head);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).singleElement().satisfies(change -> {
            assertThat(change.moved()).isTrue();
            assertThat(change.baseUrn()).isEqualTo(OLD);
            assertThat(change.changes()).isEmpty();
        });
        assertThat(diff.blocking()).isEmpty();
        // Without the alias the engine would delete the old one and create a new one: a protected loss.
        PlanDiff unaliased = PlanDiff.of(base, plan(resource(NEW, LUSTRE, true, "{\"deploymentType\": \"PERSISTENT_2\"}")));
        assertThat(unaliased.removed()).extracting(PlanDocument.Resource::urn).containsExactly(OLD);
        assertThat(unaliased.added()).extracting(PlanDocument.Resource::urn).containsExactly(NEW);
        assertThat(unaliased.blocking()).singleElement().asString().contains("protected " + LUSTRE + " prod-training-hot would be DELETED");
    }

    @Test
    void aFindingOfAMovedResourceIsTheSameFindingNotAddedAndResolved() {
        String cost = "{\"monthlyUsd\": 0, \"lines\": []}";
        String finding = "[{\"policy\": \"rule\", \"resource\": \"%s\", \"message\": \"A must be B.\", \"enforcementLevel\": \"mandatory\"}]";
        PlanDocument base = plan(List.of(resource(OLD, LUSTRE, true, "{}")), cost, finding.formatted(OLD));
        PlanDocument head = plan(List.of(resource(NEW, LUSTRE, true, "{}", OLD)), cost, finding.formatted(NEW));
        PlanDiff diff = PlanDiff.of(base, head);
        assertThat(diff.findingsAdded()).isEmpty();
        assertThat(diff.findingsResolved()).isEmpty();
        assertThat(diff.blocking()).isEmpty();
    }

    @Test
    void aProtectedFileSystemReplacedBlocksAndNamesTheProperty() {
        PlanDocument base = plan(resource(OLD, LUSTRE, true, "{\"deploymentType\": \"PERSISTENT_2\", \"storageCapacity\": 2400, \"tags\": {\"a\": \"1\"}}"));
        PlanDocument head = plan(resource(OLD, LUSTRE, true, "{\"deploymentType\": \"PERSISTENT_1\", \"storageCapacity\": 4800, \"tags\": {\"a\": \"2\"}}"));
        PlanDiff diff = PlanDiff.of(base, head);
        Changed change = diff.changed().get(0);
        assertThat(change.changes()).extracting(PlanDiff.InputChange::path, PlanDiff.InputChange::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("deploymentType", Verdict.REPLACES),
                org.assertj.core.groups.Tuple.tuple("storageCapacity", Verdict.UPDATES),
                org.assertj.core.groups.Tuple.tuple("tags.a", Verdict.UPDATES));
        assertThat(change.verdict()).isEqualTo(Verdict.REPLACES);
        assertThat(diff.blocking()).containsExactly(
                "protected " + LUSTRE + " prod-training-hot would be REPLACED: deploymentType PERSISTENT_2 -> PERSISTENT_1");
    }

    @Test
    void anUnprotectedReplacementOrAnInPlaceUpdateDoesNotBlock() {
        PlanDiff unprotected = PlanDiff.of(plan(resource(OLD, LUSTRE, false, "{\"deploymentType\": \"PERSISTENT_2\"}")),
                plan(resource(OLD, LUSTRE, false, "{\"deploymentType\": \"PERSISTENT_1\"}")));
        assertThat(unprotected.changed().get(0).verdict()).isEqualTo(Verdict.REPLACES);
        assertThat(unprotected.blocking()).isEmpty();
        PlanDiff inPlace = PlanDiff.of(plan(resource(OLD, LUSTRE, true, "{\"automaticBackupRetentionDays\": 0}")),
                plan(resource(OLD, LUSTRE, true, "{\"automaticBackupRetentionDays\": 7}")));
        assertThat(inPlace.changed().get(0).verdict()).isEqualTo(Verdict.UPDATES);
        assertThat(inPlace.blocking()).isEmpty();
        PlanDiff mayReplace = PlanDiff.of(plan(resource(OLD, LUSTRE, true, "{\"perUnitStorageThroughput\": 500}")),
                plan(resource(OLD, LUSTRE, true, "{\"perUnitStorageThroughput\": 250}")));
        assertThat(mayReplace.changed().get(0).verdict()).isEqualTo(Verdict.MAY_REPLACE);
        assertThat(mayReplace.blocking()).isEmpty();
    }

    @Test
    void aNewMandatoryFindingBlocksAndAnAdvisoryOneOrAnOldOneDoesNot() {
        JsonObject bucket = resource("urn:b", "aws:s3/bucketV2:BucketV2", false, "{}");
        String cost = "{\"monthlyUsd\": 0, \"lines\": []}";
        String old = "[{\"policy\": \"old-rule\", \"resource\": \"urn:b\", \"message\": \"A must be B.\", \"enforcementLevel\": \"mandatory\"}]";
        String added = "[{\"policy\": \"old-rule\", \"resource\": \"urn:b\", \"message\": \"A must be B.\", \"enforcementLevel\": \"mandatory\"},"
                + "{\"policy\": \"new-rule\", \"resource\": \"urn:b\", \"message\": \"C must be D.\", \"enforcementLevel\": \"mandatory\"},"
                + "{\"policy\": \"soft-rule\", \"resource\": \"urn:b\", \"message\": \"E must be F.\", \"enforcementLevel\": \"advisory\"}]";
        PlanDiff diff = PlanDiff.of(plan(List.of(bucket), cost, old), plan(List.of(bucket), cost, added));
        assertThat(diff.findingsAdded()).extracting(PlanDocument.Finding::policy).containsExactly("new-rule", "soft-rule");
        assertThat(diff.findingsResolved()).isEmpty();
        assertThat(diff.blocking()).containsExactly("new mandatory finding new-rule: C must be D. (urn:b)");
        PlanDiff resolved = PlanDiff.of(plan(List.of(bucket), cost, added), plan(List.of(bucket), cost, "[]"));
        assertThat(resolved.findingsResolved()).hasSize(3);
        assertThat(resolved.blocking()).isEmpty();
    }

    @Test
    void costIsComparedInTotalAndPerComponentAndTier() {
        JsonObject bucket = resource("urn:b", "aws:s3/bucketV2:BucketV2", false, "{}");
        String before = "{\"monthlyUsd\": 30.5, \"lines\": [{\"component\": \"training\", \"tier\": \"hot\", \"monthlyUsd\": 20.5},"
                + "{\"component\": \"datalake\", \"tier\": \"raw\", \"monthlyUsd\": 10}]}";
        String after = "{\"monthlyUsd\": 40.75, \"lines\": [{\"component\": \"training\", \"tier\": \"hot\", \"monthlyUsd\": 30.75},"
                + "{\"component\": \"datalake\", \"tier\": \"raw\", \"monthlyUsd\": 10}], \"notes\": [\"node hours are not priced\"]}";
        PlanDiff diff = PlanDiff.of(plan(List.of(bucket), before, "[]"), plan(List.of(bucket), after, "[]"));
        assertThat(diff.cost().differenceUsd()).isEqualTo(10.25);
        assertThat(diff.cost().changedRows()).singleElement().satisfies(row -> {
            assertThat(row.component() + "/" + row.tier()).isEqualTo("training/hot");
            assertThat(row.differenceUsd()).isEqualTo(10.25);
        });
        assertThat(diff.cost().notes()).containsExactly("node hours are not priced");
        assertThat(DiffText.table(diff)).contains("$30.50 -> $40.75 (+$10.25)", "training / hot: $20.50 -> $30.75 (+$10.25)",
                "Not in the estimate:", "node hours are not priced");
    }

    @Test
    void aMandatoryBudgetCrossedUpwardsBlocksAndDownwardsOrAdvisoryDoesNot() {
        JsonObject bucket = resource("urn:b", "aws:s3/bucketV2:BucketV2", false, "{}");
        String within = "{\"monthlyUsd\": 90, \"lines\": [], \"budget\": {\"monthlyUsd\": 100, \"enforcement\": \"mandatory\", \"exceeded\": false}}";
        String over = "{\"monthlyUsd\": 110, \"lines\": [], \"budget\": {\"monthlyUsd\": 100, \"enforcement\": \"mandatory\", \"exceeded\": true}}";
        String overAdvisory = "{\"monthlyUsd\": 110, \"lines\": [], \"budget\": {\"monthlyUsd\": 100, \"enforcement\": \"advisory\", \"exceeded\": true}}";
        PlanDiff up = PlanDiff.of(plan(List.of(bucket), within, "[]"), plan(List.of(bucket), over, "[]"));
        assertThat(up.budget().crossedOver()).isTrue();
        assertThat(up.blocking()).containsExactly("the estimate crosses the mandatory budget of $100.00: $90.00 -> $110.00");
        PlanDiff down = PlanDiff.of(plan(List.of(bucket), over, "[]"), plan(List.of(bucket), within, "[]"));
        assertThat(down.budget().crossedUnder()).isTrue();
        assertThat(down.blocking()).isEmpty();
        assertThat(DiffText.table(down)).contains("now within the mandatory budget of $100.00");
        PlanDiff advisory = PlanDiff.of(plan(List.of(bucket), within, "[]"), plan(List.of(bucket), overAdvisory, "[]"));
        assertThat(advisory.budget().crossedOver()).isTrue();
        assertThat(advisory.blocking()).isEmpty();
    }

    @Test
    void nothingChangedReadsAsOneLine() {
        JsonObject bucket = resource("urn:b", "aws:s3/bucketV2:BucketV2", true, "{\"bucketPrefix\": \"x\"}");
        PlanDiff diff = PlanDiff.of(plan(bucket), plan(bucket));
        assertThat(diff.isEmpty()).isTrue();
        assertThat(DiffText.markdown(diff)).isEqualTo("#### Strata diff, stack prod: no changes; monthly cost $0.00\n");
        // What the estimate leaves out is said even then (a note may be an object in a later plan).
        PlanDocument noted = plan(List.of(bucket), "{\"monthlyUsd\": 5, \"lines\": [], \"notes\": [\"node hours\", {\"item\": \"x\"}]}", "[]");
        assertThat(DiffText.table(PlanDiff.of(noted, noted))).isEqualTo("""
                Strata diff, stack prod: no changes; monthly cost $5.00

                Not in the estimate:
                  node hours
                  {"item":"x"}
                """);
    }
}
