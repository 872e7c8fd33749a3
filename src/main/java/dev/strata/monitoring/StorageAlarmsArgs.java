package dev.strata.monitoring;

import dev.strata.core.Problems;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The arguments of {@link StorageAlarms}: what to watch, when to alarm and who is told. */
public final class StorageAlarmsArgs extends StorageAlarmsArgsBase {
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
}
