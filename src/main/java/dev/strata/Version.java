package dev.strata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Strata's version: the Maven project version, written into {@code dev/strata/version.properties}
 * when the resources are built. {@code strata --version}, the component provider plugin and the
 * jars' manifests ({@code Implementation-Version}) all carry this one.
 */
public final class Version {
    private static final String RESOURCE = "version.properties";

    private Version() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("dev/strata/" + RESOURCE + " is missing from the class path: build with mvn");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException("dev/strata/" + RESOURCE + " was not filtered by Maven: " + version);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
