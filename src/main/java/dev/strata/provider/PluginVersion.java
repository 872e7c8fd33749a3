package dev.strata.provider;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.ResourceProviderGrpc;

/**
 * Makes the provider plugin report Strata's version from {@code GetPluginInfo}, the version its
 * package schema carries. pulumi-java 1.36.1's {@code ResourceProviderService} answers
 * {@code GetPluginInfo} with a fixed {@code 1.0.0}, whatever the package's version; this
 * interceptor rewrites that one answer and passes every other call through unchanged.
 */
final class PluginVersion implements ServerInterceptor {
    private final String version;

    PluginVersion(String version) {
        this.version = version;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (!call.getMethodDescriptor().getFullMethodName().equals(ResourceProviderGrpc.getGetPluginInfoMethod().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            @SuppressWarnings("unchecked")
            public void sendMessage(R message) {
                super.sendMessage(message instanceof PluginInfo info ? (R) info.toBuilder().setVersion(version).build() : message);
            }
        }, headers);
    }
}
