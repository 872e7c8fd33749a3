package dev.strata.provider;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
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
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** The component's Args, deserialized from engine inputs. */
    static Object argsFrom(Class<? extends ComponentResource> component, Map<String, PropertyValue> inputs) {
        Class<?> argsType = publicConstructor(component).getParameterTypes()[1];
        return PropertyValueSerializer.deserialize(PropertyValue.of(inputs), argsType);
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
