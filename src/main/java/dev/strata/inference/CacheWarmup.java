package dev.strata.inference;

import dev.strata.core.Problems;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The optional cache warm-up: a DaemonSet on the L2 nodes (selected by their label, tolerating their
 * taint) that copies model prefixes from the archive bucket into each node's local cache, then keeps
 * them fresh. It runs as the inference service account (IRSA: read-only on the archive), as uid and gid
 * {@value NvmeNode#CACHE_GID}, never as root, with a read-only root file system and the requests and
 * limits below.
 *
 * @param image    the container image (with the AWS CLI and {@code /bin/sh}), pinned by tag or digest
 * @param prefixes the archive prefixes to copy, e.g. {@code models/llama-3-8b/}
 */
public record CacheWarmup(String image, List<String> prefixes) {
    /** What the scheduler reserves for each warm-up container, and the most it may use. */
    public static final String CPU_REQUEST = "100m";
    public static final String MEMORY_REQUEST = "256Mi";
    public static final String CPU_LIMIT = "1";
    public static final String MEMORY_LIMIT = "1Gi";
    /** The AWS CLI's scratch space (HOME): an emptyDir of at most this size, the root file system being read-only. */
    public static final String SCRATCH_SIZE_LIMIT = "1Gi";

    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");

    public CacheWarmup {
        prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
    }

    /** Checks the image and the prefixes. {@code key} prefixes the keys reported. */
    public void validate(String key, Problems problems) {
        String prefix = key.isEmpty() ? "" : key + ".";
        if (image == null || image.isBlank()) {
            problems.missing(prefix + "image", "is required when the warm-up is enabled; an image with the AWS CLI, "
                    + "pinned by tag or digest, e.g. public.ecr.aws/aws-cli/aws-cli:2.17.0");
        } else if (image.chars().anyMatch(Character::isWhitespace)) {
            problems.add(prefix + "image", image, "must be an image reference without spaces");
        } else if (!pinned(image)) {
            problems.add(prefix + "image", image, "must be pinned by a tag other than latest, or by a digest (@sha256:...)");
        }
        if (prefixes.isEmpty()) {
            problems.missing(prefix + "prefixes", "must name at least one archive prefix to copy, e.g. models/");
        }
        for (int i = 0; i < prefixes.size(); i++) {
            String p = prefixes.get(i);
            if (p == null || p.isEmpty() || p.startsWith("/") || p.contains("..") || p.chars().anyMatch(Character::isWhitespace)) {
                problems.add(prefix + "prefixes[" + i + "]", p,
                        "must be a key prefix in the archive bucket, not starting with / and without '..' or spaces");
            }
        }
    }

    /** Whether the image names its content by digest ({@code @sha256:} and 64 hex digits): a tag can be moved, a digest cannot. */
    public static boolean pinnedByDigest(String image) {
        return image != null && DIGEST.matcher(image).matches();
    }

    /** A tag other than latest, or a digest. */
    public static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash && !image.substring(colon + 1).isEmpty() && !image.substring(colon + 1).equals("latest");
    }
}
