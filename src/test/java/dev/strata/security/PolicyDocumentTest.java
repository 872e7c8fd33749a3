package dev.strata.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Policy JSON is compared as text (plans, the jar's output against Maven's), so its order is fixed. */
class PolicyDocumentTest {

    @Test
    void conditionOperatorsAndKeysAreSortedWhateverTheMapOrder() {
        // Map.of iterates in an order that changes from JVM to JVM; the rendered text must not.
        PolicyStatement statement = PolicyStatement.allow("S", Map.of("AWS", "*"), List.of("kms:CreateGrant"), List.of("*"),
                Map.of("StringEquals", Map.of("kms:ViaService", "s3", "kms:CallerAccount", "1"),
                        "Bool", Map.of("kms:GrantIsForAWSResource", "true")));
        assertThat(PolicyDocument.json(List.of(statement))).isEqualTo("""
                {"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Allow","Principal":{"AWS":"*"},\
                "Action":"kms:CreateGrant","Resource":"*","Condition":{"Bool":{"kms:GrantIsForAWSResource":"true"},\
                "StringEquals":{"kms:CallerAccount":"1","kms:ViaService":"s3"}}}]}""");
    }
}
