package dev.strata.provider;

import com.google.gson.JsonParser;
import com.google.protobuf.Empty;
import com.pulumi.provider.internal.Provider;
import com.pulumi.provider.internal.ResourceProviderService;
import dev.strata.Version;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.ResourceProviderGrpc;

import java.lang.reflect.Constructor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The served plugin: GetPluginInfo and GetSchema report one version, Strata's. */
class PluginVersionTest {
    /** pulumi-java's own gRPC service (package-private), as {@code ResourceProviderService.start} builds it. */
    private static BindableService pulumiJavaService(StrataProvider provider) throws ReflectiveOperationException {
        Class<?> impl = Class.forName(ResourceProviderService.class.getName() + "$ResourceProviderImpl");
        Constructor<?> constructor = impl.getDeclaredConstructor(String.class, Provider.class);
        constructor.setAccessible(true);
        return (BindableService) constructor.newInstance("127.0.0.1:1", provider);
    }

    @Test
    void pluginInfoAndSchemaReportStratasVersion() throws Exception {
        String version = Version.get();
        assertThat(version).isNotEqualTo("1.0.0");
        Server server = ProviderHost.service("127.0.0.1:1", version).createServerBuilder()
                .addService(pulumiJavaService(new StrataProvider(version))).build().start();
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
        try {
            ResourceProviderGrpc.ResourceProviderBlockingStub stub = ResourceProviderGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(30, TimeUnit.SECONDS);
            assertThat(stub.getPluginInfo(Empty.getDefaultInstance()).getVersion()).isEqualTo(version);
            String schema = stub.getSchema(GetSchemaRequest.getDefaultInstance()).getSchema();
            assertThat(JsonParser.parseString(schema).getAsJsonObject().get("version").getAsString()).isEqualTo(version);
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
