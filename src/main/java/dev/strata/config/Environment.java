package dev.strata.config;

import java.util.Locale;

/** The deployment environment of a stack ({@code strata:environment}); it drives safe defaults. */
public enum Environment {
    DEV, STAGING, PROD;

    /** The value as written in stack config: {@code dev}, {@code staging} or {@code prod}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** In prod, stateful resources are protected and retained on delete unless config says otherwise. */
    public boolean protectsByDefault() {
        return this == PROD;
    }
}
