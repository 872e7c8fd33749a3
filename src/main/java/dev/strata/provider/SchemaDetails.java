package dev.strata.provider;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import dev.strata.core.OneOf;
import dev.strata.core.OptionalOutput;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What pulumi-java 1.36.1's analyzer cannot express, added to the package schema it inferred (its
 * {@code PackageSpec} has no descriptions, enums or required outputs; the analyzer marks an output
 * required only through {@code @Import(required = true)}, which outputs do not carry):
 * <ul>
 *   <li>a description on every resource, type and property: the Javadoc of the component, the Args
 *       class or the field ({@link Descriptions});</li>
 *   <li>an enum type for every Args field marked {@link OneOf}, its values spelled as the field takes
 *       them and described by the constants' Javadoc;</li>
 *   <li>{@code required} outputs: every {@code @Export} of the component not marked {@link OptionalOutput}.</li>
 * </ul>
 * Schema: https://www.pulumi.com/docs/iac/guides/building-extending/packages/schema/ (a resource's {@code required}:
 * its always populated outputs; {@code description}s are Markdown; enum types {@code enum: [{name, value, description}]};
 * {@code plain}: the input accepts no eventual values) and its metaschema, pulumi/pulumi pkg/codegen/schema/pulumi.json.
 */
final class SchemaDetails {
    private static final String TYPES = "#/types/";

    private final Descriptions descriptions;
    private final String prefix;
    private final Map<String, JsonObject> enums = new TreeMap<>();

    private SchemaDetails(Descriptions descriptions, String packageName) {
        this.descriptions = descriptions;
        this.prefix = packageName + ":index:";
    }

    /**
     * Adds the details to {@code schema} (the JSON of the inferred package): {@code components} gives
     * each resource token's component class and {@code argsOf} its Args class.
     */
    static JsonObject of(JsonObject schema, Map<String, Class<?>> components, Map<String, Class<?>> argsOf) {
        SchemaDetails details = new SchemaDetails(Descriptions.load(), schema.get("name").getAsString());
        JsonObject resources = schema.getAsJsonObject("resources");
        for (String token : resources.keySet()) {
            JsonObject resource = resources.getAsJsonObject(token);
            Class<?> component = components.get(token);
            resource.addProperty("description", details.describe(component));
            details.properties(resource.getAsJsonObject("inputProperties"), argsOf.get(token));
            details.outputs(resource, component);
        }
        JsonObject types = schema.getAsJsonObject("types");
        Map<String, Class<?>> nested = WithoutConstants.nested(argsOf);
        for (String token : types.keySet()) {
            JsonObject type = types.getAsJsonObject(token);
            Class<?> source = nested.get(token.substring(details.prefix.length()));
            type.addProperty("description", details.describe(source));
            details.properties(type.getAsJsonObject("properties"), source);
        }
        details.enums.forEach(types::add);
        return schema;
    }

    private String describe(Class<?> type) {
        return descriptions.of(type).orElse("");
    }

    /** Describes each property by its field, and types the fields marked {@link OneOf}. */
    private void properties(JsonObject properties, Class<?> source) {
        for (String name : properties.keySet()) {
            JsonObject property = properties.getAsJsonObject(name);
            Optional<Field> field = field(source, name);
            property.addProperty("description", field.flatMap(descriptions::of).orElse(""));
            field.map(f -> f.getAnnotation(OneOf.class)).ifPresent(oneOf -> {
                JsonObject target = property.has("items") ? property.getAsJsonObject("items") : property;
                target.remove("type");
                target.addProperty("$ref", TYPES + prefix + enumType(oneOf));
            });
        }
    }

    /** Describes each output, and lists those the component always sets as required. */
    private void outputs(JsonObject resource, Class<?> component) {
        JsonArray required = new JsonArray();
        JsonObject properties = resource.getAsJsonObject("properties");
        for (String name : properties.keySet()) {
            Optional<Field> field = exported(component, name);
            properties.getAsJsonObject(name).addProperty("description", field.flatMap(descriptions::of).orElse(""));
            if (field.isPresent() && !field.get().isAnnotationPresent(OptionalOutput.class)) {
                required.add(name);
            }
        }
        resource.add("required", required);
    }

    /** The enum type {@code oneOf} names, added to the package once; its name. */
    private String enumType(OneOf oneOf) {
        Class<? extends Enum<?>> type = oneOf.value();
        String name = oneOf.schemaName().isEmpty() ? type.getSimpleName() : oneOf.schemaName();
        if (!enums.containsKey(prefix + name)) {
            JsonArray values = new JsonArray();
            for (Enum<?> constant : type.getEnumConstants()) {
                if (!oneOf.accepted().isEmpty() && !(Boolean) call(constant, oneOf.accepted())) {
                    continue;
                }
                JsonObject value = new JsonObject();
                value.addProperty("name", constant.name());
                value.addProperty("value", String.valueOf(call(constant, oneOf.spelled())));
                descriptions.of(type, constant.name()).ifPresent(doc -> value.addProperty("description", doc));
                values.add(value);
            }
            JsonObject spec = new JsonObject();
            spec.addProperty("type", "string");
            spec.addProperty("description", describe(type));
            spec.add("enum", values);
            enums.put(prefix + name, spec);
        }
        return name;
    }

    /** The value of the constant's public no-argument method {@code method}. */
    private static Object call(Enum<?> constant, String method) {
        try {
            Method accessor = constant.getDeclaringClass().getMethod(method);
            return accessor.invoke(constant);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(constant.getDeclaringClass().getName() + " has no public method " + method + "()", e);
        }
    }

    /** The instance field of {@code type} (or a superclass) the analyzer named {@code name}. */
    static Optional<Field> field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Import annotation = field.getAnnotation(Import.class);
                String schemaName = annotation != null && !annotation.name().isEmpty() ? annotation.name() : field.getName();
                if (!Modifier.isStatic(field.getModifiers()) && schemaName.equals(name)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    /** The component's {@code @Export} field the analyzer named {@code name}. */
    static Optional<Field> exported(Class<?> component, String name) {
        for (Field field : component.getDeclaredFields()) {
            Export export = field.getAnnotation(Export.class);
            if (export != null && (export.name().isEmpty() ? field.getName() : export.name()).equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
