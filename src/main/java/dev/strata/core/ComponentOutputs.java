package dev.strata.core;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A component's outputs as it registers them ({@code registerOutputs}): each of its {@code @Export}
 * fields, by its export name, in declaration order. The names are written once, on the fields, which are
 * also what the package schema lists. Call it once every {@code @Export} field is assigned: before, a field
 * still holds the placeholder the SDK puts there when the resource registers.
 */
public final class ComponentOutputs {
    private ComponentOutputs() {
    }

    public static Map<String, Output<?>> of(ComponentResource component) {
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        for (Class<?> type = component.getClass(); type != ComponentResource.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Export export = field.getAnnotation(Export.class);
                if (export == null) {
                    continue;
                }
                outputs.put(export.name(), (Output<?>) read(field, component));
            }
        }
        return outputs;
    }

    private static Object read(Field field, Object target) {
        try {
            field.setAccessible(true);
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
