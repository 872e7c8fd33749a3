package dev.strata.datalake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import dev.strata.core.Problems;
import dev.strata.core.StatefulArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Arguments of {@link DataLake}. */
public final class DataLakeArgs extends StatefulArgs {
    /** The access logs are kept a year unless set. */
    public static final int DEFAULT_ACCESS_LOG_EXPIRATION_DAYS = 365;

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

    /** Days the access logs are kept (1 or more). Default: {@value #DEFAULT_ACCESS_LOG_EXPIRATION_DAYS}. */
    @Import(name = "accessLogExpirationDays")
    @Nullable
    private Integer accessLogExpirationDays;

    /** Days after which incomplete multipart uploads are aborted (1 or more). Default: {@value SecureBucketArgs#DEFAULT_ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS}. */
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
        return Optional.ofNullable(accessLogExpirationDays).orElse(DEFAULT_ACCESS_LOG_EXPIRATION_DAYS);
    }

    public int abortIncompleteMultipartUploadDays() {
        return Optional.ofNullable(abortIncompleteMultipartUploadDays).orElse(SecureBucketArgs.DEFAULT_ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS);
    }

    /**
     * Checks the numbers these Args hold (the zones are checked as zones), each problem under its key as
     * {@code key} maps it: the component reports {@code accessLogExpirationDays}, the stack's settings
     * {@code strata:dataLake.accessLogExpirationDays}.
     */
    public void validate(UnaryOperator<String> key, Problems problems) {
        // An S3 lifecycle expiration's Days: a positive whole number
        // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_LifecycleExpiration.html).
        if (accessLogExpirationDays() < 1) {
            problems.add(key.apply("accessLogExpirationDays"), accessLogExpirationDays(), "must be 1 or more");
        }
        SecureBucketArgs.checkAbortIncompleteMultipartUploadDays(key.apply("abortIncompleteMultipartUploadDays"),
                abortIncompleteMultipartUploadDays(), problems);
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
