package dev.strata.provider;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import dev.strata.core.OptionalOutput;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a component's {@code @OptionalOutput} markers against what it sets: the schema's required outputs are its other outputs. */
public final class RequiredOutputs {
    private RequiredOutputs() {
    }

    /** Exports each of the component's outputs under its schema name. */
    public static void export(Context ctx, ComponentResource component) {
        for (Field field : component.getClass().getDeclaredFields()) {
            Export export = field.getAnnotation(Export.class);
            if (export != null) {
                try {
                    ctx.export(export.name(), (Output<?>) field.get(component));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /**
     * Every output of {@code type} not marked {@link OptionalOutput} has a value among the plan's
     * {@code outputs}; the optional ones named in {@code unset} have none (the tier that sets them is off).
     */
    public static void check(Class<? extends ComponentResource> type, Map<String, Object> outputs, List<String> unset) {
        List<String> required = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            Export export = field.getAnnotation(Export.class);
            if (export != null && !field.isAnnotationPresent(OptionalOutput.class)) {
                required.add(export.name());
            }
        }
        assertThat(required).isNotEmpty().doesNotContainAnyElementsOf(unset);
        required.forEach(name -> assertThat(outputs.get(name)).as(type.getSimpleName() + "." + name).isNotNull());
        unset.forEach(name -> assertThat(outputs.get(name)).as(type.getSimpleName() + "." + name).isNull());
    }
}
