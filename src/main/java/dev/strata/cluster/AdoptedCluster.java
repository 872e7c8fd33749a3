package dev.strata.cluster;

import com.pulumi.aws.eks.EksFunctions;
import com.pulumi.aws.eks.inputs.GetClusterArgs;
import com.pulumi.aws.eks.outputs.GetClusterResult;
import com.pulumi.aws.iam.IamFunctions;
import com.pulumi.aws.iam.inputs.GetOpenIdConnectProviderArgs;
import com.pulumi.aws.iam.outputs.GetOpenIdConnectProviderResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ComponentResource;

/**
 * An existing cluster {@link EksCluster} adopts by name: what the stack needs of it, looked up
 * through {@code aws:eks/getCluster} and {@code aws:iam/getOpenIdConnectProvider}.
 */
record AdoptedCluster(Output<String> clusterName, Output<String> endpoint, Output<String> certificateAuthority,
                      Output<String> oidcIssuer, Output<String> oidcProviderArn) {

    /** Looks the cluster up, the invokes parented by its {@code EksCluster} component. */
    static AdoptedCluster lookUp(ComponentResource parent, String clusterName) {
        Output<GetClusterResult> found = EksFunctions.getCluster(GetClusterArgs.builder().name(clusterName).build(),
                new InvokeOutputOptions.Builder().parent(parent).build());
        Output<String> oidcIssuer = found.applyValue(c -> c.identities().get(0).oidcs().get(0).issuer());
        // The cluster's IAM OIDC provider, looked up by its issuer URL: IRSA trusts exactly it, and an
        // adopted cluster without one fails here, naming the URL, instead of at the first pod's AssumeRole
        // (https://docs.aws.amazon.com/eks/latest/userguide/enable-iam-roles-for-service-accounts.html).
        Output<String> oidcProviderArn = IamFunctions.getOpenIdConnectProvider(GetOpenIdConnectProviderArgs.builder().url(oidcIssuer).build(),
                new InvokeOutputOptions.Builder().parent(parent).build()).applyValue(GetOpenIdConnectProviderResult::arn);
        return new AdoptedCluster(found.applyValue(GetClusterResult::name), found.applyValue(GetClusterResult::endpoint),
                found.applyValue(c -> c.certificateAuthorities().get(0).data()), oidcIssuer, oidcProviderArn);
    }
}
