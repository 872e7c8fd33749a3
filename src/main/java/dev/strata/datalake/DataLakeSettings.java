package dev.strata.config;

import dev.strata.datalake.Zone;

import java.util.List;

/**
 * The data lake ({@code strata:dataLake}).
 *
 * @param zones                              the zones, each a bucket of its own
 * @param accessLogs                         whether S3 server access logs go to a log bucket
 * @param accessLogExpirationDays            days the access logs are kept
 * @param abortIncompleteMultipartUploadDays days after which incomplete multipart uploads are aborted
 */
public record DataLakeSettings(List<Zone> zones, boolean accessLogs, int accessLogExpirationDays,
                               int abortIncompleteMultipartUploadDays) {
    public DataLakeSettings {
        zones = List.copyOf(zones);
    }
}
