package dev.strata.core;

import com.google.gson.JsonParseException;

/** Gson's reason a text is not JSON, in words a one-line message can carry. */
public final class JsonErrors {
    private JsonErrors() {
    }

    /** The reason without Gson's exception class prefixes and its closing link to a troubleshooting page. */
    public static String reason(JsonParseException e) {
        return Problems.bounded(String.valueOf(e.getMessage()).replaceFirst("^([\\w.$]+(Exception|Error): )+", "")
                .replaceFirst("\\s*See https://\\S+$", ""));
    }
}
