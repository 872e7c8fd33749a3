package dev.strata.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings of a resource a reviewer cares about (encryption, public access, lifecycle,
 * versioning, rotation), in a few words, for the table and the mermaid views.
 */
final class ResourceSummary {
    private static final Pattern STATEMENT_ID = Pattern.compile("\"Sid\":\"([^\"]+)\"");

    private ResourceSummary() {
    }

    static String of(PlannedResource resource) {
        Map<String, Object> in = resource.inputs();
        return switch (resource.type()) {
            case "aws:s3/bucketV2:BucketV2" -> "bucketPrefix=" + in.get("bucketPrefix") + " forceDestroy=" + in.get("forceDestroy");
            case "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2" -> encryption(in);
            case "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock" -> publicAccess(in);
            case "aws:s3/bucketOwnershipControls:BucketOwnershipControls" -> "objectOwnership=" + path(in, "rule", "objectOwnership");
            case "aws:s3/bucketVersioningV2:BucketVersioningV2" -> "versioning=" + path(in, "versioningConfiguration", "status");
            case "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2" -> lifecycle(in);
            case "aws:s3/bucketPolicy:BucketPolicy" -> "policy statements: " + statementIds(String.valueOf(in.get("policy")));
            case "aws:s3/bucketLoggingV2:BucketLoggingV2" -> "access logs to " + in.get("targetBucket") + "/" + in.get("targetPrefix");
            case "aws:kms/key:Key" -> "rotation=" + in.get("enableKeyRotation") + " deletionWindow=" + in.get("deletionWindowInDays") + "d";
            case "aws:kms/alias:Alias" -> String.valueOf(in.get("name"));
            case "aws:efs/fileSystem:FileSystem" -> "encrypted=" + in.get("encrypted") + " key=" + in.get("kmsKeyId")
                    + " " + in.get("performanceMode") + "/" + in.get("throughputMode")
                    + (in.get("provisionedThroughputInMibps") == null ? "" : " " + in.get("provisionedThroughputInMibps") + "MiB/s")
                    + " lifecycle=" + list(in.get("lifecyclePolicies"));
            case "aws:efs/mountTarget:MountTarget" -> "subnet=" + in.get("subnetId") + " securityGroups=" + in.get("securityGroups");
            case "aws:efs/fileSystemPolicy:FileSystemPolicy" -> "policy statements: " + statementIds(String.valueOf(in.get("policy")));
            case "aws:efs/backupPolicy:BackupPolicy" -> "backups=" + path(in, "backupPolicy", "status");
            case "aws:efs/accessPoint:AccessPoint" -> "path=" + path(in, "rootDirectory", "path")
                    + " uid/gid=" + path(in, "posixUser", "uid") + "/" + path(in, "posixUser", "gid");
            case "aws:fsx/lustreFileSystem:LustreFileSystem" -> in.get("deploymentType") + " " + in.get("storageCapacity") + "GiB"
                    + (in.get("perUnitStorageThroughput") == null ? "" : " " + in.get("perUnitStorageThroughput") + "MB/s/TiB")
                    + " compression=" + in.get("dataCompressionType")
                    + " key=" + (in.get("kmsKeyId") == null ? "(FSx-managed)" : in.get("kmsKeyId"))
                    + (in.get("automaticBackupRetentionDays") == null ? "" : " backups=" + in.get("automaticBackupRetentionDays") + "d")
                    + (in.get("importPath") == null ? "" : " import=" + in.get("importPath"))
                    + (in.get("exportPath") == null ? "" : " export=" + in.get("exportPath"))
                    + (in.get("autoImportPolicy") == null ? "" : " autoImport=" + in.get("autoImportPolicy"));
            case "aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation" -> in.get("fileSystemPath") + " <-> "
                    + in.get("dataRepositoryPath") + " import=" + path(in, "s3", "autoImportPolicy", "events")
                    + " export=" + path(in, "s3", "autoExportPolicy", "events");
            case "kubernetes:storage.k8s.io/v1:StorageClass" -> path(in, "metadata", "name") + " provisioner=" + in.get("provisioner")
                    + " reclaim=" + in.get("reclaimPolicy") + " binding=" + in.get("volumeBindingMode")
                    + " parameters=" + in.get("parameters");
            case "kubernetes:core/v1:PersistentVolume" -> path(in, "metadata", "name") + " " + path(in, "spec", "capacity", "storage")
                    + " " + path(in, "spec", "accessModes") + " reclaim=" + path(in, "spec", "persistentVolumeReclaimPolicy")
                    + (path(in, "spec", "local") != null
                            ? " local=" + path(in, "spec", "local", "path") + " on " + hostnames(in)
                            : " driver=" + path(in, "spec", "csi", "driver") + " volumeHandle=" + path(in, "spec", "csi", "volumeHandle"));
            case "kubernetes:core/v1:PersistentVolumeClaim" -> path(in, "metadata", "namespace") + "/" + path(in, "metadata", "name")
                    + " " + path(in, "spec", "resources", "requests", "storage") + " " + path(in, "spec", "accessModes")
                    + " class=" + path(in, "spec", "storageClassName")
                    + (path(in, "spec", "volumeName") == null ? "" : " volume=" + path(in, "spec", "volumeName"));
            case "kubernetes:core/v1:Namespace" -> String.valueOf(path(in, "metadata", "name"));
            case "aws:ec2/securityGroup:SecurityGroup" -> "vpc=" + in.get("vpcId") + " ingress=" + list(in.get("ingress")).size()
                    + " inline egress=" + list(in.get("egress")).size();
            case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                 "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule" -> securityGroupRule(in);
            case "strata:inference:CacheLevel" -> "L" + in.get("level") + " " + in.get("medium")
                    + (Boolean.TRUE.equals(in.get("enabled")) ? "" : " (off)");
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> in.get("engine") + " " + in.get("engineVersion")
                    + " " + in.get("nodeType") + " nodes=" + in.get("numCacheClusters")
                    + " failover=" + in.get("automaticFailoverEnabled") + " multiAz=" + in.get("multiAzEnabled")
                    + " atRest=" + in.get("atRestEncryptionEnabled") + " key=" + in.get("kmsKeyId")
                    + " transit=" + in.get("transitEncryptionEnabled") + "/" + in.get("transitEncryptionMode")
                    + " userGroups=" + in.get("userGroupIds");
            case "aws:elasticache/user:User" -> in.get("userName") + " auth=" + path(in, "authenticationMode", "type")
                    + " access=\"" + in.get("accessString") + "\"";
            case "aws:elasticache/userGroup:UserGroup" -> in.get("userGroupId") + " users=" + in.get("userIds");
            case "aws:elasticache/subnetGroup:SubnetGroup" -> "subnets=" + in.get("subnetIds");
            case "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2" -> "object lock "
                    + path(in, "rule", "defaultRetention", "mode") + " " + path(in, "rule", "defaultRetention", "days") + "d";
            case "kubernetes:apps/v1:DaemonSet" -> path(in, "metadata", "namespace") + "/" + path(in, "metadata", "name")
                    + " serviceAccount=" + path(in, "spec", "template", "spec", "serviceAccountName");
            case "aws:eks/cluster:Cluster" -> in.get("name") + " " + in.get("version") + " subnets=" + path(in, "vpcConfig", "subnetIds")
                    + " publicEndpoint=" + path(in, "vpcConfig", "endpointPublicAccess")
                    + (Boolean.TRUE.equals(path(in, "vpcConfig", "endpointPublicAccess"))
                            ? " from=" + path(in, "vpcConfig", "publicAccessCidrs") : "")
                    + " secretsKey=" + path(in, "encryptionConfig", "provider", "keyArn")
                    + " logs=" + in.get("enabledClusterLogTypes");
            case "aws:cloudwatch/logGroup:LogGroup" -> in.get("name") + " retention=" + in.get("retentionInDays") + "d";
            case "aws:eks/nodeGroup:NodeGroup" -> in.get("instanceTypes") + " " + in.get("amiType") + " size="
                    + path(in, "scalingConfig", "minSize") + "/" + path(in, "scalingConfig", "desiredSize") + "/" + path(in, "scalingConfig", "maxSize");
            case "aws:ec2/launchTemplate:LaunchTemplate" -> "root volume encrypted=" + path(firstOf(in.get("blockDeviceMappings")), "ebs", "encrypted")
                    + " " + path(firstOf(in.get("blockDeviceMappings")), "ebs", "volumeType") + " IMDSv2=" + "required".equals(path(in, "metadataOptions", "httpTokens"))
                    + " hopLimit=" + path(in, "metadataOptions", "httpPutResponseHopLimit")
                    + " securityGroups=" + in.get("vpcSecurityGroupIds");
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" -> in.get("url") + " audiences=" + in.get("clientIdLists");
            case "aws:iam/rolePolicyAttachment:RolePolicyAttachment" -> String.valueOf(in.get("policyArn"));
            case "aws:eks/addon:Addon" -> in.get("addonName") + " " + (in.get("addonVersion") == null ? "(EKS default version)" : in.get("addonVersion"))
                    + (in.get("serviceAccountRoleArn") == null ? "" : " role=" + in.get("serviceAccountRoleArn"));
            case "aws:iam/role:Role" -> "trusts " + trustedSubjects(String.valueOf(in.get("assumeRolePolicy")));
            case "aws:iam/rolePolicy:RolePolicy" -> "policy statements: " + statementIds(String.valueOf(in.get("policy")));
            case "kubernetes:core/v1:ServiceAccount" -> path(in, "metadata", "namespace") + "/" + path(in, "metadata", "name")
                    + " role=" + path(in, "metadata", "annotations", "eks.amazonaws.com/role-arn");
            default -> "";
        };
    }

    /** The hostnames a local volume is pinned to. */
    private static String hostnames(Map<String, Object> in) {
        List<String> hosts = new ArrayList<>();
        for (Object term : list(path(in, "spec", "nodeAffinity", "required", "nodeSelectorTerms"))) {
            for (Object expression : list(((Map<?, ?>) term).get("matchExpressions"))) {
                list(((Map<?, ?>) expression).get("values")).forEach(value -> hosts.add(String.valueOf(value)));
            }
        }
        return String.join(",", hosts);
    }

    private static String securityGroupRule(Map<String, Object> in) {
        Object from = in.get("fromPort");
        Object to = in.get("toPort");
        String ports = java.util.Objects.equals(from, to) ? String.valueOf(from) : from + "-" + to;
        Object peer = in.get("referencedSecurityGroupId") != null ? in.get("referencedSecurityGroupId") : in.get("cidrIpv4");
        return in.get("ipProtocol") + "/" + ports + " peer=" + peer;
    }

    private static String encryption(Map<String, Object> in) {
        List<String> parts = new ArrayList<>();
        for (Object rule : list(in.get("rules"))) {
            Map<?, ?> map = (Map<?, ?>) rule;
            Object algorithm = path(map, "applyServerSideEncryptionByDefault", "sseAlgorithm");
            Object key = path(map, "applyServerSideEncryptionByDefault", "kmsMasterKeyId");
            parts.add(algorithm + (key == null ? "" : " key=" + key) + " bucketKey=" + map.get("bucketKeyEnabled"));
        }
        return String.join("; ", parts);
    }

    private static String publicAccess(Map<String, Object> in) {
        List<String> flags = List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets");
        List<String> off = flags.stream().filter(flag -> !Boolean.TRUE.equals(in.get(flag))).toList();
        return off.isEmpty() ? "all four public-access blocks on" : "OFF: " + String.join(", ", off);
    }

    private static String lifecycle(Map<String, Object> in) {
        return list(in.get("rules")).stream().map(rule -> {
            Map<?, ?> map = (Map<?, ?>) rule;
            List<String> actions = new ArrayList<>();
            list(map.get("transitions")).forEach(t -> actions.add(((Map<?, ?>) t).get("storageClass") + "@" + ((Map<?, ?>) t).get("days") + "d"));
            Object expiration = path(map, "expiration", "days");
            if (expiration != null) {
                actions.add("expire@" + expiration + "d");
            }
            list(map.get("noncurrentVersionTransitions")).forEach(t ->
                    actions.add("noncurrent " + ((Map<?, ?>) t).get("storageClass") + "@" + ((Map<?, ?>) t).get("noncurrentDays") + "d"));
            Object noncurrentExpiration = path(map, "noncurrentVersionExpiration", "noncurrentDays");
            if (noncurrentExpiration != null) {
                actions.add("noncurrent expire@" + noncurrentExpiration + "d");
            }
            Object abort = path(map, "abortIncompleteMultipartUpload", "daysAfterInitiation");
            if (abort != null) {
                actions.add("abort uploads@" + abort + "d");
            }
            return map.get("id") + ": " + String.join(", ", actions);
        }).collect(Collectors.joining("; "));
    }

    private static Map<?, ?> firstOf(Object list) {
        List<?> items = list(list);
        return items.isEmpty() || !(items.get(0) instanceof Map<?, ?> map) ? Map.of() : map;
    }

    /** The service accounts an IRSA trust policy admits, or the service that assumes the role. */
    private static String trustedSubjects(String policy) {
        List<String> subjects = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("system:serviceaccount:[^\"]+").matcher(policy);
        while (matcher.find()) {
            subjects.add(matcher.group().substring("system:serviceaccount:".length()));
        }
        if (subjects.isEmpty()) {
            var service = java.util.regex.Pattern.compile("\"Service\":\"([^\"]+)\"").matcher(policy);
            return service.find() ? service.group(1) : "";
        }
        return String.join(", ", subjects);
    }

    private static String statementIds(String policy) {
        List<String> ids = new ArrayList<>();
        var matcher = STATEMENT_ID.matcher(policy);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return String.join(", ", ids);
    }

    static Object path(Map<?, ?> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
