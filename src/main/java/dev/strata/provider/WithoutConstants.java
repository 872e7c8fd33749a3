package dev.strata.provider;

import com.google.gson.Gson;
import com.pulumi.provider.internal.schema.ComplexTypeSpec;
import com.pulumi.provider.internal.schema.PackageSpec;
import com.pulumi.provider.internal.schema.PropertySpec;
import com.pulumi.provider.internal.schema.ResourceSpec;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The package schema without the Args' constants. pulumi-java 1.36.1's ComponentAnalyzer takes every
 * declared field of an Args class as a property, static ones included (its {@code getAllFields} reads
 * {@code Class.getDeclaredFields}), so a documented default such as {@code TrainingStorageArgs.DEFAULT_NAMESPACE}
 * would become an input of the component, and a type reached only through a constant (an enum of a
 * default) a type of the package. The Args own their defaults as constants (one owner per fact); the
 * schema keeps the inputs only.
 */
final class WithoutConstants {
    private static final Gson GSON = new Gson();
    private static final String TYPES = "#/types/";

    private WithoutConstants() {
    }

    /**
     * {@code spec} with no property named after a static field of the class it was inferred from:
     * {@code argsOf} gives each resource token's Args class; nested types are found from the Args'
     * instance fields. Types no longer referenced are dropped.
     */
    static PackageSpec of(PackageSpec spec, Map<String, Class<?>> argsOf) {
        String prefix = spec.getName() + ":index:";
        Map<String, Class<?>> nested = nested(argsOf);
        Map<String, ResourceSpec> resources = new LinkedHashMap<>();
        spec.getResources().forEach((token, resource) -> {
            Set<String> constants = constants(argsOf.get(token));
            resources.put(token, new ResourceSpec(without(resource.getInputProperties(), constants),
                    withoutNames(resource.getRequiredInputs(), constants), resource.getProperties(), resource.getRequired()));
        });
        Map<String, ComplexTypeSpec> types = new LinkedHashMap<>();
        spec.getTypes().forEach((token, type) -> {
            Class<?> source = nested.get(token.substring(prefix.length()));
            boolean object = "object".equals(type.getType()) && source != null && !source.isEnum();
            types.put(token, object ? ComplexTypeSpec.ofObject(without(type.getProperties(), constants(source)),
                    withoutNames(type.getRequired(), constants(source))) : type);
        });
        // Keep the types the resources reach (an enum only a constant used, and its array, are not).
        Set<String> reached = new HashSet<>();
        java.util.Deque<String> next = new java.util.ArrayDeque<>(references(GSON.toJson(resources), types.keySet()));
        while (!next.isEmpty()) {
            String token = next.pop();
            if (reached.add(token)) {
                next.addAll(references(GSON.toJson(types.get(token)), types.keySet()));
            }
        }
        types.keySet().retainAll(reached);
        return spec.setResources(resources).setTypes(types);
    }

    /** The classes the Args reach through their instance fields, by the type name the analyzer gives them (simple name, no "Args"). */
    static Map<String, Class<?>> nested(Map<String, Class<?>> argsOf) {
        Map<String, Class<?>> nested = new HashMap<>();
        argsOf.values().forEach(args -> reach(args, nested, new HashSet<>()));
        return nested;
    }

    /** The type tokens {@code json} refers to. */
    private static Set<String> references(String json, Set<String> tokens) {
        Set<String> found = new HashSet<>();
        tokens.stream().filter(token -> json.contains(TYPES + token + "\"")).forEach(found::add);
        return found;
    }

    /** The names of the static fields of {@code type} and its superclasses. */
    static Set<String> constants(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }

    /** Every class an Args reaches through its instance fields, by its simple name and without "Args". */
    private static void reach(Class<?> type, Map<String, Class<?>> found, Set<Class<?>> seen) {
        if (type == null || !seen.add(type) || !type.getName().startsWith("dev.strata.")) {
            return;
        }
        found.put(type.getSimpleName(), type);
        found.put(type.getSimpleName().replaceFirst("Args$", ""), type);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    classes(field.getGenericType(), t -> {
                        reach(t, found, seen);
                        return null;
                    });
                }
            }
        }
    }

    private static void classes(Type type, Function<Class<?>, Void> each) {
        if (type instanceof Class<?> c) {
            each.apply(c);
        } else if (type instanceof ParameterizedType p) {
            classes(p.getRawType(), each);
            for (Type argument : p.getActualTypeArguments()) {
                classes(argument, each);
            }
        }
    }

    private static Map<String, PropertySpec> without(Map<String, PropertySpec> properties, Set<String> names) {
        Map<String, PropertySpec> kept = new LinkedHashMap<>();
        if (properties != null) {
            properties.forEach((name, property) -> {
                if (!names.contains(name)) {
                    kept.put(name, property);
                }
            });
        }
        return kept;
    }

    private static Set<String> withoutNames(Set<String> required, Set<String> names) {
        Set<String> kept = new java.util.LinkedHashSet<>();
        if (required != null) {
            required.stream().filter(name -> !names.contains(name)).forEach(kept::add);
        }
        return kept;
    }
}
