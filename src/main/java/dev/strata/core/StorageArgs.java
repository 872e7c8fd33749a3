package dev.strata.core;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

import javax.annotation.Nullable;

/**
 * The Args of a storage component (an EFS file system, training storage, inference storage): besides
 * {@code tags} and {@code protect}, the customer-managed key its data is encrypted with and the network it
 * is placed in, declared once. Each component says in its own documentation which services the key must
 * admit and what it places in which subnet.
 */
public abstract class StorageArgs extends StatefulArgs {
    /** ARN of the customer-managed KMS key that encrypts the component's storage at rest. Required. */
    @Import(name = "kmsKeyArn", required = true)
    private Output<String> kmsKeyArn;

    /** The network of the component's file systems and caches: VPC, private subnets, admitted clients ({@link NetworkArgs}). Required. */
    @Import(name = "network", required = true)
    private NetworkArgs network;

    protected StorageArgs() {
    }

    @Nullable
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    @Nullable
    public NetworkArgs network() {
        return network;
    }

    /** The builder of a {@link StorageArgs}: {@code kmsKeyArn(...)}, {@code network(...)}, {@code tags(...)}, {@code protect(...)}. */
    public abstract static class Builder<A extends StorageArgs, B extends Builder<A, B>> extends StatefulArgs.Builder<A, B> {
        protected Builder(A args) {
            super(args);
        }

        public B kmsKeyArn(Output<String> kmsKeyArn) {
            ((StorageArgs) args).kmsKeyArn = kmsKeyArn;
            return self();
        }

        public B network(NetworkArgs network) {
            ((StorageArgs) args).network = network;
            return self();
        }
    }
}
