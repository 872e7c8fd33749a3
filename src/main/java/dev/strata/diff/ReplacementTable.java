package dev.strata.diff;

import com.google.gson.JsonElement;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.strata.core.ResourceTypes.EFS_FILE_SYSTEM;
import static dev.strata.core.ResourceTypes.ELASTICACHE_REPLICATION_GROUP;
import static dev.strata.core.ResourceTypes.FSX_LUSTRE;
import static dev.strata.core.ResourceTypes.K8S_PV;
import static dev.strata.core.ResourceTypes.K8S_PVC;
import static dev.strata.core.ResourceTypes.K8S_STORAGE_CLASS;
import static dev.strata.core.ResourceTypes.KMS_KEY;
import static dev.strata.core.ResourceTypes.S3_BUCKET;

/**
 * The one table of the inputs whose change replaces a stateful resource (a new one is created and
 * the old one deleted, with its data), per resource type, each entry citing its source. pulumi-aws
 * bridges the Terraform AWS provider, so an AWS input replaces when the provider's schema says
 * {@code ForceNew: true}; the Kubernetes provider replaces for the fields of its own {@code forceNew}
 * table. An input of a listed type that is not listed here is updated in place. Where the source
 * leaves it open (a replacement only on a downgrade, a field the API refuses to update), the entry
 * says "may replace".
 */
public final class ReplacementTable {
    /** What a change to an input does to the resource. */
    public enum Verdict {
        REPLACES("replaces"),
        /** Replaces when the new number is lower than the old, otherwise updates in place. */
        REPLACES_IF_DECREASED("replaces if decreased"),
        MAY_REPLACE("may replace"),
        UPDATES("updates in place");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        /** As the reports print it. */
        public String words() {
            return words;
        }
    }

    /**
     * One row of the table.
     *
     * @param type    the Pulumi type token
     * @param path    the input path (camelCase, as the plan's inputs), a prefix of the changed paths it covers
     * @param verdict what a change does
     * @param source  the cited source
     * @param note    why, when the verdict is not a plain "replaces"; empty otherwise
     */
    public record Entry(String type, String path, Verdict verdict, String source, String note) {
        /** The verdict for a change from {@code before} to {@code after} (either may be null: absent). */
        public Verdict resolve(@Nullable JsonElement before, @Nullable JsonElement after) {
            if (verdict != Verdict.REPLACES_IF_DECREASED) {
                return verdict;
            }
            boolean numbers = before != null && after != null && before.isJsonPrimitive() && after.isJsonPrimitive()
                    && before.getAsJsonPrimitive().isNumber() && after.getAsJsonPrimitive().isNumber();
            if (!numbers) {
                return Verdict.MAY_REPLACE;
            }
            return after.getAsDouble() < before.getAsDouble() ? Verdict.REPLACES : Verdict.UPDATES;
        }
    }


    private static final String TF = "https://github.com/hashicorp/terraform-provider-aws/blob/";
    private static final String S3_SOURCE = TF + "0070bcd12c952f14c5434a6f351ef7b6fa791226/internal/service/s3/bucket.go";
    private static final String KMS_SOURCE = TF + "00a35305dc1b297a6fcdecdfbba33f1e63c3da39/internal/service/kms/key.go";
    private static final String LUSTRE_SOURCE = TF + "06ee53d9fed4877dc55cefbe3ba1423b863eda61/internal/service/fsx/lustre_file_system.go";
    private static final String EFS_SOURCE = TF + "0389f4671dd9086cbe548d8eeabf0df30d1c38d9/internal/service/efs/file_system.go";
    private static final String REDIS_SOURCE = TF + "001b6364c1a3b3045e152f655440a6d47eb44a70/internal/service/elasticache/replication_group.go";
    private static final String K8S_SOURCE =
            "https://github.com/pulumi/pulumi-kubernetes/blob/00302beb58ae08591f0c8b0b065871c50ba35250/provider/pkg/provider/diff.go";
    private static final String PVC_EXPANSION = "https://kubernetes.io/docs/concepts/storage/persistent-volumes/#expanding-persistent-volumes-claims";
    private static final String STORAGE_CLASS_DOC = "https://kubernetes.io/docs/concepts/storage/storage-classes/";

    /** The table. */
    public static final List<Entry> ENTRIES = Stream.of(
            // S3: the name is fixed at creation; Object Lock is chosen when the bucket is created.
            replaces(S3_BUCKET, S3_SOURCE, "bucket", "bucketPrefix", "objectLockEnabled"),
            // KMS: the key material's kind and where it lives.
            replaces(KMS_KEY, KMS_SOURCE, "customKeyStoreId", "customerMasterKeySpec", "keyUsage", "multiRegion", "xksKeyId"),
            replaces(FSX_LUSTRE, LUSTRE_SOURCE, "backupId", "copyTagsToBackups", "deploymentType", "driveCacheType", "exportPath",
                    "fileSystemTypeVersion", "importPath", "importedFileChunkSize", "kmsKeyId", "securityGroupIds", "storageType", "subnetIds"),
            List.of(new Entry(FSX_LUSTRE, "perUnitStorageThroughput", Verdict.MAY_REPLACE, LUSTRE_SOURCE,
                            "ForceNew in the provider schema cited; newer provider versions update it in place"),
                    new Entry(FSX_LUSTRE, "storageCapacity", Verdict.REPLACES_IF_DECREASED, LUSTRE_SOURCE,
                            "the schema's CustomizeDiff forces a new file system when the capacity decreases (or on SCRATCH_1)")),
            replaces(EFS_FILE_SYSTEM, EFS_SOURCE, "availabilityZoneName", "creationToken", "encrypted", "kmsKeyId", "performanceMode"),
            // ElastiCache (Redis/Valkey) replication group, Strata's L1 cache.
            replaces(ELASTICACHE_REPLICATION_GROUP, REDIS_SOURCE, "atRestEncryptionEnabled", "dataTieringEnabled", "globalReplicationGroupId", "kmsKeyId",
                    "networkType", "port", "replicationGroupId", "securityGroupNames", "snapshotArns", "snapshotName", "subnetGroupName"),
            List.of(new Entry(ELASTICACHE_REPLICATION_GROUP, "engine", Verdict.MAY_REPLACE, REDIS_SOURCE, "the schema's CustomizeDiff forces a new group on an engine downgrade"),
                    new Entry(ELASTICACHE_REPLICATION_GROUP, "engineVersion", Verdict.MAY_REPLACE, REDIS_SOURCE, "the schema's CustomizeDiff forces a new group on a version downgrade"),
                    new Entry(ELASTICACHE_REPLICATION_GROUP, "nodeGroupConfiguration", Verdict.MAY_REPLACE, REDIS_SOURCE,
                            "forces a new group on a significant change (CustomizeDiff)")),
            // Kubernetes: every kind is replaced when its name or namespace changes.
            replaces(K8S_PVC, K8S_SOURCE, "metadata.name", "metadata.namespace", "spec"),
            List.of(new Entry(K8S_PVC, "spec.resources.requests", Verdict.MAY_REPLACE, K8S_SOURCE,
                    "Kubernetes expands a bound claim in place when its StorageClass allows it (" + PVC_EXPANSION
                            + "); Pulumi's Kubernetes provider lists the field as replacing")),
            replaces(K8S_PV, K8S_SOURCE, "metadata.name", "metadata.namespace", "spec.awsElasticBlockStore", "spec.csi", "spec.hostPath",
                    "spec.local", "spec.nfs"),
            replaces(K8S_STORAGE_CLASS, K8S_SOURCE, "metadata.name", "parameters", "provisioner"),
            Stream.of("reclaimPolicy", "volumeBindingMode").map(path -> new Entry(K8S_STORAGE_CLASS, path, Verdict.MAY_REPLACE, STORAGE_CLASS_DOC,
                    "a StorageClass cannot be updated once created; the provider does not replace it for this field, so the update fails")).toList())
            .flatMap(List::stream).toList();

    private static final Set<String> TYPES = ENTRIES.stream().map(Entry::type).collect(Collectors.toUnmodifiableSet());

    private ReplacementTable() {
    }

    private static List<Entry> replaces(String type, String source, String... paths) {
        return Stream.of(paths).map(path -> new Entry(type, path, Verdict.REPLACES, source, "")).toList();
    }

    /** Whether the table covers the type: a stateful resource whose replacement the diff reports. */
    public static boolean covers(String type) {
        return TYPES.contains(type);
    }

    /**
     * The entry for a changed input path of a resource of {@code type}: the longest entry path that is
     * the path itself or a parent of it ({@code subnetIds} covers {@code subnetIds[0]}).
     */
    public static Optional<Entry> entry(String type, String path) {
        List<Entry> matches = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            if (entry.type().equals(type) && covers(entry.path(), path)) {
                matches.add(entry);
            }
        }
        return matches.stream().max(Comparator.comparingInt(e -> e.path().length()));
    }

    private static boolean covers(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
    }
}
