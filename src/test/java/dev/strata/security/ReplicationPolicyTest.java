package dev.strata.security;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The replication role's trust and permissions, statement by statement, as S3's replication docs list them. */
class ReplicationPolicyTest {
    private static final String SOURCE = "arn:aws:s3:::strata-prod-model-plan";
    private static final String SOURCE_KEY = "arn:aws:kms:us-west-2:123456789012:key/source";
    private static final String REPLICA = "arn:aws:s3:::strata-prod-replication-model-plan";
    private static final String REPLICA_KEY = "arn:aws:kms:us-east-1:123456789012:key/replica";

    private static List<PolicyStatement> statements(boolean objectLock) {
        return ReplicationPolicy.statements(new ReplicationPolicy.Side(SOURCE, SOURCE_KEY, "us-west-2"),
                new ReplicationPolicy.Side(REPLICA, REPLICA_KEY, "us-east-1"), objectLock, "amazonaws.com");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyS3MayAssumeTheRole() {
        Map<String, Object> trust = new Gson().fromJson(ReplicationPolicy.trustPolicy(), Map.class);
        assertThat((List<Map<String, Object>>) trust.get("Statement")).singleElement().satisfies(statement -> {
            assertThat(statement).containsEntry("Effect", "Allow").containsEntry("Action", "sts:AssumeRole")
                    .containsEntry("Principal", Map.of("Service", "s3.amazonaws.com")).doesNotContainKey("Resource");
        });
    }

    @Test
    void exactlyTheDocumentedActionsOnTheTwoBucketsAndTheTwoKeys() {
        assertThat(statements(false)).containsExactly(
                PolicyStatement.allow("ReadSourceReplicationConfiguration", null,
                        List.of("s3:GetReplicationConfiguration", "s3:ListBucket"), List.of(SOURCE), Map.of()),
                PolicyStatement.allow("ReadSourceObjectVersions", null,
                        List.of("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"),
                        List.of(SOURCE + "/*"), Map.of()),
                PolicyStatement.allow("ReplicateToDestination", null,
                        List.of("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"), List.of(REPLICA + "/*"), Map.of()),
                PolicyStatement.allow("DecryptSourceThroughS3", null, List.of("kms:Decrypt"), List.of(SOURCE_KEY),
                        Map.of("StringLike", Map.of("kms:ViaService", "s3.us-west-2.amazonaws.com",
                                "kms:EncryptionContext:aws:s3:arn", List.of(SOURCE, SOURCE + "/*")))),
                PolicyStatement.allow("EncryptReplicasThroughS3", null, List.of("kms:Encrypt", "kms:Decrypt"), List.of(REPLICA_KEY),
                        Map.of("StringLike", Map.of("kms:ViaService", "s3.us-east-1.amazonaws.com",
                                "kms:EncryptionContext:aws:s3:arn", List.of(REPLICA, REPLICA + "/*")))));
    }

    @Test
    void anObjectLockSourceAlsoLetsS3ReadRetentionAndLegalHolds() {
        assertThat(statements(true).get(1).actions()).containsExactly("s3:GetObjectVersionForReplication",
                "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging", "s3:GetObjectRetention", "s3:GetObjectLegalHold");
        assertThat(statements(false).get(1).actions()).doesNotContain("s3:GetObjectRetention", "s3:GetObjectLegalHold");
    }

    @Test
    void noStatementNamesAWildcardActionOrAnotherResource() {
        assertThat(statements(true)).allSatisfy(statement -> {
            assertThat(statement.actions()).noneMatch(action -> action.contains("*"));
            assertThat(statement.resources()).allMatch(arn -> List.of(SOURCE, SOURCE + "/*", REPLICA + "/*", SOURCE_KEY, REPLICA_KEY).contains(arn));
        });
    }
}
