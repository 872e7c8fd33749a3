package dev.strata.security;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.OneOf;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Arguments of {@link EncryptionKey}. */
public final class EncryptionKeyArgs extends ResourceArgs {
    /** What the key encrypts, e.g. {@code datalake}; it names the alias {@code alias/strata-<stack>-<purpose>}. Required. */
    @Import(name = "purpose", required = true)
    private String purpose;

    /**
     * The AWS services that use the key, by endpoint prefix: {@code s3}, {@code elasticfilesystem},
     * {@code fsx}, {@code elasticache}, {@code eks}, {@code logs} ({@link KeyService}). Each adds to the
     * key policy only what its documentation requires (CloudWatch Logs: its service principal, for log
     * groups of this account and region); the others use the key with the IAM permissions of their
     * callers, which the account-root statement lets IAM decide. Default: {@code [s3]}.
     */
    @OneOf(value = KeyService.class, spelled = "endpointPrefix")
    @Import(name = "services")
    @Nullable
    private List<String> services;

    /**
     * IAM role ARNs that the key policy itself names as key users: the data-key actions, only through
     * the key's services ({@code kms:ViaService}). For roles whose own IAM policies cannot grant the key
     * (service-linked roles, roles of another account); a role of this account needs none, its IAM
     * policies decide. Each an exact role ARN, never {@code *}. Default: none.
     */
    @Import(name = "keyUsers")
    @Nullable
    private Output<List<String>> keyUsers;

    /** Days KMS waits before deleting the key once deletion is scheduled (7 to 30). Default: 30. */
    @Import(name = "deletionWindowInDays")
    @Nullable
    private Integer deletionWindowInDays;

    /** Tags for the key, in addition to {@code component=security} and {@code tier=<purpose>}. */
    @Import(name = "tags")
    @Nullable
    private Map<String, String> tags;

    /** Protect the key and retain it when it leaves the stack. Default: false (the Strata program sets it in prod). */
    @Import(name = "protect")
    @Nullable
    private Boolean protect;

    public String purpose() {
        return purpose;
    }

    public List<String> services() {
        return Optional.ofNullable(services).orElse(List.of("s3"));
    }

    public Optional<Output<List<String>>> keyUsers() {
        return Optional.ofNullable(keyUsers);
    }

    public int deletionWindowInDays() {
        return Optional.ofNullable(deletionWindowInDays).orElse(EncryptionKey.DEFAULT_DELETION_WINDOW_DAYS);
    }

    public Map<String, String> tags() {
        return Optional.ofNullable(tags).orElse(Map.of());
    }

    public boolean protect() {
        return Boolean.TRUE.equals(protect);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final EncryptionKeyArgs args = new EncryptionKeyArgs();

        public Builder purpose(String purpose) {
            args.purpose = purpose;
            return this;
        }

        public Builder services(List<String> services) {
            args.services = List.copyOf(services);
            return this;
        }

        public Builder keyUsers(Output<List<String>> roleArns) {
            args.keyUsers = roleArns;
            return this;
        }

        public Builder keyUsers(List<String> roleArns) {
            return keyUsers(Output.of(List.copyOf(roleArns)));
        }

        public Builder deletionWindowInDays(int days) {
            args.deletionWindowInDays = days;
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            args.tags = Map.copyOf(tags);
            return this;
        }

        public Builder protect(boolean protect) {
            args.protect = protect;
            return this;
        }

        public EncryptionKeyArgs build() {
            return args;
        }
    }
}
