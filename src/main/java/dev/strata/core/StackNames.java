package dev.strata.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stack names: which Pulumi accepts, and the one name every AWS and Kubernetes name of a stack is
 * derived from.
 *
 * <p>Pulumi's rule (pulumi/pulumi {@code sdk/go/common/tokens/stack_name.go} {@code ParseStackName};
 * https://www.pulumi.com/docs/iac/concepts/stacks/): 1 to 100 characters, each an ASCII letter, digit,
 * {@code -}, {@code _} or {@code .}.
 *
 * <p>Strata's components name resources after the stack: the KMS aliases
 * {@code alias/strata-<base>-<purpose>}, the EKS cluster {@code strata-<base>}, bucket prefixes
 * {@code strata-<base>-<zone>-}, IAM roles Pulumi names {@code <base>-<workload>-<7 random>},
 * ElastiCache ids {@code strata-<base>-model-cache} and Kubernetes volumes {@code <base>-training-hot}.
 * A stack name Pulumi accepts may break any of them ({@code dev.eu}: a dot, refused by KMS aliases and
 * EKS; {@code Dev}: upper case, refused by Kubernetes and S3), so they are built from {@link #base},
 * which satisfies all of these rules at once:
 * <ul>
 *   <li>S3 bucket names: lower-case letters, digits, hyphens (and dots), start and end with a letter or
 *       digit, 3 to 63 characters
 *       (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html);</li>
 *   <li>IAM role names: letters, digits and {@code +=,.@_-}, at most 64 characters
 *       (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html); Pulumi appends
 *       {@code -} and 7 random characters and refuses a name that would exceed the limit
 *       (pulumi/pulumi {@code resource_id.go NewUniqueName}), so {@code <base>-<workload>} must stay
 *       within 56 with workload names of up to 40 characters;</li>
 *   <li>KMS alias names: {@code alias/} then letters, digits, {@code /}, {@code _}, {@code -}, 1 to 256
 *       characters (https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html);</li>
 *   <li>EKS cluster names: letters, digits, {@code -}, {@code _}, starting with a letter or digit, at
 *       most 100 characters (https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html);</li>
 *   <li>ElastiCache replication group, user and user group ids: 1 to 40 letters, digits or hyphens,
 *       starting with a letter, no two consecutive hyphens, not ending with one
 *       (https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html);</li>
 *   <li>Kubernetes object names: DNS-1123 subdomains (lower-case letters, digits, {@code -}, {@code .},
 *       starting and ending with a letter or digit) and labels (the same without dots, at most 63)
 *       (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/).</li>
 * </ul>
 * The base of a stack name that already fits ({@code dev}, {@code staging}, {@code prod},
 * {@code feature-x}) is the name itself, so deployed resources keep their names. Any other name is
 * lower-cased, each run of other characters becomes one hyphen, and it is cut to fit, then a hyphen
 * and six hex digits of the name's SHA-256 are appended, so that two stack names never share a base
 * ({@code dev.eu} and {@code dev-eu} both deploy, in one account, side by side).
 */
public final class StackNames {
    /** Pulumi's longest stack name. */
    public static final int MAX_STACK_NAME = 100;
    /**
     * The longest base: {@code strata-<base>-model-cache} within ElastiCache's 40, and
     * {@code <base>-<40-character workload>} within the 56 an IAM role name leaves Pulumi's suffix.
     */
    public static final int MAX_BASE = 15;

    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern SAFE = Pattern.compile("[a-z]([a-z0-9]|-(?=[a-z0-9]))*");
    private static final int HASH_HEX = 6;

    private StackNames() {
    }

    /** Why Pulumi would refuse {@code stack} as a stack name, in Pulumi's words; empty when it is valid. */
    public static Optional<String> problem(String stack) {
        if (stack == null || stack.isEmpty()) {
            return Optional.of("a stack name may not be empty");
        }
        if (stack.length() > MAX_STACK_NAME) {
            return Optional.of("a stack name cannot exceed " + MAX_STACK_NAME + " characters (this one has " + stack.length() + ")");
        }
        if (!STACK_NAME.matcher(stack).matches()) {
            int at = 0;
            while (at < stack.length() && STACK_NAME.matcher(stack.substring(at, at + 1)).matches()) {
                at++;
            }
            int codePoint = stack.codePointAt(at);
            String shown = Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)
                    ? String.format("U+%04X", codePoint) : "'" + new String(Character.toChars(codePoint)) + "'";
            return Optional.of("a stack name may only contain alphanumeric, hyphens, underscores, or periods: invalid character "
                    + shown + " at position " + at);
        }
        return Optional.empty();
    }

    /**
     * The name a stack's AWS and Kubernetes names are built from: the stack name itself when it fits
     * every rule above, else a fitting form of it with a hash suffix.
     *
     * @throws IllegalArgumentException when {@code stack} is not a valid stack name ({@link #problem})
     */
    public static String base(String stack) {
        problem(stack).ifPresent(p -> {
            throw new IllegalArgumentException("stack " + Problems.render(stack) + ": " + p);
        });
        if (stack.length() <= MAX_BASE && SAFE.matcher(stack).matches()) {
            return stack;
        }
        String cleaned = stack.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^[^a-z]+", "");
        int room = MAX_BASE - HASH_HEX - 1;
        if (cleaned.length() > room) {
            cleaned = cleaned.substring(0, room);
        }
        cleaned = cleaned.replaceAll("-+$", "");
        String hash = sha256Hex(stack).substring(0, HASH_HEX);
        // A name with no letter to start with ("1", "_") is based on "s" (for stack).
        return (cleaned.isEmpty() ? "s" : cleaned) + "-" + hash;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
