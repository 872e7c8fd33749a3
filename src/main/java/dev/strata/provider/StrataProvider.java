package dev.strata.provider;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.Provider;
import com.pulumi.provider.internal.infer.ComponentAnalyzer;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.provider.internal.models.GetSchemaResponse;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValueSerializer;
import com.pulumi.provider.internal.schema.PackageSpec;
import com.pulumi.provider.internal.schema.ResourceSpec;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Strata as a Pulumi component package: other Pulumi languages construct Strata's components
 * through this provider.
 *
 * <p>It is pulumi-java's {@code ComponentProviderHost} machinery (schema inference by
 * {@link ComponentAnalyzer}, inputs deserialized into the component's Args, state read from its
 * {@code @Export} outputs) with two differences: components live in packages by domain rather
 * than in one package, and each keeps its own type token ({@code strata:datalake:DataLake})
 * instead of {@code strata:index:DataLake}, so that a component has the same token whether a Java
 * program or another language creates it.
 */
public final class StrataProvider implements Provider {
    public static final String PACKAGE = "strata";

    private final Metadata metadata;
    private final Map<String, Class<? extends ComponentResource>> byType = new LinkedHashMap<>();

    public StrataProvider(String version) {
        this.metadata = new Metadata(PACKAGE, version, "Strata");
        Components.ALL.forEach(component -> byType.put(Components.typeOf(component), component));
    }

    /**
     * The package schema: inferred from the components' Args and outputs, under their own type tokens,
     * with the descriptions, enum types and required outputs the analyzer cannot express ({@link SchemaDetails}).
     */
    public JsonObject schema() {
        PackageSpec spec = ComponentAnalyzer.generateSchema(metadata, Components.ALL.toArray(new Class<?>[0]));
        Map<String, ResourceSpec> resources = new LinkedHashMap<>();
        Map<String, Class<?>> argsOf = new LinkedHashMap<>();
        for (Class<? extends ComponentResource> component : Components.ALL) {
            ResourceSpec resource = spec.getResources().get(PACKAGE + ":index:" + component.getSimpleName());
            if (resource == null) {
                throw new IllegalStateException("the analyzer found no schema for " + component.getName());
            }
            resources.put(Components.typeOf(component), resource);
            argsOf.put(Components.typeOf(component), publicConstructor(component).getParameterTypes()[1]);
        }
        JsonObject json = new Gson().toJsonTree(WithoutConstants.of(spec.setResources(resources), argsOf)).getAsJsonObject();
        return SchemaDetails.of(json, new LinkedHashMap<String, Class<?>>(byType), argsOf);
    }

    @Override
    public CompletableFuture<GetSchemaResponse> getSchema(GetSchemaRequest request) {
        return CompletableFuture.completedFuture(new GetSchemaResponse(new GsonBuilder().setPrettyPrinting().create().toJson(schema())));
    }

    @Override
    public CompletableFuture<ConstructResponse> construct(ConstructRequest request) {
        Class<? extends ComponentResource> component = byType.get(request.getType());
        if (component == null) {
            throw new IllegalArgumentException("Strata has no component " + request.getType() + "; it offers " + byType.keySet());
        }
        ComponentResource resource = instantiate(component, request.getName(), request.getInputs(), request.getOptions());
        Map<String, PropertyValue> state = PropertyValueSerializer.stateFromComponentResource(resource);
        return Internal.of(resource.urn()).getValueNullable()
                .thenApply(urn -> new ConstructResponse(urn, state, new HashMap<String, Set<String>>()));
    }

    /** Deserializes the inputs into the component's Args and calls its public constructor. */
    static ComponentResource instantiate(Class<? extends ComponentResource> component, String name,
                                         Map<String, PropertyValue> inputs, ComponentResourceOptions options) {
        Constructor<?> constructor = publicConstructor(component);
        Object args = argsFrom(component, inputs);
        try {
            return (ComponentResource) constructor.newInstance(name, args, options);
        } catch (InvocationTargetException e) {
            // Invalid arguments: surface the component's own message, which names every problem.
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + component.getName(), e);
        }
    }

    /**
     * The component's Args, deserialized from engine inputs, nested Args (a network, a node group, a
     * zone's lifecycle rules) included. pulumi-java 1.36.1's deserializer sets only the fields an Args
     * class itself declares ({@code Class.getDeclaredFields}), while the schema's analyzer and
     * {@code ResourceArgs} read inherited ones too, and it refuses any {@code Map<String, String>} below
     * the top level (it deserializes a map against its raw class: "Unsupported type for deserialization:
     * STRING to java.lang.Object"). So the Args objects and maps are walked here, every {@code @Import}
     * field of each class and its superclasses ({@code tags}, {@code protect}, a storage component's
     * {@code kmsKeyArn} and {@code network}: the {@code dev.strata.core} Args bases), required ones
     * checked as the SDK checks its own; each other value is the SDK's to deserialize.
     */
    static Object argsFrom(Class<? extends ComponentResource> component, Map<String, PropertyValue> inputs) {
        return argsOf(publicConstructor(component).getParameterTypes()[1], inputs);
    }

    private static Object argsOf(Class<?> argsType, Map<String, PropertyValue> inputs) {
        Object args = instantiate(argsType);
        for (Class<?> type = argsType; type != ResourceArgs.class && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Import input = field.getAnnotation(Import.class);
                PropertyValue value = input == null ? null : inputs.get(input.name());
                if (value != null && !value.isNull()) {
                    set(field, args, valueOf(value, field.getGenericType()));
                } else if (input != null && input.required()) {
                    // The SDK's words for a missing required input it declares itself.
                    throw new IllegalArgumentException("Missing required field " + input.name() + " in type " + argsType.getName());
                }
            }
        }
        return args;
    }

    /** {@code value} as {@code type}: Args and maps walked here, lists element by element, the rest by the SDK. */
    private static Object valueOf(PropertyValue value, Type type) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        if (value.getType() == PropertyValue.ValueType.OBJECT && ResourceArgs.class.isAssignableFrom(raw)) {
            return argsOf(raw, value.getObjectValue());
        }
        if (value.getType() == PropertyValue.ValueType.OBJECT && raw == Map.class && type instanceof ParameterizedType map) {
            Map<String, Object> values = new LinkedHashMap<>();
            value.getObjectValue().forEach((key, entry) -> values.put(key, valueOf(entry, map.getActualTypeArguments()[1])));
            return values;
        }
        if (value.getType() == PropertyValue.ValueType.ARRAY && raw == List.class && type instanceof ParameterizedType list) {
            return value.getArrayValue().stream().map(element -> valueOf(element, list.getActualTypeArguments()[0])).toList();
        }
        try {
            return DESERIALIZE_VALUE.invoke(null, value, type, new String[]{"$"});
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object instantiate(Class<?> argsType) {
        try {
            Constructor<?> constructor = argsType.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(argsType.getName() + " has no constructor without parameters", e);
        }
    }

    /**
     * The SDK's own deserializer of one value against a generic type ({@code Output<String>} keeps its
     * {@code String}); pulumi-java 1.36.1 exposes only {@code deserialize(value, Class)}, which drops the type
     * arguments. Pinned with the SDK's version; the component package tests fail if it moves.
     */
    private static final Method DESERIALIZE_VALUE = deserializeValue();

    private static Method deserializeValue() {
        try {
            Method method = PropertyValueSerializer.class.getDeclaredMethod("deserializeValue", PropertyValue.class, Type.class, String[].class);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("pulumi-java's PropertyValueSerializer has no deserializeValue(PropertyValue, Type, String[])", e);
        }
    }

    private static void set(Field field, Object target, Object value) {
        try {
            field.setAccessible(true);
            field.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + field, e);
        }
    }

    private static Constructor<?> publicConstructor(Class<? extends ComponentResource> component) {
        for (Constructor<?> constructor : component.getConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 3 && parameters[0] == String.class && ResourceArgs.class.isAssignableFrom(parameters[1])
                    && parameters[2] == ComponentResourceOptions.class) {
                return constructor;
            }
        }
        throw new IllegalStateException(component.getName() + " has no public (String, Args, ComponentResourceOptions) constructor");
    }
}
