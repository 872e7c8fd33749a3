package dev.strata.core;

import java.util.List;

/** Invalid settings: every problem found, each naming its key, the bad value and what is allowed. */
public final class InvalidConfigException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
