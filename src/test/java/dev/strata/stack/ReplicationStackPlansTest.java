package dev.strata.stack;

import dev.strata.datalake.Replication;
import dev.strata.plan.Plan;
import dev.strata.plan.PlannedResource;
import dev.strata.testing.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's stacks: prod (and staging) replicate the model zone and the model archive; dev does not. */
class ReplicationStackPlansTest {
    private static final Pattern RESOURCE = Pattern.compile("\"Resource\":\"([^\"]+)\"");

    private static List<PlannedResource> configs(Plan plan) {
        return plan.ofType("aws:s3/bucketReplicationConfig:BucketReplicationConfig");
    }

    @Test
    void devReplicatesNothing() {
        Plan dev = StackPlans.plan("dev");
        assertThat(dev.ofType(Replication.TYPE)).isEmpty();
        assertThat(configs(dev)).isEmpty();
        assertThat(dev.ofType("pulumi:providers:aws")).isEmpty();
    }

    @Test
    void prodReplicatesTheModelZoneAndTheArchiveToUsEast1UnderAKeyOfThatRegionProtected() {
        Plan prod = StackPlans.plan("prod");
        assertThat(configs(prod)).extracting(r -> r.inputs().get("bucket"))
                .containsExactlyInAnyOrder("strata-prod-model-plan", "strata-prod-model-archive-plan");
        String replicaKey = "arn:aws:kms:us-east-1:123456789012:key/prod-replication-key-id";
        assertThat(configs(prod)).allSatisfy(config -> assertThat(config.inputs().toString())
                .contains("replicaKmsKeyId=" + replicaKey, "replicationTime={status=Enabled", "sseKmsEncryptedObjects={status=Enabled}"));
        assertThat(prod.ofType("aws:s3/bucketV2:BucketV2").stream().filter(b -> b.name().startsWith("prod-replication-")))
                .hasSize(2).allSatisfy(bucket -> assertThat(bucket.protect() && bucket.retainOnDelete()).isTrue());
        assertThat(prod.ofType("aws:kms/key:Key").stream().filter(k -> k.name().equals("prod-replication-key")))
                .singleElement().satisfies(key -> assertThat(key.protect() && key.retainOnDelete()).isTrue());
        // The archive is locked, so its replica is too.
        assertThat(prod.ofType("aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2"))
                .extracting(PlannedResource::name).contains("prod-replication-model-archive-object-lock");
    }

    @Test
    void theRolesNameOnlyBucketsAndKeysOfThePlan() {
        for (String stack : List.of("staging", "prod")) {
            Plan plan = StackPlans.plan(stack);
            Set<String> known = new HashSet<>();
            plan.ofType("aws:s3/bucketV2:BucketV2").forEach(b -> known.add("arn:aws:s3:::" + b.inputs().get("bucketPrefix") + "plan"));
            // Keys by id: the region of each key's ARN is checked with the replication's own tests.
            plan.ofType("aws:kms/key:Key").forEach(k -> known.add(":key/" + k.id()));
            List<PlannedResource> policies = plan.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                    .filter(p -> p.name().startsWith(stack + "-replication-")).toList();
            assertThat(policies).as(stack).hasSize(2);
            for (PlannedResource policy : policies) {
                Matcher resources = RESOURCE.matcher(String.valueOf(policy.inputs().get("policy")));
                int count = 0;
                while (resources.find()) {
                    count++;
                    String arn = resources.group(1).replaceFirst("/\\*$", "");
                    assertThat(known).as(policy.name()).contains(arn.contains(":key/") ? arn.substring(arn.indexOf(":key/")) : arn);
                }
                assertThat(count).isEqualTo(5);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prodExportsWhatTheReplicationAlarmsNeed() {
        Map<String, Object> replication = (Map<String, Object>) StackPlans.plan("prod").outputs().get("replication");
        assertThat(replication).containsEntry("destinationRegion", "us-east-1")
                .containsEntry("ruleIds", Map.of("model", "replicate-to-us-east-1", "model-archive", "replicate-to-us-east-1"));
        assertThat((Map<String, String>) replication.get("replicaBuckets")).containsOnlyKeys("model", "model-archive");
    }
}
