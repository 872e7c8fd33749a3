package dev.strata.core;

import dev.strata.config.NetworkSettings;
import dev.strata.stack.SettingsParser;
import dev.strata.stack.StrataSettings;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.strata.testing.Fixtures.NODE_SECURITY_GROUP_ID;
import static dev.strata.testing.Fixtures.VPC_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code strata:network} and the network rules behind it. */
class NetworkSettingsTest {
    private static Map<String, Object> network() {
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("vpcId", VPC_ID);
        network.put("privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e"));
        network.put("nodeSecurityGroupId", NODE_SECURITY_GROUP_ID);
        network.put("allowedCidrs", List.of("10.10.0.0/16"));
        return network;
    }

    private static StrataSettings parse(Map<String, Object> network) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("environment", "dev");
        values.put("network", network);
        return SettingsParser.parse(values);
    }

    private static void rejects(Map<String, Object> network, String... fragments) {
        assertThatThrownBy(() -> parse(network)).isInstanceOf(InvalidConfigException.class).hasMessageContainingAll(fragments);
    }

    @Test
    void parsesEveryKey() {
        NetworkSettings settings = parse(network()).network().orElseThrow();
        assertThat(settings.vpcId()).isEqualTo(VPC_ID);
        assertThat(settings.privateSubnetIds()).containsExactly("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e");
        assertThat(settings.nodeSecurityGroupId()).contains(NODE_SECURITY_GROUP_ID);
        assertThat(settings.allowedCidrs()).containsExactly("10.10.0.0/16");
    }

    @Test
    void isAbsentWhenUnset() {
        assertThat(SettingsParser.parse(Map.of("environment", "dev")).network()).isEmpty();
    }

    @Test
    void vpcIdIsRequiredAndWellFormed() {
        Map<String, Object> missing = network();
        missing.remove("vpcId");
        rejects(missing, "strata:network.vpcId: is required");
        Map<String, Object> bad = network();
        bad.put("vpcId", "vpc-xyz");
        rejects(bad, "strata:network.vpcId = \"vpc-xyz\"");
    }

    @Test
    void subnetListMustNotBeEmptyNorHoldBadOrRepeatedIds() {
        Map<String, Object> empty = network();
        empty.put("privateSubnetIds", List.of());
        rejects(empty, "strata:network.privateSubnetIds: must list at least one private subnet id");
        Map<String, Object> unset = network();
        unset.remove("privateSubnetIds");
        rejects(unset, "strata:network.privateSubnetIds: must list at least one");
        Map<String, Object> bad = network();
        bad.put("privateSubnetIds", List.of("subnet-0b2c3d4e", "subnet-0b2c3d4e", "sn-1"));
        rejects(bad, "strata:network.privateSubnetIds[1] = \"subnet-0b2c3d4e\": is listed twice",
                "strata:network.privateSubnetIds[2] = \"sn-1\"");
    }

    @Test
    void clientsAreTheNodeGroupOrCidrsButNeverTheInternet() {
        Map<String, Object> groupOnly = network();
        groupOnly.remove("allowedCidrs");
        assertThat(parse(groupOnly).network().orElseThrow().allowedCidrs()).isEmpty();
        Map<String, Object> cidrsOnly = network();
        cidrsOnly.remove("nodeSecurityGroupId");
        assertThat(parse(cidrsOnly).network().orElseThrow().nodeSecurityGroupId()).isEqualTo(Optional.empty());

        Map<String, Object> neither = network();
        neither.remove("allowedCidrs");
        neither.remove("nodeSecurityGroupId");
        rejects(neither, "strata:network.nodeSecurityGroupId = (not set) and strata:network.allowedCidrs = []");

        Map<String, Object> open = network();
        open.put("allowedCidrs", List.of("0.0.0.0/0"));
        rejects(open, "strata:network.allowedCidrs[0] = \"0.0.0.0/0\": admits the whole internet");
        Map<String, Object> malformed = network();
        malformed.put("allowedCidrs", List.of("10.0.0.1/16", "300.0.0.0/8", "10.0.0.0"));
        rejects(malformed, "allowedCidrs[0] = \"10.0.0.1/16\": has host bits set", "allowedCidrs[1] = \"300.0.0.0/8\"",
                "allowedCidrs[2] = \"10.0.0.0\"");
        Map<String, Object> badGroup = network();
        badGroup.put("nodeSecurityGroupId", "sg-1");
        rejects(badGroup, "strata:network.nodeSecurityGroupId = \"sg-1\"");
    }

    @Test
    void unknownKeysAreReported() {
        Map<String, Object> typo = network();
        typo.put("privateSubnets", List.of("subnet-0b2c3d4e"));
        rejects(typo, "strata:network.privateSubnets", "did you mean strata:network.privateSubnetIds?");
    }
}
