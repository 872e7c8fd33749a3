package dev.strata.delivery;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the delivery workflows promise: order, a human gate before prod, OIDC only, pinned actions. */
class WorkflowsTest {
    private static final Path WORKFLOWS = Path.of(".github/workflows");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) throws IOException {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(WORKFLOWS.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> workflow, String name) {
        return (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get(name);
    }

    private static List<String> workflowFiles() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void deploysDevThenStagingThenProdEachInItsEnvironment() throws IOException {
        Map<String, Object> deploy = load("deploy.yml");
        assertThat(((Map<?, ?>) deploy.get(true)).get("push")).isEqualTo(Map.of("branches", List.of("main")));
        assertThat(job(deploy, "dev").get("needs")).isEqualTo("test");
        assertThat(job(deploy, "staging").get("needs")).isEqualTo("dev");
        assertThat(job(deploy, "prod").get("needs")).isEqualTo("staging");
        for (String stack : List.of("dev", "staging", "prod")) {
            assertThat(job(deploy, stack).get("uses")).isEqualTo("./.github/workflows/deploy-stack.yml");
            assertThat(((Map<?, ?>) job(deploy, stack).get("with")).get("stack")).isEqualTo(stack);
        }
        Map<String, Object> up = job(load("deploy-stack.yml"), "up");
        // The job runs in the GitHub environment named after the stack: prod's required reviewers gate it.
        assertThat(up.get("environment")).isEqualTo("${{ inputs.stack }}");
        assertThat(up.get("concurrency")).isEqualTo(Map.of("group", "deploy-${{ inputs.stack }}", "cancel-in-progress", false));
    }

    @Test
    void awsAccessIsOidcWithLeastPermissions() throws IOException {
        for (String file : workflowFiles()) {
            Map<String, Object> workflow = load(file);
            assertThat(workflow.get("permissions")).as(file).isEqualTo(Map.of("contents", "read"));
            String text = Files.readString(WORKFLOWS.resolve(file));
            assertThat(text).as(file).doesNotContain("aws-access-key-id", "aws-secret-access-key", "AWS_SECRET", "write-all");
        }
        Map<String, Object> preview = job(load("preview.yml"), "preview");
        assertThat(preview.get("permissions")).isEqualTo(Map.of("contents", "read", "id-token", "write"));
        assertThat(job(load("preview.yml"), "test")).doesNotContainKey("permissions");
        assertThat(job(load("preview.yml"), "diff")).doesNotContainKey("permissions");
        assertThat(job(load("comment.yml"), "comment").get("permissions"))
                .isEqualTo(Map.of("contents", "read", "actions", "read", "pull-requests", "write"));
        assertThat(job(load("deploy-stack.yml"), "up").get("permissions")).isEqualTo(Map.of("contents", "read", "id-token", "write"));
        for (String stack : List.of("dev", "staging", "prod")) {
            assertThat(job(load("deploy.yml"), stack).get("permissions")).isEqualTo(Map.of("contents", "read", "id-token", "write"));
        }
        assertThat(Files.readString(WORKFLOWS.resolve("preview.yml"))).contains("role-to-assume: ${{ vars.AWS_PREVIEW_ROLE_ARN }}");
        assertThat(Files.readString(WORKFLOWS.resolve("deploy-stack.yml"))).contains("role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}");
    }

    @Test
    void everyThirdPartyActionIsPinnedToACommit() throws IOException {
        List<String> uses = new ArrayList<>();
        for (String file : workflowFiles()) {
            Files.readAllLines(WORKFLOWS.resolve(file)).stream()
                    .map(String::trim)
                    .filter(line -> line.startsWith("uses:") || line.startsWith("- uses:"))
                    .map(line -> line.substring(line.indexOf("uses:") + 5).trim().split("\\s+")[0])
                    .forEach(uses::add);
        }
        assertThat(uses).contains("pulumi/actions@8e5e406f4007fca908480587cb9893c07090f58d");
        assertThat(uses).filteredOn(use -> !use.startsWith("./"))
                .isNotEmpty()
                .allSatisfy(use -> assertThat(use).matches(PINNED));
    }

    @Test
    void pullRequestsTestPlanAndPreviewEveryStackWithThePolicyPack() throws IOException {
        Map<String, Object> preview = load("preview.yml");
        assertThat(((Map<?, ?>) preview.get(true)).get("pull_request")).isEqualTo(Map.of("branches", List.of("main")));
        assertThat(Files.readString(WORKFLOWS.resolve("preview.yml"))).contains("run: mvn -B verify");
        String previews = Files.readString(Path.of(".github/scripts/previews.sh"));
        assertThat(previews).contains("for stack in dev staging prod", "--policy-pack policy");
        String plans = Files.readString(Path.of(".github/scripts/offline-plans.sh"));
        assertThat(plans).contains("for stack in dev staging prod", "plan --stack $2 --format json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPullRequestGetsTheOfflineDiffWithoutCredentialsAndOnlyOwnBranchesThePreview() throws IOException {
        // Forks included: a pull_request run holds no secrets and a read-only token; the comment is
        // posted by a workflow_run job that never runs the pull request's code (GitHub Security Lab,
        // https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/).
        Map<String, Object> preview = load("preview.yml");
        Map<String, Object> diff = job(preview, "diff");
        assertThat(diff.get("needs")).isEqualTo("test");
        assertThat(diff).doesNotContainKeys("if", "permissions", "env", "environment");
        String diffSteps = String.valueOf(diff.get("steps"));
        assertThat(diffSteps).contains("bash .github/scripts/offline-plans.sh", "bash .github/scripts/diffs.sh",
                "node .github/scripts/plan-comment.mjs out > out/comment.md", "actions/upload-artifact@", "strata-plan-comment",
                "bash .github/scripts/diffs.sh --check");
        assertThat(diffSteps).doesNotContain("secrets.", "vars.", "id-token", "configure-aws-credentials", "pulumi preview", "GH_TOKEN");
        assertThat(diffSteps.indexOf("actions/upload-artifact@")).isLessThan(diffSteps.indexOf("diffs.sh --check"));
        assertThat(job(preview, "preview").get("if")).isEqualTo("github.event.pull_request.head.repo.full_name == github.repository");
        for (String file : workflowFiles()) {
            assertThat(((Map<?, ?>) load(file).get(true)).containsKey("pull_request_target")).as(file).isFalse();
        }
        Map<String, Object> comment = load("comment.yml");
        assertThat(((Map<?, ?>) comment.get(true)).get("workflow_run"))
                .isEqualTo(Map.of("workflows", List.of("Preview"), "types", List.of("completed")));
        assertThat(preview.get("name")).isEqualTo("Preview");
        String commentText = Files.readString(WORKFLOWS.resolve("comment.yml"));
        assertThat(commentText).contains("run-id: ${{ github.event.workflow_run.id }}", "bash .github/scripts/post-comment.sh comment",
                "HEAD_SHA: ${{ github.event.workflow_run.head_sha }}");
        // The default branch's checkout only: no ref of the pull request, nothing of it built or run.
        assertThat(commentText).doesNotContain("ref:", "mvn ", "npm ", "bin/strata", "head_branch");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) job(comment, "comment").get("steps");
        assertThat(steps).noneSatisfy(step -> assertThat(String.valueOf(step.get("run"))).contains("comment/"));
    }

    @Test
    void everyStepReadsTheStackFileThePulumiCliReads() throws IOException {
        // One layout: Pulumi.<stack>.yaml beside Pulumi.yaml, which pulumi stack init, pulumi up and
        // pulumi/actions read without flags, and strata plan too (StackConfigTest).
        List<Path> files = new ArrayList<>(List.of(Path.of(".github/scripts/offline-plans.sh"),
                Path.of(".github/scripts/previews.sh"), Path.of(".github/scripts/diffs.sh"), Path.of(".ci/run")));
        workflowFiles().forEach(file -> files.add(WORKFLOWS.resolve(file)));
        for (Path file : files) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("--config-file", "config-file:", "stacks/");
        }
        for (String stack : List.of("dev", "staging", "prod")) {
            assertThat(Path.of("Pulumi." + stack + ".yaml")).isRegularFile();
        }
    }

    @Test
    void everyPulumiCliInstallIsPinnedToTheVersionInOneFile() throws IOException {
        int installs = 0;
        for (String file : workflowFiles()) {
            List<String> lines = Files.readAllLines(WORKFLOWS.resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("uses: pulumi/actions@")) {
                    installs++;
                    assertThat(lines.subList(i + 1, Math.min(i + 3, lines.size()))).as(file)
                            .containsExactly("        with:", "          pulumi-version-file: .pulumi.version");
                }
            }
        }
        assertThat(installs).isEqualTo(2);
        // An exact version, and one that reads Pulumi.yaml's `type: object` declarations (Pulumi 3.186,
        // https://github.com/pulumi/pulumi/pull/20132): an older CLI rejects the project file.
        String version = Files.readString(Path.of(".pulumi.version")).strip();
        assertThat(version).matches("3\\.\\d+\\.\\d+");
        assertThat(Integer.parseInt(version.split("\\.")[1])).isGreaterThanOrEqualTo(186);
    }

    @Test
    void plansAndPulumiRunTheBuiltJarNotMaven() throws IOException {
        // Each checkout is built once; every plan after that starts without Maven (bin/strata).
        String plans = Files.readString(Path.of(".github/scripts/offline-plans.sh"));
        assertThat(plans).contains("mvn -B -q package -DskipTests", "bin/strata plan --stack $2 --format json");
        String deploy = Files.readString(WORKFLOWS.resolve("deploy-stack.yml"));
        assertThat(deploy).contains("run: mvn -B -q package -DskipTests", "bin/strata \"$@\"",
                "JDK_JAVA_OPTIONS=\"$(bin/strata --jvm-options)\"").doesNotContain("exec:java");
        assertThat(deploy.indexOf("mvn -B -q package")).isLessThan(deploy.indexOf("bin/strata \"$@\"")).isLessThan(deploy.indexOf("pulumi \"$@\""));
        String previews = Files.readString(Path.of(".github/scripts/previews.sh"));
        assertThat(previews).contains("JDK_JAVA_OPTIONS=\"$(bin/strata --jvm-options)\"");
        // Pulumi.yaml runs that jar (runtime.options.binary).
        assertThat(Files.readString(Path.of("Pulumi.yaml"))).contains("binary: target/strata-app.jar");
    }
}
