package dev.strata.datalake;

import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.regex.Pattern;

/** What S3 replication and AWS allow, in one place: {@link ReplicationArgs} and {@link ReplicationSettings} check with these. */
public final class ReplicationRules {
    /**
     * An AWS Region code: two letters, one or more words, a number (us-east-2, eu-central-1,
     * us-gov-west-1; https://docs.aws.amazon.com/general/latest/gr/rande.html#regional-endpoints).
     */
    public static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    /**
     * S3 Replication Time Control's one threshold, in minutes: "Valid value: 15"
     * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ReplicationTimeValue.html); the metrics'
     * event threshold uses it too.
     */
    public static final int RTC_MINUTES = 15;
    /** A source's name: it names a bucket, a role and a rule. */
    static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");

    private ReplicationRules() {
    }

    /** Records a problem unless {@code region} is an AWS Region code. */
    public static void checkRegion(String key, @Nullable String region, Problems problems) {
        if (region == null || !REGION.matcher(region).matches()) {
            problems.add(key, region, "must be an AWS Region code such as us-east-2 (the region of the replicas)");
        }
    }
}
