package dev.strata.monitoring;

import com.pulumi.core.annotations.Import;
import dev.strata.core.Problems;
import dev.strata.core.StatefulArgs;

import javax.annotation.Nullable;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The arguments of {@link StorageAlarms}: what to watch, when to alarm and who is told. */
public final class StorageAlarmsArgs extends StatefulArgs {
    /** The resources to watch, as the components register them, in dashboard order. Default: none (a topic and an empty dashboard). */
    @Import(name = "resources")
    @Nullable
    private List<MonitoredResourceArgs> resources;

    /** When the alarms fire. Default: every threshold's default ({@link AlarmThresholdsArgs}). */
    @Import(name = "thresholds")
    @Nullable
    private AlarmThresholdsArgs thresholds;

    /** E-mail addresses subscribed to the alarm topic (each confirms by mail before SNS delivers). Default: none. */
    @Import(name = "emailEndpoints")
    @Nullable
    private List<String> emailEndpoints;

    /** HTTPS endpoints subscribed to the alarm topic (no credentials in the URL). Default: none. */
    @Import(name = "httpsEndpoints")
    @Nullable
    private List<String> httpsEndpoints;

    public List<MonitoredResourceArgs> resources() {
        return Optional.ofNullable(resources).orElse(List.of());
    }

    public AlarmThresholdsArgs thresholds() {
        return Optional.ofNullable(thresholds).orElse(AlarmThresholdsArgs.defaults());
    }

    public List<String> emailEndpoints() {
        return Optional.ofNullable(emailEndpoints).orElse(List.of());
    }

    public List<String> httpsEndpoints() {
        return Optional.ofNullable(httpsEndpoints).orElse(List.of());
    }

    /** Every problem of the arguments, under keys made by {@code key} (e.g. {@code email[0]}). */
    public void validate(UnaryOperator<String> key, Problems problems) {
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < resources().size(); i++) {
            MonitoredResourceArgs resource = resources().get(i);
            String prefix = "resources[" + i + "].";
            resource.validate(field -> key.apply(prefix + field), problems);
            if (resource.label() != null && !labels.add(resource.label())) {
                problems.add(key.apply(prefix + "label"), resource.label(), "labels must be unique: they name the alarms");
            }
        }
        thresholds().validate(field -> key.apply("thresholds." + field), problems);
        Subscriptions.checkEmails(emailEndpoints(), i -> key.apply("emailEndpoints[" + i + "]"), problems);
        Subscriptions.checkHttpsEndpoints(httpsEndpoints(), i -> key.apply("httpsEndpoints[" + i + "]"), problems);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends StatefulArgs.Builder<StorageAlarmsArgs, Builder> {
        private Builder() {
            super(new StorageAlarmsArgs());
        }

        public Builder resources(List<MonitoredResourceArgs> resources) {
            args.resources = List.copyOf(resources);
            return this;
        }

        public Builder thresholds(AlarmThresholdsArgs thresholds) {
            args.thresholds = thresholds;
            return this;
        }

        public Builder emailEndpoints(List<String> emails) {
            args.emailEndpoints = List.copyOf(emails);
            return this;
        }

        public Builder httpsEndpoints(List<String> urls) {
            args.httpsEndpoints = List.copyOf(urls);
            return this;
        }

    }
}
