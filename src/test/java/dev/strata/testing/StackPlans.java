package dev.strata.testing;

import dev.strata.stack.StrataStack;
import dev.strata.stack.SettingsParser;
import dev.strata.config.StackConfig;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.RecordingMocks;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plans of the project's own stack files (dev, staging, prod), as {@code strata plan} makes them.
 * Plans are deterministic and immutable, so each stack is planned once per test run.
 */
public final class StackPlans {
    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

    private StackPlans() {
    }

    public static Plan plan(String stack) {
        return PLANS.computeIfAbsent(stack, StackPlans::planNow);
    }

    private static Plan planNow(String stack) {
        StackConfig config = StackConfig.load(StackConfig.locate(Path.of("").toAbsolutePath(), stack));
        var settings = SettingsParser.parse(config.strataValues());
        return PlanRunner.run(stack, new RecordingMocks(config.awsRegion().orElseThrow()), ctx -> StrataStack.define(ctx, settings));
    }
}
