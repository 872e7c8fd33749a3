package dev.strata.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance-store NVMe SSD volumes an EC2 instance type has, and the EKS AMI type its managed nodes
 * need: the one table of which types can carry the L2 model cache.
 *
 * <p>Volumes: the EC2 User Guide's "Instance store volumes" table
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/InstanceStorage.html#instance-store-volumes, as
 * archived in awsdocs/amazon-ec2-user-guide doc_source/InstanceStorage.md, 2023-05; since moved to the
 * "Instance store specifications" of each family in the Amazon EC2 Instance Types guide,
 * https://docs.aws.amazon.com/ec2/latest/instancetypes/). Only NVMe SSD types are listed: nodeadm's
 * local storage set-up finds the disks by their {@code NVMe_Instance_Storage} id (awslabs/amazon-eks-ami
 * templates/al2023/runtime/bin/setup-local-disks). "Instance store volumes are included as part of the
 * instance's usage cost" (same page): the price of an instance-hour includes them. Types absent here
 * (e.g. {@code m6i}, {@code inf2}) have no instance store; newer families (e.g. {@code g6}, {@code i7i})
 * are left out until added with their cited sizes.
 *
 * <p>AMI types: the EKS API's {@code amiType} values
 * (https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html); GPU, Inferentia and
 * Trainium types need the accelerated AMIs, which add the NVIDIA and Neuron drivers
 * (https://docs.aws.amazon.com/eks/latest/userguide/eks-optimized-ami.html#gpu-ami); Graviton types the
 * Arm AMIs. A managed node group has one AMI type, so its instance types must share it.
 *
 * @param instanceType the EC2 instance type, e.g. {@code i4i.xlarge}
 * @param disks        how many NVMe instance-store volumes it has
 * @param diskGb       the size of each, in GB as the table gives it
 * @param amiType      the EKS managed node group AMI type for it (Amazon Linux 2023)
 */
public record InstanceStore(String instanceType, int disks, int diskGb, String amiType) {
    public static final String SOURCE = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/InstanceStorage.html#instance-store-volumes";
    public static final String AL2023_X86_64 = "AL2023_x86_64_STANDARD";
    public static final String AL2023_ARM_64 = "AL2023_ARM_64_STANDARD";
    public static final String AL2023_X86_64_NVIDIA = "AL2023_x86_64_NVIDIA";
    public static final String AL2023_X86_64_NEURON = "AL2023_x86_64_NEURON";

    private static final Map<String, InstanceStore> TABLE = table();

    /** The total instance store of the type, in GB: what nodeadm's RAID0 array holds (before its file system). */
    public int totalGb() {
        return disks * diskGb;
    }

    /** The type's instance store, or empty when it has no NVMe instance store (or is not in the cited table). */
    public static Optional<InstanceStore> of(String instanceType) {
        return Optional.ofNullable(TABLE.get(instanceType));
    }

    /** Every listed type, in the table's order. */
    public static Map<String, InstanceStore> all() {
        return TABLE;
    }

    private static Map<String, InstanceStore> table() {
        Map<String, InstanceStore> table = new LinkedHashMap<>();
        // General purpose.
        family(table, AL2023_X86_64, "m5d", "large 1x75", "xlarge 1x150", "2xlarge 1x300", "4xlarge 2x300", "8xlarge 2x600",
                "12xlarge 2x900", "16xlarge 4x600", "24xlarge 4x900", "metal 4x900");
        family(table, AL2023_ARM_64, "m6gd", "medium 1x59", "large 1x118", "xlarge 1x237", "2xlarge 1x474", "4xlarge 1x950",
                "8xlarge 1x1900", "12xlarge 2x1425", "16xlarge 2x1900", "metal 2x1900");
        family(table, AL2023_X86_64, "m6id", "large 1x118", "xlarge 1x237", "2xlarge 1x474", "4xlarge 1x950", "8xlarge 1x1900",
                "12xlarge 2x1425", "16xlarge 2x1900", "24xlarge 4x1425", "32xlarge 4x1900", "metal 4x1900");
        // Compute optimized.
        family(table, AL2023_X86_64, "c5d", "large 1x50", "xlarge 1x100", "2xlarge 1x200", "4xlarge 1x400", "9xlarge 1x900",
                "12xlarge 2x900", "18xlarge 2x900", "24xlarge 4x900", "metal 4x900");
        family(table, AL2023_ARM_64, "c6gd", "medium 1x59", "large 1x118", "xlarge 1x237", "2xlarge 1x474", "4xlarge 1x950",
                "8xlarge 1x1900", "12xlarge 2x1425", "16xlarge 2x1900", "metal 2x1900");
        family(table, AL2023_X86_64, "c6id", "large 1x118", "xlarge 1x237", "2xlarge 1x474", "4xlarge 1x950", "8xlarge 1x1900",
                "12xlarge 2x1425", "16xlarge 2x1900", "24xlarge 4x1425", "32xlarge 4x1900", "metal 4x1900");
        // Memory optimized.
        family(table, AL2023_X86_64, "r5d", "large 1x75", "xlarge 1x150", "2xlarge 1x300", "4xlarge 2x300", "8xlarge 2x600",
                "12xlarge 2x900", "16xlarge 4x600", "24xlarge 4x900", "metal 4x900");
        family(table, AL2023_ARM_64, "r6gd", "medium 1x59", "large 1x118", "xlarge 1x237", "2xlarge 1x474", "4xlarge 1x950",
                "8xlarge 1x1900", "12xlarge 2x1425", "16xlarge 2x1900", "metal 2x1900");
        family(table, AL2023_X86_64, "r6id", "large 1x118", "xlarge 1x237", "2xlarge 1x474", "4xlarge 1x950", "8xlarge 1x1900",
                "12xlarge 2x1425", "16xlarge 2x1900", "24xlarge 4x1425", "32xlarge 4x1900", "metal 4x1900");
        // Storage optimized.
        family(table, AL2023_X86_64, "i3", "large 1x475", "xlarge 1x950", "2xlarge 1x1900", "4xlarge 2x1900", "8xlarge 4x1900",
                "16xlarge 8x1900", "metal 8x1900");
        family(table, AL2023_X86_64, "i3en", "large 1x1250", "xlarge 1x2500", "2xlarge 2x2500", "3xlarge 1x7500",
                "6xlarge 2x7500", "12xlarge 4x7500", "24xlarge 8x7500", "metal 8x7500");
        family(table, AL2023_X86_64, "i4i", "large 1x468", "xlarge 1x937", "2xlarge 1x1875", "4xlarge 1x3750", "8xlarge 2x3750",
                "16xlarge 4x3750", "32xlarge 8x3750", "metal 8x3750");
        // Accelerated computing.
        family(table, AL2023_X86_64_NVIDIA, "g4dn", "xlarge 1x125", "2xlarge 1x225", "4xlarge 1x225", "8xlarge 1x900",
                "12xlarge 1x900", "16xlarge 1x900", "metal 2x900");
        family(table, AL2023_X86_64_NVIDIA, "g5", "xlarge 1x250", "2xlarge 1x450", "4xlarge 1x600", "8xlarge 1x900",
                "12xlarge 1x3800", "16xlarge 1x1900", "24xlarge 1x3800", "48xlarge 2x3800");
        family(table, AL2023_X86_64_NVIDIA, "p4d", "24xlarge 8x1000");
        family(table, AL2023_X86_64_NVIDIA, "p4de", "24xlarge 8x1000");
        family(table, AL2023_X86_64_NEURON, "trn1", "2xlarge 1x474", "32xlarge 4x1900");
        family(table, AL2023_X86_64_NEURON, "trn1n", "32xlarge 4x1900");
        return Collections.unmodifiableMap(table);
    }

    /** Sizes written {@code "<size> <disks>x<GB>"}, as the table's "Instance store volumes" column reads. */
    private static void family(Map<String, InstanceStore> table, String amiType, String family, String... sizes) {
        for (String size : sizes) {
            String[] parts = size.split(" ");
            String[] volumes = parts[1].split("x");
            String type = family + "." + parts[0];
            table.put(type, new InstanceStore(type, Integer.parseInt(volumes[0]), Integer.parseInt(volumes[1]), amiType));
        }
    }

    /** The AMI types of the given listed types, each once, in order. */
    public static List<String> amiTypes(List<String> instanceTypes) {
        return instanceTypes.stream().map(InstanceStore::of).flatMap(Optional::stream).map(InstanceStore::amiType).distinct().toList();
    }
}
