package dev.strata.provider;

import com.pulumi.resources.ComponentResource;
import dev.strata.cluster.CsiDriver;
import dev.strata.cluster.EksCluster;
import dev.strata.cluster.MountpointVolume;
import dev.strata.datalake.DataLake;
import dev.strata.datalake.Replication;
import dev.strata.datalake.SecureBucket;
import dev.strata.efs.EfsFileSystem;
import dev.strata.inference.InferenceStorage;
import dev.strata.monitoring.StorageAlarms;
import dev.strata.security.EncryptionKey;
import dev.strata.security.WorkloadIdentity;
import dev.strata.training.TrainingStorage;

import java.util.List;

/**
 * Every public Strata component, as the component package offers them to other Pulumi languages.
 * A test checks that this list holds every {@link ComponentResource} of the library.
 */
public final class Components {
    /** The components; each has a {@code TYPE} token constant and two public constructors, {@code (name, args)} and {@code (name, args, options)}. */
    public static final List<Class<? extends ComponentResource>> ALL = List.of(
            EncryptionKey.class,
            SecureBucket.class,
            DataLake.class,
            Replication.class,
            EfsFileSystem.class,
            TrainingStorage.class,
            InferenceStorage.class,
            EksCluster.class,
            CsiDriver.class,
            MountpointVolume.class,
            WorkloadIdentity.class,
            StorageAlarms.class);

    private Components() {
    }

    /** The component's type token, e.g. {@code strata:datalake:DataLake}, read from its {@code TYPE} constant. */
    public static String typeOf(Class<? extends ComponentResource> component) {
        try {
            return (String) component.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(component.getName() + " has no public TYPE constant", e);
        }
    }
}
