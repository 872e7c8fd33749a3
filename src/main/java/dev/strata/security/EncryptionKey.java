package dev.strata.security;

import dev.strata.core.ComponentOutputs;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A customer-managed KMS key for one purpose: rotation on, a 30-day deletion window, the alias
 * {@code alias/strata-<stack>-<purpose>}, and KMS's default key policy (the account root, so that IAM
 * policies decide who uses the key) plus only what the key's services' documentation requires of the
 * key policy ({@link KeyService}) and the roles named as {@code keyUsers}. No statement names the
 * principal {@code *}: a principal of the account uses the key only when an IAM policy grants it, as
 * each workload's grant does ({@link Grants#s3Read}).
 */
public final class EncryptionKey extends ComponentResource {
    public static final String TYPE = "strata:security:EncryptionKey";
    public static final int DEFAULT_DELETION_WINDOW_DAYS = 30;

    private static final Pattern NAME_PART = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** An exact IAM role ARN: no wildcard, no account root. */
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+");

    /** The key's ARN. */
    @Export(name = "keyArn", refs = {String.class}, tree = "[0]")
    public final Output<String> keyArn;

    /** The key's id. */
    @Export(name = "keyId", refs = {String.class}, tree = "[0]")
    public final Output<String> keyId;

    /** The alias name, {@code alias/strata-<stack>-<purpose>}. */
    @Export(name = "aliasName", refs = {String.class}, tree = "[0]")
    public final Output<String> aliasName;

    /** The EncryptionKey {@code name} with default resource options, as {@code new EncryptionKey(name, args, null)}. */
    public EncryptionKey(String name, EncryptionKeyArgs args) {
        this(name, args, null);
    }

    public EncryptionKey(String name, EncryptionKeyArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, validated(args), options);
        // KMS alias names allow letters, digits, /, _ and - only; the stack's name base fits (core.StackNames).
        String alias = "alias/strata-" + StackNames.base(Deployment.getInstance().getStackName()) + "-" + args.purpose();

        Output<GetCallerIdentityResult> caller = AwsFunctions.getCallerIdentity();
        Output<GetPartitionResult> partition = AwsFunctions.getPartition();
        Output<GetRegionResult> region = AwsFunctions.getRegion();
        List<KeyService> services = args.services().stream().map(s -> KeyService.of(s).orElseThrow()).toList();
        Output<List<String>> keyUsers = args.keyUsers().orElse(Output.of(List.of()));
        Output<String> policy = Output.tuple(caller, partition, region, keyUsers).applyValue(t ->
                keyPolicy(t.t1.accountId(), t.t2.partition(), t.t3.name(), t.t2.dnsSuffix(), services, t.t4));

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
        registerOutputs(ComponentOutputs.of(this));
    }

    /**
     * The key policy: KMS's default key policy, which gives the account root every permission so that
     * IAM policies govern the key (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html),
     * then each service's documented statements ({@link KeyService#keyPolicyStatements}), then the
     * named key users, who may use the key only through its services.
     *
     * @throws IllegalArgumentException when a key user is not an exact IAM role ARN
     */
    static String keyPolicy(String accountId, String partition, String region, String dnsSuffix, List<KeyService> services,
                            List<String> keyUsers) {
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(PolicyStatement.allow("AccountAdministersKeyThroughIam",
                Map.of("AWS", "arn:" + partition + ":iam::" + accountId + ":root"),
                List.of("kms:*"), List.of("*"), Map.of()));
        services.forEach(service -> statements.addAll(service.keyPolicyStatements(accountId, partition, region, dnsSuffix)));
        if (!keyUsers.isEmpty()) {
            keyUsers.stream().filter(arn -> arn == null || !ROLE_ARN.matcher(arn).matches()).findFirst().ifPresent(arn -> {
                throw new IllegalArgumentException("keyUsers = \"" + arn + "\": must be an exact IAM role ARN "
                        + "(arn:<partition>:iam::<account>:role/<name>), never * or an account root");
            });
            List<String> viaServices = services.stream().flatMap(service -> service.viaServices(region, dnsSuffix).stream()).toList();
            statements.add(PolicyStatement.allow("NamedRolesUseKeyThroughItsServices",
                    Map.of("AWS", keyUsers.size() == 1 ? keyUsers.get(0) : List.copyOf(keyUsers)),
                    Actions.KMS_KEY_USE, List.of("*"), Map.of("StringEquals", Map.of("kms:ViaService", viaServices))));
        }
        return PolicyDocument.json(statements);
    }

    private static EncryptionKeyArgs validated(EncryptionKeyArgs args) {
        Problems problems = new Problems();
        if (args.purpose() == null || !NAME_PART.matcher(args.purpose()).matches() || args.purpose().length() > 64) {
            problems.add("purpose", args.purpose(), "must be 1 to 64 lower-case letters, digits or hyphens");
        }
        if (args.services().isEmpty()) {
            problems.missing("services", "must name at least one AWS service that uses the key");
        }
        args.services().stream().filter(service -> KeyService.of(service).isEmpty()).forEach(service ->
                problems.add("services", service, "must be one of the services Strata knows the key requirements of: "
                        + String.join(", ", KeyService.endpointPrefixes())));
        if (args.services().stream().distinct().count() != args.services().size()) {
            problems.add("services", args.services(), "must name each service once");
        }
        if (args.deletionWindowInDays() < 7 || args.deletionWindowInDays() > 30) {
            problems.add("deletionWindowInDays", args.deletionWindowInDays(), "must be from 7 to 30 (KMS limits)");
        }
        problems.throwIfAny();
        return args;
    }
}
