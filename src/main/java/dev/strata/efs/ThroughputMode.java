package dev.strata.efs;

/**
 * EFS throughput modes, as the EFS API spells them ("Throughput modes",
 * https://docs.aws.amazon.com/efs/latest/ug/performance.html): one enum for the component, the
 * settings and the cost model. Limits of a Regional file system in General Purpose mode, per that
 * page: Elastic reads 20-60 GiBps per file system (by region); Provisioned 1-3,414 MiBps provisioned
 * (reads 3-10 GiBps); Bursting earns 50 KiB/s per GiB of Standard storage. Reads are metered at a
 * third of writes against a Bursting baseline or a Provisioned amount (EFS pricing page,
 * "Provisioned Throughput").
 */
public enum ThroughputMode {
    BURSTING("bursting"),
    PROVISIONED("provisioned"),
    ELASTIC("elastic");

    /** Baseline throughput a GiB of Standard storage earns: 50 KB/s per GB, counted here as 0.05 MB/s. */
    public static final double BASELINE_MBPS_PER_GIB = 0.05;
    /** Reads count a third against a metered (Bursting or Provisioned) throughput. */
    public static final double READ_METERING = 1.0 / 3.0;
    /** Highest throughput that can be provisioned, MiB/s: {@link EfsRules#MAX_PROVISIONED_MIBPS}. */
    public static final double MAX_PROVISIONED_MBPS = EfsRules.MAX_PROVISIONED_MIBPS;
    /** Lowest per-file-system Elastic read throughput of the regions Strata prices: 20 GiBps, in MB/s. */
    public static final double MAX_ELASTIC_READ_MBPS = 20 * 1_073.741824;

    private final String apiValue;

    ThroughputMode(String apiValue) {
        this.apiValue = apiValue;
    }

    /** The value of the EFS API and of Strata config: {@code bursting}, {@code provisioned} or {@code elastic}. */
    public String apiValue() {
        return apiValue;
    }
}
