package dev.strata.security;

import dev.strata.core.InvalidConfigException;
import dev.strata.core.Problems;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.strata.testing.Fixtures.KEY_ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statements of each grant, the trust policy, and the prefix rule, stated exactly. */
class GrantsTest {
    private static final String BUCKET = "arn:aws:s3:::strata-dev-raw-plan";
    private static final String VIA = "s3.us-east-1.amazonaws.com";

    @Test
    void readIsGetObjectUnderThePrefixListLimitedToItAndDecryptThroughS3() {
        assertThat(PolicyDocument.json(Grants.s3Read(BUCKET, KEY_ARN, "datasets/", VIA))).isEqualTo("""
                {"Version":"2012-10-17","Statement":[\
                {"Sid":"ReadObjects","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::strata-dev-raw-plan/datasets/*"},\
                {"Sid":"ListObjects","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::strata-dev-raw-plan",\
                "Condition":{"StringLike":{"s3:prefix":["datasets/*"]}}},\
                {"Sid":"DecryptThroughS3","Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:123456789012:key/k",\
                "Condition":{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"}}}]}""");
        // The whole bucket: no s3:prefix condition.
        assertThat(Grants.s3Read(BUCKET, KEY_ARN, "", VIA).get(1).condition()).isEmpty();
        assertThat(Grants.s3Read(BUCKET, KEY_ARN, "", VIA).get(0).resources()).containsExactly(BUCKET + "/*");
    }

    @Test
    void writeIsPutAndAbortUnderThePrefixAndGenerateDataKeyThroughS3() {
        assertThat(PolicyDocument.json(Grants.s3Write(BUCKET, KEY_ARN, "checkpoints/", VIA))).isEqualTo("""
                {"Version":"2012-10-17","Statement":[\
                {"Sid":"WriteObjects","Effect":"Allow","Action":["s3:PutObject","s3:AbortMultipartUpload"],\
                "Resource":"arn:aws:s3:::strata-dev-raw-plan/checkpoints/*"},\
                {"Sid":"EncryptThroughS3","Effect":"Allow","Action":["kms:Decrypt","kms:GenerateDataKey"],\
                "Resource":"arn:aws:kms:us-east-1:123456789012:key/k",\
                "Condition":{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"}}}]}""");
        // A bucket without a KMS key (SSE-S3) gets no KMS statement.
        assertThat(Grants.s3Write(BUCKET, null, "", VIA)).extracting(PolicyStatement::sid).containsExactly("WriteObjects");
    }

    @Test
    void theFsxDriverUsesTheKeyToCreateEncryptedFileSystemsOnlyThroughFsx() {
        assertThat(PolicyDocument.json(Grants.fsxCreateEncrypted(KEY_ARN, Grants.fsxViaService("us-east-1", "amazonaws.com")))).isEqualTo("""
                {"Version":"2012-10-17","Statement":[\
                {"Sid":"UseKeyThroughFsx","Effect":"Allow","Action":["kms:DescribeKey","kms:Decrypt","kms:GenerateDataKeyWithoutPlaintext"],\
                "Resource":"arn:aws:kms:us-east-1:123456789012:key/k",\
                "Condition":{"StringEquals":{"kms:ViaService":"fsx.us-east-1.amazonaws.com"}}},\
                {"Sid":"FsxGrantsItselfTheKey","Effect":"Allow","Action":"kms:CreateGrant","Resource":"arn:aws:kms:us-east-1:123456789012:key/k",\
                "Condition":{"StringEquals":{"kms:ViaService":"fsx.us-east-1.amazonaws.com"},"Bool":{"kms:GrantIsForAWSResource":"true"}}}]}""");
    }

    @Test
    void fileSystemAndCacheGrantsNameTheirArnsOnly() {
        String fs = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1";
        assertThat(Grants.efsClient(fs, false)).singleElement().satisfies(s -> {
            assertThat(s.actions()).containsExactly("elasticfilesystem:ClientMount");
            assertThat(s.resources()).containsExactly(fs);
        });
        assertThat(Grants.efsClient(fs, true).get(0).actions())
                .containsExactly("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite");
        assertThat(Grants.efsCsiFileSystem(fs)).allSatisfy(s -> assertThat(s.resources()).containsExactly(fs));
        assertThat(Grants.cacheConnect("arn:group", "arn:user")).singleElement().satisfies(s -> {
            assertThat(s.actions()).containsExactly("elasticache:Connect");
            assertThat(s.resources()).containsExactly("arn:group", "arn:user");
        });
    }

    @Test
    void theTrustPolicyAdmitsExactlyOneServiceAccountOfTheCluster() {
        String issuer = "https://oidc.eks.us-east-1.amazonaws.com/id/ABC";
        String provider = TrustPolicy.oidcProviderArn("aws", "123456789012", issuer);
        assertThat(provider).isEqualTo("arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC");
        assertThat(TrustPolicy.json(provider, issuer, List.of(TrustPolicy.subject("ml-training", "training-job")))).isEqualTo("""
                {"Version":"2012-10-17","Statement":[{"Sid":"ServiceAccountWebIdentity","Effect":"Allow",\
                "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC"},\
                "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{\
                "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub":"system:serviceaccount:ml-training:training-job",\
                "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud":"sts.amazonaws.com"}}}]}""");
        // The issuer may come with or without its scheme.
        assertThat(TrustPolicy.json(provider, "oidc.eks.us-east-1.amazonaws.com/id/ABC", List.of("system:serviceaccount:a:b")))
                .isEqualTo(TrustPolicy.json(provider, issuer, List.of("system:serviceaccount:a:b")));
        assertThatThrownBy(() -> TrustPolicy.json(provider, issuer, List.of("system:serviceaccount:ml-training:*")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustPolicy.json(provider, issuer, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPrefixIsEmptyOrAKeyPrefixWithoutLeadingSlashOrWildcards() {
        for (String valid : List.of("", "datasets/", "models/production/", "a")) {
            Problems problems = new Problems();
            Grants.checkPrefix("prefix", valid, problems);
            assertThat(problems.messages()).as(valid).isEmpty();
        }
        Map<String, String> invalid = Map.of(
                "/datasets/", "must not start with /",
                "datasets/*", "without * ? or $",
                "data?", "without * ? or $",
                "${aws:username}/", "without * ? or $");
        invalid.forEach((prefix, message) -> assertThatThrownBy(() -> Grants.requirePrefix(prefix))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("prefix = \"" + prefix + "\"")
                .hasMessageContaining(message));
    }

    @Test
    void grantIdsAreIamPolicyNames() {
        assertThat(Grant.id("read", "dev-training-data", "datasets/")).isEqualTo("read-dev-training-data-datasets");
        assertThat(Grant.id("write", "dev-model", "")).isEqualTo("write-dev-model");
        assertThatThrownBy(() -> new Grant("read all", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
