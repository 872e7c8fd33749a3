package dev.strata.inference;

import dev.strata.core.Problems;

import java.util.List;

/**
 * The optional cache warm-up: a DaemonSet on the NVMe nodes that copies model prefixes from the
 * archive bucket into the local cache before model servers start.
 *
 * @param image    the container image (with the AWS CLI), pinned by tag or digest
 * @param prefixes the archive prefixes to copy, e.g. {@code models/llama-3-8b/}
 */
public record CacheWarmup(String image, List<String> prefixes) {
    public CacheWarmup {
        prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
    }

    /** Checks the image, the prefixes and that the NVMe nodes share one cache path. {@code key} prefixes the keys reported. */
    public void validate(List<NvmeNode> nodes, String key, String nodesKey, Problems problems) {
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
        if (nodes.isEmpty()) {
            problems.add(prefix + "enabled", true, nodesKey, "[]", "the warm-up runs on the NVMe nodes; list at least one");
        } else if (nodes.stream().map(NvmeNode::path).distinct().count() > 1) {
            problems.add(prefix + "enabled", true, nodesKey, nodes.stream().map(NvmeNode::path).distinct().toList(),
                    "the warm-up DaemonSet writes to one host path; give every NVMe node the same path");
        }
    }

    private static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash && !image.substring(colon + 1).isEmpty() && !image.substring(colon + 1).equals("latest");
    }
}
