package dev.strata.security;

import java.util.TreeMap;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.outputs.GetPartitionResult;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.core.Children;
import dev.strata.core.InvalidConfigException;
import dev.strata.core.Problems;
import dev.strata.core.StackNames;
import dev.strata.core.Tags;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A customer-managed KMS key for one purpose: rotation on, a 30-day deletion window, the alias
 * {@code alias/strata-<stack>-<purpose>}, and a key policy that lets the account administer the key
 * (through IAM) and lets the named AWS services use it only on the account's behalf.
 */
public final class EncryptionKey extends ComponentResource {
    public static final String TYPE = "strata:security:EncryptionKey";
    public static final int DEFAULT_DELETION_WINDOW_DAYS = 30;

    /** The data-key actions AWS services perform with the key on a caller's behalf. */
    public static final List<String> SERVICE_USE_ACTIONS = List.of(
            "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
            "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey");

    private static final Pattern NAME_PART = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** The key's ARN. */
    @Export(name = "keyArn", refs = {String.class}, tree = "[0]")
    public final Output<String> keyArn;

    /** The key's id. */
    @Export(name = "keyId", refs = {String.class}, tree = "[0]")
    public final Output<String> keyId;

    /** The alias name, {@code alias/strata-<stack>-<purpose>}. */
    @Export(name = "aliasName", refs = {String.class}, tree = "[0]")
    public final Output<String> aliasName;

    public EncryptionKey(String name, EncryptionKeyArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, validated(args), options);
        // KMS alias names allow letters, digits, /, _ and - only; the stack's name base fits (core.StackNames).
        String alias = "alias/strata-" + StackNames.base(Deployment.getInstance().getStackName()) + "-" + args.purpose();

        Output<GetCallerIdentityResult> caller = AwsFunctions.getCallerIdentity();
        Output<GetPartitionResult> partition = AwsFunctions.getPartition();
        Output<GetRegionResult> region = AwsFunctions.getRegion();
        Output<String> policy = Output.tuple(caller, partition, region).applyValue(t ->
                keyPolicy(t.t1.accountId(), t.t2.partition(), t.t3.name(), t.t2.dnsSuffix(), args.services()));

        Key key = new Key(name, KeyArgs.builder()
                .description("Strata " + args.purpose() + " key (" + Deployment.getInstance().getStackName() + ")")
                .enableKeyRotation(true)
                .deletionWindowInDays(args.deletionWindowInDays())
                .policy(policy)
                .tags(Tags.of(args.tags(), "security", args.purpose()))
                .build(), Children.stateful(this, args.protect()));

        Alias keyAlias = new Alias(name, AliasArgs.builder()
                .name(alias)
                .targetKeyId(key.keyId())
                .build(), Children.of(this));

        this.keyArn = key.arn();
        this.keyId = key.keyId();
        this.aliasName = keyAlias.name();
        registerOutputs(Map.of("keyArn", keyArn, "keyId", keyId, "aliasName", aliasName));
    }

    /**
     * The key policy. The account root statement is KMS's default key policy: it makes the key
     * governable through IAM policies (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html).
     * Services use the key only through their own endpoint in this region and only for callers of this
     * account (kms:ViaService, kms:CallerAccount), the pattern of AWS managed keys; grants only for AWS
     * resources (kms:GrantIsForAWSResource), which EFS and FSx need.
     */
    static String keyPolicy(String accountId, String partition, String region, String dnsSuffix, List<String> services) {
        List<String> viaServices = services.stream().map(service -> service + "." + region + "." + dnsSuffix).toList();
        Map<String, Object> accountAndService = Map.of(
                "kms:CallerAccount", accountId,
                "kms:ViaService", viaServices);
        return PolicyDocument.json(List.of(
                PolicyStatement.allow("AccountAdministersKeyThroughIam",
                        Map.of("AWS", "arn:" + partition + ":iam::" + accountId + ":root"),
                        List.of("kms:*"), List.of("*"), Map.of()),
                PolicyStatement.allow("ServicesUseKeyOnAccountsBehalf", Map.of("AWS", "*"),
                        SERVICE_USE_ACTIONS, List.of("*"),
                        Map.of("StringEquals", new TreeMap<>(accountAndService))),
                PolicyStatement.allow("ServicesCreateGrantsForAwsResources", Map.of("AWS", "*"),
                        List.of("kms:CreateGrant"), List.of("*"),
                        grantConditions(accountAndService))));
    }

    /** Ordered, so that the policy text is the same on every run (plans compare it as text). */
    private static Map<String, Map<String, Object>> grantConditions(Map<String, Object> accountAndService) {
        Map<String, Map<String, Object>> conditions = new java.util.LinkedHashMap<>();
        conditions.put("StringEquals", new TreeMap<>(accountAndService));
        conditions.put("Bool", Map.of("kms:GrantIsForAWSResource", "true"));
        return conditions;
    }

    private static EncryptionKeyArgs validated(EncryptionKeyArgs args) {
        Problems problems = new Problems();
        if (args.purpose() == null || !NAME_PART.matcher(args.purpose()).matches() || args.purpose().length() > 64) {
            problems.add("purpose", args.purpose(), "must be 1 to 64 lower-case letters, digits or hyphens");
        }
        if (args.services().isEmpty()) {
            problems.missing("services", "must name at least one AWS service that uses the key");
        }
        args.services().stream().filter(service -> !NAME_PART.matcher(service).matches()).forEach(service ->
                problems.add("services", service, "must be an AWS service endpoint prefix such as s3, elasticfilesystem or fsx"));
        if (args.deletionWindowInDays() < 7 || args.deletionWindowInDays() > 30) {
            problems.add("deletionWindowInDays", args.deletionWindowInDays(), "must be from 7 to 30 (KMS limits)");
        }
        problems.throwIfAny();
        return args;
    }
}
