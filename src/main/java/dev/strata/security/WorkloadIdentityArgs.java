package dev.strata.security;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Optional;

/** Arguments of {@link WorkloadIdentity}. */
public final class WorkloadIdentityArgs extends ResourceArgs {
    /**
     * The Kubernetes namespace of the service account (a DNS-1123 label), which must exist: pass the name
     * output of the Namespace that creates it (its service account then waits for it), or the name of an
     * existing one. Required.
     */
    @Import(name = "namespace", required = true)
    private Output<String> namespace;

    /** The service account's name (a DNS-1123 subdomain). Required. */
    @Import(name = "serviceAccountName", required = true)
    private String serviceAccountName;

    /** ARN of the cluster's IAM OIDC provider, the trust policy's federated principal. Required. */
    @Import(name = "oidcProviderArn", required = true)
    private Output<String> oidcProviderArn;

    /** The cluster's OIDC issuer URL, with or without {@code https://}. Required. */
    @Import(name = "oidcIssuer", required = true)
    private Output<String> oidcIssuer;

    /** Tags for the role, in addition to {@code component=security} and {@code tier=identity}. */
    @Import(name = "tags")
    @Nullable
    private Map<String, String> tags;

    @Nullable
    public Output<String> namespace() {
        return namespace;
    }

    public String serviceAccountName() {
        return serviceAccountName;
    }

    public Output<String> oidcProviderArn() {
        return oidcProviderArn;
    }

    public Output<String> oidcIssuer() {
        return oidcIssuer;
    }

    public Map<String, String> tags() {
        return Optional.ofNullable(tags).orElse(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final WorkloadIdentityArgs args = new WorkloadIdentityArgs();

        public Builder namespace(Output<String> namespace) {
            args.namespace = namespace;
            return this;
        }

        public Builder namespace(String namespace) {
            return namespace(Output.of(namespace));
        }

        public Builder serviceAccountName(String name) {
            args.serviceAccountName = name;
            return this;
        }

        public Builder oidcProviderArn(Output<String> arn) {
            args.oidcProviderArn = arn;
            return this;
        }

        public Builder oidcIssuer(Output<String> issuer) {
            args.oidcIssuer = issuer;
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            args.tags = Map.copyOf(tags);
            return this;
        }

        public WorkloadIdentityArgs build() {
            return args;
        }
    }
}
