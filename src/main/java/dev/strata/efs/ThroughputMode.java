package dev.strata.efs;

/** EFS throughput modes, as the EFS API spells them. */
public enum ThroughputMode {
    BURSTING("bursting"),
    PROVISIONED("provisioned"),
    ELASTIC("elastic");

    private final String apiValue;

    ThroughputMode(String apiValue) {
        this.apiValue = apiValue;
    }

    /** The value of the EFS API and of Strata config: {@code bursting}, {@code provisioned} or {@code elastic}. */
    public String apiValue() {
        return apiValue;
    }
}
