package dev.strata.efs;

/** EFS performance modes, as the EFS API spells them. */
public enum PerformanceMode {
    GENERAL_PURPOSE("generalPurpose"),
    MAX_IO("maxIO");

    private final String apiValue;

    PerformanceMode(String apiValue) {
        this.apiValue = apiValue;
    }

    /** The value of the EFS API and of Strata config: {@code generalPurpose} or {@code maxIO}. */
    public String apiValue() {
        return apiValue;
    }
}
