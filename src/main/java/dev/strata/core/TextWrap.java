package dev.strata.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps text for a terminal: lines of at most a given width, broken after a space (so after
 * {@code ", "} in a list), a word longer than the width split where it must. Renderings that must fit
 * a terminal (the plan table) use it; JSON keeps every value whole.
 */
public final class TextWrap {
    /** The terminal width the tables fit: 160 columns. */
    public static final int TERMINAL_WIDTH = 160;

    private TextWrap() {
    }

    /** {@code text} in lines of at most {@code width} characters (at least one line, possibly empty). */
    public static List<String> lines(String text, int width) {
        return lines(text, width, width);
    }

    /** As {@link #lines(String, int)}, the first line at most {@code firstWidth} characters. */
    public static List<String> lines(String text, int firstWidth, int width) {
        if (firstWidth < 1 || width < 1) {
            throw new IllegalArgumentException("widths must be at least 1, were " + firstWidth + " and " + width);
        }
        List<String> lines = new ArrayList<>();
        String rest = text;
        int limit = firstWidth;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf(' ', limit);
            if (cut <= 0) {
                lines.add(rest.substring(0, limit));
                rest = rest.substring(limit);
            } else {
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1);
            }
            limit = width;
        }
        lines.add(rest);
        return lines;
    }

    /**
     * {@code first} followed by {@code text} wrapped to {@code width}: the first line starts with
     * {@code first}, the others with {@code indent} spaces; every line ends with a newline.
     */
    public static String hanging(String first, String text, int indent, int width) {
        StringBuilder out = new StringBuilder();
        List<String> lines = lines(text, Math.max(1, width - first.length()), Math.max(1, width - indent));
        out.append(first).append(lines.get(0)).append('\n');
        lines.subList(1, lines.size()).forEach(line -> out.append(" ".repeat(indent)).append(line).append('\n'));
        return out.toString();
    }
}
