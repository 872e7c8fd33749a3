package dev.strata.plan;

import java.util.List;

/**
 * Renders a plan as a mermaid flowchart of its {@link Architecture}: a box per storage component
 * holding its tiers in the order data moves through them, the KMS keys (a dashed arrow to each store
 * a key encrypts) and the workload identities (an arrow to each store they may read, write, connect
 * to or mount). Configuration resources are left out: the table and the JSON list them.
 */
public final class PlanMermaid {
    private PlanMermaid() {
    }

    public static String render(Plan plan) {
        Architecture architecture = Architecture.of(plan);
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Architecture.Group group : architecture.groups()) {
            out.append("  subgraph ").append(group.id()).append("[\"").append(text(group.title())).append("\"]\n");
            out.append("    direction LR\n");
            group.nodes().forEach(node -> node(node, "    ", out));
            out.append("  end\n");
        }
        for (Architecture.Edge edge : architecture.edges()) {
            String arrow = edge.dashed() ? " -.->" : " -->";
            out.append("  ").append(edge.from()).append(arrow)
                    .append(edge.label().isEmpty() ? "" : "|\"" + text(edge.label()) + "\"|")
                    .append(' ').append(edge.to()).append('\n');
        }
        return out.toString();
    }

    private static void node(Architecture.Node node, String indent, StringBuilder out) {
        if (!node.parts().isEmpty()) {
            out.append(indent).append("subgraph ").append(node.id()).append("[\"").append(text(node.label())).append("\"]\n");
            out.append(indent).append("  direction LR\n");
            node.parts().forEach(part -> node(part, indent + "  ", out));
            out.append(indent).append("end\n");
            return;
        }
        List<String> brackets = switch (node.shape()) {
            case STORE -> List.of("[(\"", "\")]");
            case KEY -> List.of("{{\"", "\"}}");
            case IDENTITY -> List.of("([\"", "\"])");
        };
        out.append(indent).append(node.id()).append(brackets.get(0)).append(text(node.label())).append(brackets.get(1)).append('\n');
    }

    /** Text inside a quoted mermaid label: no double quotes, and '#' only as mermaid's own entity escape. */
    private static String text(String label) {
        return label.replace("\"", "'").replace("#", "#35;");
    }
}
