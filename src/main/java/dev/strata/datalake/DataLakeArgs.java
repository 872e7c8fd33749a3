package dev.strata.datalake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Arguments of {@link DataLake}. */
public final class DataLakeArgs extends ResourceArgs {
    /** ARN of the customer-managed KMS key that encrypts every zone. Required. */
    @Import(name = "kmsKeyArn", required = true)
    private Output<String> kmsKeyArn;

    /** The zones. Default: raw, processed, feature and model with the playbook's lifecycle rules. */
    @Import(name = "zones")
    @Nullable
    private List<DataLakeZoneArgs> zones;

    /** Send S3 server access logs of every zone to a log bucket. Default: false. */
    @Import(name = "accessLogs")
    @Nullable
    private Boolean accessLogs;

    /** Days the access logs are kept. Default: 365. */
    @Import(name = "accessLogExpirationDays")
    @Nullable
    private Integer accessLogExpirationDays;

    /** Days after which incomplete multipart uploads are aborted. Default: 7. */
    @Import(name = "abortIncompleteMultipartUploadDays")
    @Nullable
    private Integer abortIncompleteMultipartUploadDays;

    /** Tags for every bucket, in addition to {@code component} and {@code tier}. */
    @Import(name = "tags")
    @Nullable
    private Map<String, String> tags;

    /** Protect the buckets and retain them when they leave the stack. Default: false (the Strata program sets it in prod). */
    @Import(name = "protect")
    @Nullable
    private Boolean protect;

    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    public List<DataLakeZoneArgs> zones() {
        return Optional.ofNullable(zones).orElseGet(() -> Zones.DEFAULTS.stream().map(DataLakeZoneArgs::from).toList());
    }

    public boolean accessLogs() {
        return Boolean.TRUE.equals(accessLogs);
    }

    public int accessLogExpirationDays() {
        return Optional.ofNullable(accessLogExpirationDays).orElse(365);
    }

    public int abortIncompleteMultipartUploadDays() {
        return Optional.ofNullable(abortIncompleteMultipartUploadDays).orElse(7);
    }

    public Map<String, String> tags() {
        return Optional.ofNullable(tags).orElse(Map.of());
    }

    public boolean protect() {
        return Boolean.TRUE.equals(protect);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final DataLakeArgs args = new DataLakeArgs();

        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args.kmsKeyArn = kmsKeyArn;
            return this;
        }

        public Builder zones(List<DataLakeZoneArgs> zones) {
            args.zones = List.copyOf(zones);
            return this;
        }

        public Builder accessLogs(boolean accessLogs) {
            args.accessLogs = accessLogs;
            return this;
        }

        public Builder accessLogExpirationDays(int days) {
            args.accessLogExpirationDays = days;
            return this;
        }

        public Builder abortIncompleteMultipartUploadDays(int days) {
            args.abortIncompleteMultipartUploadDays = days;
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            args.tags = Map.copyOf(tags);
            return this;
        }

        public Builder protect(boolean protect) {
            args.protect = protect;
            return this;
        }

        public DataLakeArgs build() {
            return args;
        }
    }
}
