package dev.strata.security;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import dev.strata.core.TaggedArgs;

import javax.annotation.Nullable;

/** Arguments of {@link WorkloadIdentity}. */
public final class WorkloadIdentityArgs extends TaggedArgs {
    /** The Kubernetes namespace of the service account (a DNS-1123 label). Required. */
    @Import(name = "namespace", required = true)
    private String namespace;

    /** The service account's name (a DNS-1123 subdomain). Required. */
    @Import(name = "serviceAccountName", required = true)
    private String serviceAccountName;

    /**
     * Create the namespace. Default: true. Set false when the namespace exists already or another
     * component owns it; the service account then waits for this component's {@code dependsOn}.
     */
    @Import(name = "createNamespace")
    @Nullable
    private Boolean createNamespace;

    /** ARN of the cluster's IAM OIDC provider, the trust policy's federated principal. Required. */
    @Import(name = "oidcProviderArn", required = true)
    private Output<String> oidcProviderArn;

    /** The cluster's OIDC issuer URL, with or without {@code https://}. Required. */
    @Import(name = "oidcIssuer", required = true)
    private Output<String> oidcIssuer;

    public String namespace() {
        return namespace;
    }

    public String serviceAccountName() {
        return serviceAccountName;
    }

    public boolean createNamespace() {
        return !Boolean.FALSE.equals(createNamespace);
    }

    public Output<String> oidcProviderArn() {
        return oidcProviderArn;
    }

    public Output<String> oidcIssuer() {
        return oidcIssuer;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends TaggedArgs.Builder<WorkloadIdentityArgs, Builder> {
        private Builder() {
            super(new WorkloadIdentityArgs());
        }

        public Builder namespace(String namespace) {
            args.namespace = namespace;
            return this;
        }

        public Builder serviceAccountName(String name) {
            args.serviceAccountName = name;
            return this;
        }

        public Builder createNamespace(boolean create) {
            args.createNamespace = create;
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
    }
}
