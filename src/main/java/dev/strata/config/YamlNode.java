package dev.strata.config;

import dev.strata.core.Problems;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node of a YAML document {@link PulumiYaml} reads, with the line (1-based) it starts on; and the
 * event reader that composes the document's nodes (composing: events to nodes, with anchors and
 * aliases, without recursion).
 */
abstract class YamlNode {
    final int line;
    final Optional<String> tag;

    YamlNode(int line, Optional<String> tag) {
        this.line = line;
        this.tag = tag;
    }

    static final class Scalar extends YamlNode {
        final String value;
        final boolean plain;

        Scalar(int line, Optional<String> tag, String value, boolean plain) {
            super(line, tag);
            this.value = value;
            this.plain = plain;
        }
    }

    static final class Sequence extends YamlNode {
        final List<YamlNode> items = new ArrayList<>();

        Sequence(int line, Optional<String> tag) {
            super(line, tag);
        }
    }

    static final class Mapping extends YamlNode {
        final List<YamlNode> keys = new ArrayList<>();
        final List<YamlNode> values = new ArrayList<>();
        YamlNode pendingKey;

        Mapping(int line, Optional<String> tag) {
            super(line, tag);
        }

        void add(YamlNode node) {
            if (pendingKey == null) {
                pendingKey = node;
            } else {
                keys.add(pendingKey);
                values.add(node);
                pendingKey = null;
            }
        }
    }

    static final class Alias extends YamlNode {
        final String anchor;
        final YamlNode target;

        Alias(int line, String anchor, YamlNode target) {
            super(line, Optional.empty());
            this.anchor = anchor;
            this.target = target;
        }
    }

    /**
     * The first document's tree from snakeyaml-engine's events, with anchors and aliases, without
     * recursion; null for an empty stream, or when a problem (an alias naming no anchor, nesting deeper
     * than {@link PulumiYaml#MAX_DEPTH}) is reported.
     */
    static YamlNode compose(String text, List<String> problems, List<String> warnings) {
        LoadSettings settings = LoadSettings.builder().setCodePointLimit(PulumiYaml.MAX_CODE_POINTS + 1).build();
        Map<String, YamlNode> anchors = new HashMap<>();
        Deque<YamlNode> open = new ArrayDeque<>();
        YamlNode root = null;
        int documents = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            switch (event.getEventId()) {
                case DocumentStart -> {
                    documents++;
                    if (documents == 2) {
                        warnings.add("holds more than one YAML document (---); Pulumi reads only the first");
                    }
                }
                case Scalar, SequenceStart, MappingStart, Alias -> {
                    if (documents > 1) {
                        continue;
                    }
                    int line = line(event);
                    YamlNode node;
                    if (event instanceof AliasEvent alias) {
                        String name = alias.getAlias().getValue();
                        YamlNode target = anchors.get(name);
                        if (target == null) {
                            problems.add("line " + line + ": the alias *" + Problems.bounded(name) + " names no anchor (&" + Problems.bounded(name) + ") before it");
                            return null;
                        }
                        node = new Alias(line, name, target);
                    } else if (event instanceof ScalarEvent scalar) {
                        node = new Scalar(line, scalar.getTag(), scalar.getValue(), scalar.isPlain());
                    } else if (event.getEventId() == Event.ID.SequenceStart) {
                        node = new Sequence(line, ((CollectionStartEvent) event).getTag());
                    } else {
                        node = new Mapping(line, ((CollectionStartEvent) event).getTag());
                    }
                    if (event instanceof NodeEvent nodeEvent && !(event instanceof AliasEvent)) {
                        nodeEvent.getAnchor().ifPresent(anchor -> anchors.put(anchor.getValue(), node));
                    }
                    YamlNode parent = open.peek();
                    if (parent == null) {
                        root = node;
                    } else if (parent instanceof Sequence sequence) {
                        sequence.items.add(node);
                    } else {
                        ((Mapping) parent).add(node);
                    }
                    if (node instanceof Sequence || node instanceof Mapping) {
                        open.push(node);
                        if (open.size() > PulumiYaml.MAX_DEPTH) {
                            problems.add("line " + line + ": nests deeper than " + PulumiYaml.MAX_DEPTH + " levels");
                            return null;
                        }
                    }
                }
                case SequenceEnd, MappingEnd -> {
                    if (documents <= 1) {
                        open.pop();
                    }
                }
                default -> {
                    // stream start and end, document end, comments
                }
            }
        }
        return root;
    }

    private static int line(Event event) {
        return event.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }
}
