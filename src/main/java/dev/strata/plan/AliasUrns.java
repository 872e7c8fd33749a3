package dev.strata.plan;

import pulumirpc.AliasOuterClass.Alias;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The earlier URNs the Pulumi engine matches a resource by, resolved from the alias specs the SDK
 * sends as the engine's step generator does (pulumi/pulumi {@code pkg/resource/deploy/step_generator.go},
 * {@code collapseAliasToUrn}, {@code inheritedChildAlias}, {@code generateAliases}: an unset name,
 * type or parent means the resource's own; a child of an aliased parent inherits the parent's
 * alias, with the parent's old name substituted at the front of its own name;
 * https://github.com/pulumi/pulumi/blob/master/pkg/resource/deploy/step_generator.go). URNs are in
 * the engine's form ({@code urn:pulumi:<stack>::<project>::<qualified type>::<name>}, no root-stack
 * type in a child's qualified type).
 */
final class AliasUrns {
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private AliasUrns() {
    }

    /**
     * The aliases of a resource of {@code type} and {@code name} whose parent has the URN {@code parent}
     * (null or the stack's for a top-level resource) and the already resolved {@code parentAliases}.
     * {@code engineUrn} turns a URN the SDK sent into the engine's form.
     */
    static List<String> resolve(String stack, String project, String type, String name, @Nullable String parent,
                                List<String> parentAliases, List<Alias> specs, java.util.function.UnaryOperator<String> engineUrn) {
        Set<String> urns = new LinkedHashSet<>();
        List<String> own = new ArrayList<>();
        for (Alias alias : specs) {
            if (alias.hasUrn()) {
                own.add(engineUrn.apply(alias.getUrn()));
                continue;
            }
            Alias.Spec spec = alias.getSpec();
            String aliasParent = switch (spec.getParentCase()) {
                case PARENTURN -> spec.getParentUrn().isEmpty() ? parent : engineUrn.apply(spec.getParentUrn());
                case NOPARENT -> null;
                default -> parent;
            };
            own.add(create(spec.getStack().isEmpty() ? stack : spec.getStack(), spec.getProject().isEmpty() ? project : spec.getProject(),
                    aliasParent, spec.getType().isEmpty() ? type : spec.getType(), spec.getName().isEmpty() ? name : spec.getName()));
        }
        urns.addAll(own);
        if (parent != null) {
            String parentName = name(parent);
            for (String parentAlias : parentAliases) {
                urns.add(inherited(stack, project, type, name, parentName, parentAlias));
                for (String alias : own) {
                    urns.add(inherited(stack, project, type(alias), name(alias), parentName, parentAlias));
                }
            }
        }
        return List.copyOf(urns);
    }

    /** The URN of a resource: its parent's qualified type, then its own type, then its name. */
    static String create(String stack, String project, @Nullable String parent, String type, String name) {
        String prefix = parent == null || qualifiedType(parent).equals(STACK_TYPE) ? "" : qualifiedType(parent) + "$";
        return "urn:pulumi:" + stack + "::" + project + "::" + prefix + type + "::" + name;
    }

    private static String inherited(String stack, String project, String childType, String childName, String parentName,
                                    String parentAlias) {
        String aliasName = childName.startsWith(parentName) ? name(parentAlias) + childName.substring(parentName.length()) : childName;
        return "urn:pulumi:" + stack + "::" + project + "::" + qualifiedType(parentAlias) + "$" + childType + "::" + aliasName;
    }

    static String qualifiedType(String urn) {
        return urn.split("::", 4)[2];
    }

    /** The last component of a qualified type. */
    static String type(String urn) {
        String qualified = qualifiedType(urn);
        return qualified.substring(qualified.lastIndexOf('$') + 1);
    }

    static String name(String urn) {
        return urn.split("::", 4)[3];
    }
}
