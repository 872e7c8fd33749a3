package dev.strata.efs;

import dev.strata.core.Problems;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Amazon EFS limits, in one place for the stack settings and for {@link EfsFileSystem}'s own check
 * of its arguments. Each rule cites the AWS document it comes from.
 */
public final class EfsRules {
    /** The NFS port mount targets listen on (https://docs.aws.amazon.com/efs/latest/ug/network-access.html). */
    public static final int NFS_PORT = 2049;

    /**
     * Provisioned throughput: 1 to 3414 MiB/s, the upper limit depending on the Region
     * (CreateFileSystem, ProvisionedThroughputInMibps:
     * https://docs.aws.amazon.com/efs/latest/ug/API_CreateFileSystem.html).
     */
    public static final int MIN_PROVISIONED_MIBPS = 1;
    public static final int MAX_PROVISIONED_MIBPS = 3414;

    /**
     * The days after last access a lifecycle policy can move files to Infrequent Access or Archive:
     * AFTER_1_DAY ... AFTER_365_DAYS (LifecyclePolicy, TransitionToIA and TransitionToArchive:
     * https://docs.aws.amazon.com/efs/latest/ug/API_LifecyclePolicy.html).
     */
    public static final List<Integer> TRANSITION_DAYS = List.of(1, 7, 14, 30, 60, 90, 180, 270, 365);

    /** Access point names become child resource names. */
    public static final Pattern ACCESS_POINT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");
    /** Octal POSIX permissions of a directory EFS creates. */
    public static final Pattern PERMISSIONS = Pattern.compile("[0-7]{3,4}");

    /**
     * A directory on an EFS file system, as an access point's root directory (RootDirectory.Path,
     * https://docs.aws.amazon.com/efs/latest/ug/API_RootDirectory.html): at most 100 characters, at
     * most four {@code /name} components, none starting with {@code .} (so no {@code .} or {@code ..}),
     * none holding {@code $#<>;`|&?{}^*} or a line break (pattern
     * {@code ^(\/|(\/(?!\.)+[^$#<>;`|&?{}^*\/\n]+){1,4})$}). Every path setting of a file system
     * (an access point's path, a CSI basePath) is checked by this one rule.
     */
    public static final int MAX_PATH_LENGTH = 100;
    public static final int MAX_PATH_COMPONENTS = 4;
    private static final Pattern PATH_COMPONENT = Pattern.compile("[^$#<>;`|&?{}^*/\\n.][^$#<>;`|&?{}^*/\\n]*");
    /**
     * The EFS CSI driver creates each volume's access point at {@code basePath/<volume directory>}
     * and refuses a result over 100 characters or four subdirectories (kubernetes-sigs/aws-efs-csi-driver
     * {@code pkg/driver/controller.go}: {@code path.Join("/", basePath, rootDirName)},
     * {@code validatePathRequirements}); the directory is the volume's name, {@code pvc-<uid>}: 40
     * characters. A basePath therefore has at most three components and 59 characters.
     */
    public static final int CSI_VOLUME_DIRECTORY = 40;

    private EfsRules() {
    }

    /** Records a problem unless {@code path} is a directory below the root an access point can expose. */
    public static void checkDirectory(String key, String path, Problems problems) {
        checkPath(key, path, MAX_PATH_COMPONENTS, MAX_PATH_LENGTH, "an access point's directory", problems);
    }

    /** Records a problem unless {@code path} is a CSI basePath under which each volume's directory still fits. */
    public static void checkBasePath(String key, String path, Problems problems) {
        checkPath(key, path, MAX_PATH_COMPONENTS - 1, MAX_PATH_LENGTH - 1 - CSI_VOLUME_DIRECTORY,
                "the EFS CSI driver's basePath (each volume's " + CSI_VOLUME_DIRECTORY + "-character directory is added below it)", problems);
    }

    private static void checkPath(String key, String path, int components, int length, String what, Problems problems) {
        String rule = what + ": an absolute directory below the root such as /datasets, at most " + components
                + " components and " + length + " characters, no component starting with '.' (no '..'), no //, "
                + "none of $#<>;`|&?{}^* or a line break (EFS RootDirectory.Path)";
        String[] parts = path == null || path.length() < 2 ? new String[0] : path.substring(1).split("/", -1);
        String reason;
        if (path == null || !path.startsWith("/")) {
            reason = "must start with /";
        } else if (path.length() < 2) {
            reason = "must be a directory below the root";
        } else if (path.length() > length) {
            reason = "is longer than " + length + " characters";
        } else if (parts.length > components) {
            reason = "has more than " + components + " components";
        } else if (Arrays.stream(parts).anyMatch(String::isEmpty)) {
            reason = "must not hold // or end with /";
        } else if (Arrays.stream(parts).anyMatch(part -> part.startsWith("."))) {
            reason = "must not hold a component starting with '.' (such as ..)";
        } else if (Arrays.stream(parts).anyMatch(part -> !PATH_COMPONENT.matcher(part).matches())) {
            reason = "must not hold any of $#<>;`|&?{}^* or a line break";
        } else {
            return;
        }
        problems.add(key, path, reason + "; " + rule);
    }

    /** The performance mode spelled as in the EFS API, or empty (and a problem) when unknown. */
    public static Optional<PerformanceMode> performanceMode(String key, String value, Problems problems) {
        return choice(key, value, PerformanceMode.values(), PerformanceMode::apiValue, problems);
    }

    /** The throughput mode spelled as in the EFS API, or empty (and a problem) when unknown. */
    public static Optional<ThroughputMode> throughputMode(String key, String value, Problems problems) {
        return choice(key, value, ThroughputMode.values(), ThroughputMode::apiValue, problems);
    }

    private static <E extends Enum<E>> Optional<E> choice(String key, String value, E[] values, Function<E, String> apiValue,
                                                          Problems problems) {
        for (E mode : values) {
            if (apiValue.apply(mode).equals(value)) {
                return Optional.of(mode);
            }
        }
        problems.add(key, value, "must be one of " + Arrays.stream(values).map(apiValue).collect(Collectors.joining(", ")));
        return Optional.empty();
    }

    /**
     * Checks a file system's modes and lifecycle together. {@code key} turns a field name
     * ({@code performanceMode}, {@code throughputMode}, {@code provisionedThroughputMibps},
     * {@code transitionToIaDays}, {@code transitionToArchiveDays}) into its full key. A null mode was
     * already reported as unknown and is not checked again.
     */
    public static void validate(UnaryOperator<String> key, PerformanceMode performance, ThroughputMode throughput,
                                Integer provisionedMibps, Integer iaDays, Integer archiveDays, Problems problems) {
        String throughputKey = key.apply("throughputMode");
        String provisionedKey = key.apply("provisionedThroughputMibps");
        if (throughput == ThroughputMode.PROVISIONED && provisionedMibps == null) {
            problems.add(provisionedKey, null, throughputKey, throughput.apiValue(),
                    "provisioned throughput mode needs the throughput to provision, from "
                            + MIN_PROVISIONED_MIBPS + " to " + MAX_PROVISIONED_MIBPS + " MiB/s");
        }
        if (provisionedMibps != null) {
            if (throughput != null && throughput != ThroughputMode.PROVISIONED) {
                problems.add(provisionedKey, provisionedMibps, throughputKey, throughput.apiValue(),
                        "provisioned throughput applies only in provisioned throughput mode");
            }
            if (provisionedMibps < MIN_PROVISIONED_MIBPS || provisionedMibps > MAX_PROVISIONED_MIBPS) {
                problems.add(provisionedKey, provisionedMibps, "must be from " + MIN_PROVISIONED_MIBPS + " to "
                        + MAX_PROVISIONED_MIBPS + " MiB/s (EFS limit; the upper bound depends on the Region)");
            }
        }
        // Max I/O is not supported with Elastic throughput:
        // https://docs.aws.amazon.com/efs/latest/ug/performance.html#performancemodes
        if (performance == PerformanceMode.MAX_IO && throughput == ThroughputMode.ELASTIC) {
            problems.add(key.apply("performanceMode"), performance.apiValue(), throughputKey, throughput.apiValue(),
                    "EFS does not support Max I/O performance mode with elastic throughput; use generalPurpose");
        }
        String iaKey = key.apply("transitionToIaDays");
        String archiveKey = key.apply("transitionToArchiveDays");
        transitionDays(iaKey, iaDays, problems);
        transitionDays(archiveKey, archiveDays, problems);
        if (archiveDays != null) {
            // Archive is available only with Elastic throughput and General Purpose mode, and files move
            // there after they would move to IA: https://docs.aws.amazon.com/efs/latest/ug/lifecycle-management-efs.html
            if (throughput != null && throughput != ThroughputMode.ELASTIC) {
                problems.add(archiveKey, archiveDays, throughputKey, throughput.apiValue(),
                        "the Archive storage class needs elastic throughput");
            }
            if (performance != null && performance != PerformanceMode.GENERAL_PURPOSE) {
                problems.add(archiveKey, archiveDays, key.apply("performanceMode"), performance.apiValue(),
                        "the Archive storage class needs generalPurpose performance mode");
            }
            if (iaDays == null) {
                problems.add(archiveKey, archiveDays, iaKey, null,
                        "files move to Archive after they move to Infrequent Access; set the IA transition too");
            } else if (archiveDays <= iaDays) {
                problems.add(archiveKey, archiveDays, iaKey, iaDays,
                        "the Archive transition must come after the Infrequent Access transition");
            }
        }
    }

    private static void transitionDays(String key, Integer days, Problems problems) {
        if (days != null && !TRANSITION_DAYS.contains(days)) {
            problems.add(key, days, "must be one of " + TRANSITION_DAYS + " (days since last access EFS supports)");
        }
    }

    /** The EFS API's spelling of a transition: {@code AFTER_1_DAY}, {@code AFTER_30_DAYS}. */
    public static String transitionValue(int days) {
        return "AFTER_" + days + (days == 1 ? "_DAY" : "_DAYS");
    }
}
