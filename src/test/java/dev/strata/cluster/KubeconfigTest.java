package dev.strata.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans are compared as text (the jar's against Maven's, the base branch's against the head's). */
class KubeconfigTest {

    @Test
    void kubeconfigTextIsTheSameInEveryJvm() {
        // Map.of iterates in an order that changes from JVM to JVM: every object here has a fixed order.
        assertThat(Kubeconfigs.kubeconfig("c", "https://e", "ca", "us-east-1")).isEqualTo(
                "{\"apiVersion\":\"v1\",\"kind\":\"Config\","
                        + "\"clusters\":[{\"name\":\"c\",\"cluster\":{\"server\":\"https://e\",\"certificate-authority-data\":\"ca\"}}],"
                        + "\"contexts\":[{\"name\":\"c\",\"context\":{\"cluster\":\"c\",\"user\":\"c\"}}],\"current-context\":\"c\","
                        + "\"users\":[{\"name\":\"c\",\"user\":{\"exec\":{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
                        + "\"command\":\"aws\",\"args\":[\"eks\",\"get-token\",\"--cluster-name\",\"c\",\"--region\",\"us-east-1\"]}}}]}");
    }
}
