package dev.strata.cluster;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kubeconfig of the stack's Kubernetes provider on an {@link EksCluster}: exec authentication, no stored credentials. */
final class Kubeconfigs {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Kubeconfigs() {
    }

    /**
     * A kubeconfig from the endpoint and certificate authority whose user runs
     * {@code aws eks get-token} (https://docs.aws.amazon.com/eks/latest/userguide/create-kubeconfig.html).
     */
    static String kubeconfig(String clusterName, String endpoint, String certificateAuthority, String region) {
        // Ordered maps only: the plan renders the same kubeconfig text on every run.
        Map<String, Object> cluster = ordered("server", endpoint, "certificate-authority-data", certificateAuthority);
        Map<String, Object> exec = ordered("apiVersion", "client.authentication.k8s.io/v1beta1", "command", "aws",
                "args", List.of("eks", "get-token", "--cluster-name", clusterName, "--region", region));
        Map<String, Object> config = ordered("apiVersion", "v1", "kind", "Config",
                "clusters", List.of(ordered("name", clusterName, "cluster", cluster)),
                "contexts", List.of(ordered("name", clusterName, "context", ordered("cluster", clusterName, "user", clusterName))),
                "current-context", clusterName,
                "users", List.of(ordered("name", clusterName, "user", ordered("exec", exec))));
        return GSON.toJson(config);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
