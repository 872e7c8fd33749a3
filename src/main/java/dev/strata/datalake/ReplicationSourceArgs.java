package dev.strata.datalake;

/** A bucket {@link Replication} copies to the destination region: its name, ARN and key, and what its replica keeps. */
public final class ReplicationSourceArgs extends ReplicationSourceArgsBase {
    /** A source built from a {@link SecureBucket}: its name, ARN, key, Object Lock and lifecycle. */
    public static ReplicationSourceArgs of(String name, SecureBucket bucket) {
        SecureBucketArgs args = bucket.args();
        // The name known once versioning is on: the replication configuration then waits for it.
        var source = builder().name(name).bucketName(bucket.versionedBucketName()).bucketArn(bucket.bucketArn)
                .lifecycleRules(args.lifecycleRules());
        args.kmsKeyArn().ifPresent(source::kmsKeyArn);
        args.objectLockDays().ifPresent(source::objectLockDays);
        return source.build();
    }
}
