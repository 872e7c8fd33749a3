package dev.strata.security;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.core.InvalidConfigException;
import dev.strata.datalake.SecureBucket;
import dev.strata.datalake.SecureBucketArgs;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanFailedException;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static dev.strata.testing.Fixtures.KEY_ARN;
import static dev.strata.testing.Fixtures.OIDC_ISSUER;
import static dev.strata.testing.Fixtures.OIDC_PROVIDER_ARN;
import static dev.strata.testing.ResourceTypes.IAM_ROLE;
import static dev.strata.testing.ResourceTypes.IAM_ROLE_POLICY;
import static dev.strata.testing.ResourceTypes.IAM_ROLE_POLICY_ATTACHMENT;
import static dev.strata.testing.ResourceTypes.K8S_NAMESPACE;
import static dev.strata.testing.ResourceTypes.K8S_SERVICE_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The identity's exact Kubernetes objects, trust policy and grants, and its bad arguments. */
class WorkloadIdentityTest {

    private RecordingMocks mocks;

    static WorkloadIdentityArgs.Builder valid() {
        return WorkloadIdentityArgs.builder()
                .namespace("ml-training")
                .serviceAccountName("training-job")
                .oidcProviderArn(Output.of(OIDC_PROVIDER_ARN))
                .oidcIssuer(Output.of(OIDC_ISSUER));
    }

    private Plan plan(UnaryOperator<WorkloadIdentityArgs.Builder> customize, Consumer<WorkloadIdentity> then) {
        mocks = new RecordingMocks("us-east-1");
        return PlanRunner.run("dev", mocks, ctx -> {
            Provider provider = new Provider("dev-k8s", ProviderArgs.builder().build());
            WorkloadIdentity identity = new WorkloadIdentity("dev-training", customize.apply(valid()).build(),
                    ComponentResourceOptions.builder().providers(provider).build());
            then.accept(identity);
        });
    }

    private static PlannedResource one(Plan plan, String type) {
        assertThat(plan.ofType(type)).hasSize(1);
        return plan.ofType(type).get(0);
    }

    @Test
    void aServiceAccountAnnotatedWithTheRoleInItsOwnNamespace() {
        Plan plan = plan(b -> b, identity -> { });
        // The namespace is the caller's: the identity creates none.
        assertThat(plan.ofType(K8S_NAMESPACE)).isEmpty();
        assertThat(one(plan, K8S_SERVICE_ACCOUNT).inputs()).isEqualTo(Map.of(
                "apiVersion", "v1", "kind", "ServiceAccount", "automountServiceAccountToken", true,
                "metadata", Map.of("name", "training-job", "namespace", "ml-training",
                        "labels", Map.of("app.kubernetes.io/managed-by", "strata"),
                        "annotations", Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/dev-training-id"))));
        assertThat(plan.resources().stream().filter(r -> r.type().startsWith("kubernetes:")))
                .allSatisfy(r -> assertThat(mocks.resource(r.type(), r.name()).orElseThrow().provider)
                        .endsWith("pulumi:providers:kubernetes::dev-k8s::dev-k8s-id"));
        // The role starts with no permissions at all.
        assertThat(plan.ofType(IAM_ROLE_POLICY)).isEmpty();
        assertThat(plan.ofType(IAM_ROLE_POLICY_ATTACHMENT)).isEmpty();
    }

    @Test
    void theTrustPolicyAdmitsExactlyThatServiceAccount() {
        Plan plan = plan(b -> b, identity -> { });
        assertThat(one(plan, IAM_ROLE).inputs().get("assumeRolePolicy")).isEqualTo("""
                {"Version":"2012-10-17","Statement":[{"Sid":"ServiceAccountWebIdentity","Effect":"Allow",\
                "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC"},\
                "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{\
                "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub":"system:serviceaccount:ml-training:training-job",\
                "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud":"sts.amazonaws.com"}}}]}""");
    }

    @Test
    void aNamespaceGivenAsDataIsWaitedForByTheServiceAccountAndTheRole() {
        mocks = new RecordingMocks("us-east-1");
        Plan plan = PlanRunner.run("dev", mocks, ctx -> {
            Provider provider = new Provider("dev-k8s", ProviderArgs.builder().build());
            Namespace namespace = new Namespace("jobs", NamespaceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("jobs").build()).build(),
                    CustomResourceOptions.builder().provider(provider).build());
            new WorkloadIdentity("dev-training", valid().namespace(namespace.metadata().applyValue(m -> m.name().orElseThrow())).build(),
                    ComponentResourceOptions.builder().providers(provider).build());
        });
        PlannedResource namespace = one(plan, K8S_NAMESPACE);
        PlannedResource account = one(plan, K8S_SERVICE_ACCOUNT);
        PlannedResource role = one(plan, IAM_ROLE);
        assertThat(account.dependencies()).containsExactly(namespace.urn(), role.urn());
        assertThat(role.dependencies()).contains(namespace.urn());
        assertThat(((Map<?, ?>) account.inputs().get("metadata")).get("namespace")).isEqualTo("jobs");
        assertThat(role.inputs().get("assumeRolePolicy").toString()).contains("\"system:serviceaccount:jobs:training-job\"");
        assertThat(role.inputs()).containsEntry("description", "Strata workload identity: service account jobs/training-job");
    }

    @Test
    void aPlainNamespaceNameIsAnExistingNamespace() {
        Plan plan = plan(b -> b.namespace("platform-jobs"), identity -> { });
        assertThat(plan.ofType(K8S_NAMESPACE)).isEmpty();
        PlannedResource account = one(plan, K8S_SERVICE_ACCOUNT);
        assertThat(account.dependencies()).containsExactly(one(plan, IAM_ROLE).urn());
    }

    @Test
    void aBucketsGrantsBecomeOneInlinePolicyEach() {
        Plan plan = plan(b -> b, identity -> {
            SecureBucket bucket = new SecureBucket("dev-data", SecureBucketArgs.builder()
                    .kmsKeyArn(Output.of(KEY_ARN)).tier("cold").build(), null);
            bucket.grantRead(identity, "datasets/");
            bucket.grantWrite(identity, "checkpoints/");
        });
        List<PlannedResource> policies = plan.ofType(IAM_ROLE_POLICY);
        assertThat(policies).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("dev-training-read-dev-data-datasets", "dev-training-write-dev-data-checkpoints");
        PlannedResource read = policies.stream().filter(p -> p.name().endsWith("datasets")).findFirst().orElseThrow();
        assertThat(read.inputs()).containsEntry("role", "dev-training-id").containsEntry("name", "read-dev-data-datasets");
        assertThat(read.inputs().get("policy")).isEqualTo(PolicyDocument.json(Grants.s3Read(
                "arn:aws:s3:::strata-dev-data-plan", KEY_ARN, "datasets/", "s3.us-east-1.amazonaws.com")));
        PlannedResource write = policies.stream().filter(p -> p.name().endsWith("checkpoints")).findFirst().orElseThrow();
        assertThat(write.inputs().get("policy")).isEqualTo(PolicyDocument.json(Grants.s3Write(
                "arn:aws:s3:::strata-dev-data-plan", KEY_ARN, "checkpoints/", "s3.us-east-1.amazonaws.com")));
    }

    @Test
    void aGrantWithALeadingSlashOrTwiceTheSameFailsTheProgram() {
        assertThatThrownBy(() -> plan(b -> b, identity -> new SecureBucket("dev-data", SecureBucketArgs.builder()
                .kmsKeyArn(Output.of(KEY_ARN)).tier("cold").build(), null).grantRead(identity, "/datasets/")))
                .isInstanceOf(PlanFailedException.class).hasMessageContaining("prefix = \"/datasets/\": must not start with /");
        assertThatThrownBy(() -> plan(b -> b, identity -> {
            identity.grant(Grants.describeFileSystems());
            identity.grant(Grants.describeFileSystems());
        })).isInstanceOf(PlanFailedException.class).hasMessageContaining("already has the grant describe-fsx-file-systems");
    }

    @Test
    void badArgumentsAreReportedBeforeAnythingIsRegistered() {
        Map<UnaryOperator<WorkloadIdentityArgs.Builder>, String> cases = Map.of(
                b -> b.namespace(""), "namespace: is required",
                b -> b.namespace("ML_Training"), "namespace = \"ML_Training\": must be a DNS-1123 label",
                b -> b.serviceAccountName(""), "serviceAccountName: is required",
                b -> b.serviceAccountName("Job!"), "serviceAccountName = \"Job!\": must be a DNS-1123 subdomain",
                b -> b.oidcIssuer((String) null), "oidcIssuer: is required");
        cases.forEach((customize, message) -> {
            assertThatThrownBy(() -> plan(customize, identity -> { })).isInstanceOf(PlanFailedException.class)
                    .hasMessageContaining(message);
            assertThat(mocks.resources()).noneMatch(r -> r.type.startsWith("aws:") || r.type.startsWith("kubernetes:core"));
        });
        assertThatThrownBy(() -> new WorkloadIdentity("x", valid().build(), null)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("providers: must hold the Kubernetes provider");
    }
}
