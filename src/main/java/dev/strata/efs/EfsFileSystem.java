package dev.strata.efs;

import dev.strata.core.ComponentOutputs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.efs.AccessPoint;
import com.pulumi.aws.efs.AccessPointArgs;
import com.pulumi.aws.efs.BackupPolicy;
import com.pulumi.aws.efs.BackupPolicyArgs;
import com.pulumi.aws.efs.FileSystem;
import com.pulumi.aws.efs.FileSystemArgs;
import com.pulumi.aws.efs.FileSystemPolicy;
import com.pulumi.aws.efs.FileSystemPolicyArgs;
import com.pulumi.aws.efs.MountTarget;
import com.pulumi.aws.efs.MountTargetArgs;
import com.pulumi.aws.efs.inputs.AccessPointPosixUserArgs;
import com.pulumi.aws.efs.inputs.AccessPointRootDirectoryArgs;
import com.pulumi.aws.efs.inputs.AccessPointRootDirectoryCreationInfoArgs;
import com.pulumi.aws.efs.inputs.BackupPolicyBackupPolicyArgs;
import com.pulumi.aws.efs.inputs.FileSystemLifecyclePolicyArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.core.Children;
import dev.strata.core.KnownValue;
import dev.strata.monitoring.MonitoredKind;
import dev.strata.monitoring.MonitoredResourceArgs;
import dev.strata.core.NetworkRules;
import dev.strata.core.Problems;
import dev.strata.core.Tags;
import dev.strata.security.Grant;
import dev.strata.security.Grantee;
import dev.strata.security.Grants;
import dev.strata.security.PolicyDocument;
import dev.strata.security.PolicyStatement;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An Amazon EFS file system the cluster mounts, closed by default: encrypted at rest with a
 * customer-managed key; a mount target in each private subnet behind a security group of its own
 * that admits only NFS (TCP 2049) from the cluster; a file-system policy that denies every
 * connection without TLS and grants nothing to anonymous (non-IAM) clients; an explicit backup
 * policy; optional lifecycle transitions to Infrequent Access and Archive; optional access points.
 *
 * <p>Kubernetes objects (StorageClass, claims) are not part of it: each consumer adds its own.
 */
public final class EfsFileSystem extends ComponentResource {
    public static final String TYPE = "strata:efs:EfsFileSystem";
    /**
     * The annotation of a claim the EFS CSI driver provisions, holding the driver's add-on version: a
     * claim that carries it is created only once the add-on is active (the consumers' claims bind at
     * once, Immediate binding, so they must not exist before the driver runs).
     */
    public static final String CSI_DRIVER_ANNOTATION = "strata.dev/efs-csi-driver";
    /** The actions anonymous clients would need: the policy grants the write action only via mount targets, never ClientMount. */
    public static final List<String> CLIENT_WRITE_ACTIONS = List.of("elasticfilesystem:ClientWrite");

    /** The file system's id ({@code fs-...}). */
    @Export(name = "fileSystemId", refs = {String.class}, tree = "[0]")
    public final Output<String> fileSystemId;

    /** The file system's ARN. */
    @Export(name = "fileSystemArn", refs = {String.class}, tree = "[0]")
    public final Output<String> fileSystemArn;

    /** The mount targets' security group. */
    @Export(name = "securityGroupId", refs = {String.class}, tree = "[0]")
    public final Output<String> securityGroupId;

    /** The file system's DNS name ({@code fs-....efs.<region>.amazonaws.com}). */
    @Export(name = "dnsName", refs = {String.class}, tree = "[0]")
    public final Output<String> dnsName;

    /** Access point name to access point id. */
    @Export(name = "accessPointIds", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    public final Output<Map<String, String>> accessPointIds;

    /** The EfsFileSystem {@code name} with default resource options, as {@code new EfsFileSystem(name, args, null)}. */
    public EfsFileSystem(String name, EfsFileSystemArgs args) {
        this(name, args, null);
    }

    public EfsFileSystem(String name, EfsFileSystemArgs args, @Nullable ComponentResourceOptions options) {
        this(name, Checked.of(args), options);
    }

    /** Arguments that passed validation, checked before anything is registered. */
    private record Checked(EfsFileSystemArgs args) {
        static Checked of(EfsFileSystemArgs args) {
            Problems problems = new Problems();
            if (args.kmsKeyArn() == null) {
                problems.missing("kmsKeyArn", "is required: the file system is encrypted with a customer-managed KMS key");
            }
            NetworkRules.network("network", args.network(), problems);
            if (args.tier() == null || args.tier().isBlank()) {
                problems.missing("tier", "is required; the file system's tier tag, e.g. warm");
            }
            args.options().validate(field -> "options." + field, problems);
            Set<String> accessPointNames = new HashSet<>();
            for (int i = 0; i < args.accessPoints().size(); i++) {
                EfsAccessPointArgs accessPoint = args.accessPoints().get(i);
                accessPoint.validate("accessPoints[" + i + "]", problems);
                if (accessPoint.name() != null && !accessPointNames.add(accessPoint.name())) {
                    problems.add("accessPoints[" + i + "].name", accessPoint.name(), "access point names must be unique");
                }
            }
            problems.throwIfAny();
            return new Checked(args);
        }
    }

    /** The file system's modes, for {@link #monitored}. */
    private final EfsOptionsArgs options;

    private EfsFileSystem(String name, Checked checked, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, checked.args(), options);
        EfsFileSystemArgs args = checked.args();
        EfsOptionsArgs efs = args.options();
        Map<String, String> tags = Tags.of(args.tags(), args.component(), args.tier());

        var fileSystemArgs = FileSystemArgs.builder()
                .encrypted(true)
                .kmsKeyId(args.kmsKeyArn())
                .performanceMode(efs.performance().apiValue())
                .throughputMode(efs.throughput().apiValue())
                .lifecyclePolicies(lifecyclePolicies(args))
                .tags(withName(tags, name));
        efs.provisionedThroughputMibps().ifPresent(mibps -> fileSystemArgs.provisionedThroughputInMibps(mibps.doubleValue()));
        FileSystem fileSystem = new FileSystem(name, fileSystemArgs.build(), Children.stateful(this, args.protect()));

        SecurityGroup securityGroup = new SecurityGroup(name + "-nfs", SecurityGroupArgs.builder()
                .description("EFS mount targets of " + name + ": NFS (TCP " + EfsRules.NFS_PORT + ") from the cluster only")
                .vpcId(args.network().vpcId())
                .tags(withName(tags, name + "-nfs"))
                .build(), Children.of(this));
        args.network().clientSecurityGroupId().ifPresent(source -> new SecurityGroupIngressRule(name + "-nfs-from-nodes",
                SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(securityGroup.id())
                        .description("NFS from the cluster nodes")
                        .ipProtocol("tcp")
                        .fromPort(EfsRules.NFS_PORT)
                        .toPort(EfsRules.NFS_PORT)
                        .referencedSecurityGroupId(source)
                        .tags(tags)
                        .build(), Children.of(this)));
        for (String cidr : args.network().allowedCidrs()) {
            new SecurityGroupIngressRule(name + "-nfs-from-" + cidr.replaceAll("[./]", "-"), SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(securityGroup.id())
                    .description("NFS from " + cidr)
                    .ipProtocol("tcp")
                    .fromPort(EfsRules.NFS_PORT)
                    .toPort(EfsRules.NFS_PORT)
                    .cidrIpv4(cidr)
                    .tags(tags)
                    .build(), Children.of(this));
        }

        // A mount target per subnet, named after it: subnets known now (Strata's stack, plain ids) show in the
        // preview; subnets that are another resource's outputs not yet known get theirs once they resolve
        // (resources made in an apply "will not appear in pulumi preview unless the output's value is already
        // known": https://www.pulumi.com/docs/iac/concepts/inputs-outputs/apply/), and the DNS name waits for
        // them (clients mount through a mount target).
        Output<List<String>> subnetIds = args.network().subnetIds();
        Optional<List<String>> known = KnownValue.of(subnetIds);
        Output<List<String>> mountTargets = known.map(Output::of).orElseGet(() -> subnetIds.applyValue(ids -> {
            mountTargets(name, ids, fileSystem, securityGroup);
            return ids;
        }));
        known.ifPresent(ids -> mountTargets(name, ids, fileSystem, securityGroup));

        new FileSystemPolicy(name + "-policy", FileSystemPolicyArgs.builder()
                .fileSystemId(fileSystem.id())
                .policy(fileSystem.arn().applyValue(EfsFileSystem::fileSystemPolicy))
                .build(), Children.of(this));

        new BackupPolicy(name + "-backup", BackupPolicyArgs.builder()
                .fileSystemId(fileSystem.id())
                .backupPolicy(BackupPolicyBackupPolicyArgs.builder().status(efs.backup() ? "ENABLED" : "DISABLED").build())
                .build(), Children.of(this));

        Map<String, Output<String>> accessPointIds = new LinkedHashMap<>();
        for (EfsAccessPointArgs accessPoint : args.accessPoints()) {
            AccessPoint created = new AccessPoint(name + "-" + accessPoint.name(), AccessPointArgs.builder()
                    .fileSystemId(fileSystem.id())
                    .posixUser(AccessPointPosixUserArgs.builder().uid(accessPoint.uid()).gid(accessPoint.gid()).build())
                    .rootDirectory(AccessPointRootDirectoryArgs.builder()
                            .path(accessPoint.path())
                            .creationInfo(AccessPointRootDirectoryCreationInfoArgs.builder()
                                    .ownerUid(accessPoint.uid())
                                    .ownerGid(accessPoint.gid())
                                    .permissions(accessPoint.permissions())
                                    .build())
                            .build())
                    .tags(withName(tags, name + "-" + accessPoint.name()))
                    .build(), Children.of(this));
            accessPointIds.put(accessPoint.name(), created.id());
        }

        this.options = args.options();
        this.fileSystemId = fileSystem.id();
        this.fileSystemArn = fileSystem.arn();
        this.securityGroupId = securityGroup.id();
        this.dnsName = known.isPresent() ? fileSystem.dnsName() : Output.tuple(fileSystem.dnsName(), mountTargets).applyValue(t -> t.t1);
        this.accessPointIds = byName(accessPointIds);
        registerOutputs(ComponentOutputs.of(this));
    }

    private void mountTargets(String name, List<String> subnetIds, FileSystem fileSystem, SecurityGroup securityGroup) {
        for (String subnetId : subnetIds) {
            new MountTarget(name + "-" + subnetId, MountTargetArgs.builder()
                    .fileSystemId(fileSystem.id())
                    .subnetId(subnetId)
                    .securityGroups(securityGroup.id().applyValue(List::of))
                    .build(), Children.of(this));
        }
    }

    /** The file system as {@code StorageAlarms} watches it: its burst credits in bursting mode, its I/O limit in generalPurpose mode. */
    public MonitoredResourceArgs monitored(String tier, String label) {
        return MonitoredResourceArgs.builder().tier(tier).label(label).kind(MonitoredKind.EFS).resourceId(fileSystemId)
                .throughputMode(options.throughput().apiValue()).performanceMode(options.performance().apiValue()).build();
    }

    /** Lets {@code grantee} mount the file system as an IAM client (read-only): ClientMount on its ARN. */
    public Grant grantMount(Grantee grantee) {
        return grant(grantee, Grant.id("mount", pulumiResourceName()), arn -> Grants.efsClient(arn, false));
    }

    /** Lets {@code grantee} mount and write as an IAM client: ClientMount and ClientWrite on its ARN. */
    public Grant grantReadWrite(Grantee grantee) {
        return grant(grantee, Grant.id("mount-write", pulumiResourceName()), arn -> Grants.efsClient(arn, true));
    }

    /**
     * Lets the EFS CSI driver provision access points on this file system and mount it with TLS and IAM
     * for pods ({@link Grants#efsCsiFileSystem}).
     */
    public Grant grantCsiDriver(Grantee driver) {
        return grant(driver, Grant.id("csi", pulumiResourceName()), Grants::efsCsiFileSystem);
    }

    private Grant grant(Grantee grantee, String id, java.util.function.Function<String, List<PolicyStatement>> statements) {
        Grant grant = new Grant(id, fileSystemArn.applyValue(statements::apply));
        grantee.grant(grant);
        return grant;
    }

    /**
     * Denies every connection without TLS, and grants writes only to clients that come through a
     * mount target. ClientMount is granted to no one here, so anonymous clients (those that mount
     * without IAM authorization) cannot mount; IAM principals get it from their identity policies.
     * This is the EFS console's "Prevent root access", "Prevent anonymous access" and "Enforce
     * in-transit encryption" combined: https://docs.aws.amazon.com/efs/latest/ug/create-file-system-policy.html
     */
    static String fileSystemPolicy(String fileSystemArn) {
        return PolicyDocument.json(List.of(
                PolicyStatement.allow("AllowWriteThroughMountTargets", Map.of("AWS", "*"), CLIENT_WRITE_ACTIONS,
                        List.of(fileSystemArn),
                        Map.of("Bool", Map.of("elasticfilesystem:AccessedViaMountTarget", "true"))),
                PolicyStatement.deny("DenyInsecureTransport", Map.of("AWS", "*"), List.of("*"), List.of(fileSystemArn),
                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))));
    }

    /** One lifecycle policy per transition: the EFS API takes each in an object of its own. */
    private static List<FileSystemLifecyclePolicyArgs> lifecyclePolicies(EfsFileSystemArgs args) {
        List<FileSystemLifecyclePolicyArgs> policies = new ArrayList<>();
        args.options().transitionToIaDays().ifPresent(days -> policies.add(FileSystemLifecyclePolicyArgs.builder()
                .transitionToIa(EfsRules.transitionValue(days)).build()));
        args.options().transitionToArchiveDays().ifPresent(days -> policies.add(FileSystemLifecyclePolicyArgs.builder()
                .transitionToArchive(EfsRules.transitionValue(days)).build()));
        return policies;
    }

    private static Map<String, String> withName(Map<String, String> tags, String name) {
        Map<String, String> named = new java.util.TreeMap<>(tags);
        named.put("Name", name);
        return named;
    }

    private static Output<Map<String, String>> byName(Map<String, Output<String>> ids) {
        List<String> names = List.copyOf(ids.keySet());
        if (names.isEmpty()) {
            return Output.of(Map.of());
        }
        return Output.all(names.stream().map(ids::get).toList()).applyValue(values -> {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                map.put(names.get(i), values.get(i));
            }
            return map;
        });
    }
}
