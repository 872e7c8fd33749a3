package dev.strata.datalake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import dev.strata.core.StatefulArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/** Arguments of {@link DataLake}. */
public final class DataLakeArgs extends StatefulArgs {
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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends StatefulArgs.Builder<DataLakeArgs, Builder> {
        private Builder() {
            super(new DataLakeArgs());
        }

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
    }
}
