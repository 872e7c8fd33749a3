package dev.strata.provider;

import com.pulumi.provider.internal.ResourceProviderService;
import io.grpc.ServerBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs Strata as a Pulumi provider plugin. The Pulumi engine starts a plugin with the engine's
 * address as its only argument (besides logging flags), which is how {@code App} tells a plugin
 * launch from a program run (no arguments) and from a command line ({@code plan ...}).
 */
public final class ProviderHost {
    private static final Pattern ADDRESS = Pattern.compile("[\\w.\\-\\[\\]]+:\\d{1,5}");

    private ProviderHost() {
    }

    /** The engine address when {@code args} are a plugin launch, as pulumi-java's ComponentProviderHost reads them. */
    public static Optional<String> engineAddress(String[] args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--logtostderr") || arg.equals("--logflow") || arg.startsWith("-v=")) {
                continue;
            }
            if (arg.equals("--tracing")) {
                i++;
                continue;
            }
            rest.add(arg);
        }
        return rest.size() == 1 && ADDRESS.matcher(rest.get(0)).matches() ? Optional.of(rest.get(0)) : Optional.empty();
    }

    /** Serves the component provider (reporting {@code version}, Strata's one version) until the engine shuts it down. */
    public static void serve(String engineAddress, String version) throws IOException, InterruptedException {
        service(engineAddress, version).startAndBlockUntilShutdown();
    }

    static Service service(String engineAddress, String version) {
        return new Service(engineAddress, version);
    }

    /** pulumi-java's provider service, its plugin info reporting {@code version} as the schema does ({@link PluginVersion}). */
    static final class Service extends ResourceProviderService {
        private final String version;

        Service(String engineAddress, String version) {
            super(engineAddress, new StrataProvider(version));
            this.version = version;
        }

        @Override
        public ServerBuilder<?> createServerBuilder() {
            return super.createServerBuilder().intercept(new PluginVersion(version));
        }
    }
}
