package dev.strata.diff;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata diff} as a command: the recorded pair of prod plans (src/test/resources/diff: the
 * hot tier's deployment type changed) renders the committed pull-request comment, and bad input
 * exits 2 naming the file.
 */
class DiffCommandTest {
    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path RECORDED = Path.of("src/test/resources/diff");

    record Run(int exitCode, String stdout, String stderr) {
    }

    static Run strata(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = App.run(args, PROJECT, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run diff(Path base, Path head, String format) {
        return strata("diff", "--base", base.toString(), "--head", head.toString(), "--format", format);
    }

    @Test
    void theRecordedPairRendersTheCommittedCommentAndExitsOne() throws IOException {
        Run run = diff(RECORDED.resolve("prod.base.json"), RECORDED.resolve("prod.head.json"), "markdown");
        assertThat(run.exitCode()).isEqualTo(DiffCommand.BLOCKING);
        // The comment's text is reviewed once, in the file; regenerate it with the command in docs/commands.md.
        assertThat(run.stdout()).isEqualTo(Files.readString(RECORDED.resolve("prod.diff.md")));
        assertThat(run.stderr()).contains("strata diff: stack prod: 1 blocking change(s):",
                "protected aws:fsx/lustreFileSystem:LustreFileSystem prod-training-hot would be REPLACED: deploymentType PERSISTENT_2 -> PERSISTENT_1");
    }

    @Test
    void theJsonFormatKeepsEveryChangeWithItsSource() {
        Run run = diff(RECORDED.resolve("prod.base.json"), RECORDED.resolve("prod.head.json"), "json");
        assertThat(run.exitCode()).isEqualTo(DiffCommand.BLOCKING);
        JsonObject document = JsonParser.parseString(run.stdout()).getAsJsonObject();
        assertThat(document.keySet()).containsExactly("stack", "blocking", "resources", "cost", "findings", "budget");
        assertThat(document.getAsJsonArray("blocking")).hasSize(1);
        JsonObject hot = null;
        for (var changed : document.getAsJsonObject("resources").getAsJsonArray("changed")) {
            if (changed.getAsJsonObject().get("type").getAsString().equals("aws:fsx/lustreFileSystem:LustreFileSystem")) {
                hot = changed.getAsJsonObject();
            }
        }
        assertThat(hot).isNotNull();
        assertThat(hot.get("protect").getAsBoolean()).isTrue();
        assertThat(hot.get("replacement").getAsString()).isEqualTo("replaces");
        JsonObject deploymentType = hot.getAsJsonArray("changes").get(0).getAsJsonObject();
        assertThat(deploymentType.get("path").getAsString()).isEqualTo("deploymentType");
        assertThat(deploymentType.get("before").getAsString()).isEqualTo("PERSISTENT_2");
        assertThat(deploymentType.get("after").getAsString()).isEqualTo("PERSISTENT_1");
        assertThat(deploymentType.get("replacement").getAsString()).isEqualTo("replaces");
        assertThat(deploymentType.get("source").getAsString()).endsWith("/internal/service/fsx/lustre_file_system.go");
        JsonObject cost = document.getAsJsonObject("cost");
        assertThat(cost.get("differenceUsd").getAsDouble()).isEqualTo(-240.0);
        assertThat(document.getAsJsonObject("budget").get("after").getAsJsonObject().get("enforcement").getAsString()).isEqualTo("mandatory");
        assertThat(run.stdout()).doesNotContain("[secret]");
    }

    @Test
    void aPlanDiffedWithItselfChangesNothing() {
        Run run = diff(RECORDED.resolve("prod.base.json"), RECORDED.resolve("prod.base.json"), "table");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(DiffCommand.NOTHING_BLOCKING);
        assertThat(run.stdout()).isEqualTo("Strata diff, stack prod: no changes; monthly cost $8,440.38\n");
    }

    @Test
    void unreadableInputExitsTwoWithOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        Path base = RECORDED.resolve("prod.base.json");
        Path missing = dir.resolve("missing.json");
        Path notJson = Files.writeString(dir.resolve("not.json"), "{\"resources\": [");
        Path notPlan = Files.writeString(dir.resolve("other.json"), "{\"name\": \"package.json\"}");
        Path badResource = Files.writeString(dir.resolve("bad.json"), "{\"stack\": \"prod\", \"resources\": [{\"type\": \"x\"}]}");
        Path devPlan = Files.writeString(dir.resolve("dev.json"), "{\"stack\": \"dev\", \"resources\": []}");
        record Case(Path base, Path head, String message) {
        }
        for (Case c : new Case[]{
                new Case(missing, base, "strata diff: --base " + missing + ": cannot be read: no such file or directory"),
                new Case(base, notJson, "strata diff: --head " + notJson + ": is not JSON: "),
                new Case(base, notPlan, "strata diff: --head " + notPlan + ": is not a strata plan --format json document (no \"resources\" list)"),
                new Case(base, badResource, "strata diff: --head " + badResource + ": is not a strata plan --format json document (a resource,"),
                new Case(base, dir, "strata diff: --head " + dir + ": cannot be read: is a directory"),
                new Case(base, devPlan, "strata diff: --base is a plan of stack prod and --head of stack dev; compare two plans of one stack")}) {
            Run run = diff(c.base(), c.head(), "table");
            assertThat(run.exitCode()).as(c.message()).isEqualTo(DiffCommand.INVALID);
            assertThat(run.stdout()).isEmpty();
            assertThat(run.stderr()).startsWith(c.message()).doesNotContain("Exception", "\tat ");
            assertThat(run.stderr().strip().lines()).hasSize(1);
        }
    }

    @Test
    void usageErrorsExitTwoAndOutNeverOverwritesAnInput(@TempDir Path dir) throws IOException {
        Path base = RECORDED.resolve("prod.base.json");
        Path copy = Files.copy(base, dir.resolve("base.json"));
        assertThat(strata("diff", "--base", copy.toString()).exitCode()).isEqualTo(DiffCommand.INVALID);
        assertThat(strata("diff", "--base", copy.toString(), "--head", copy.toString(), "--format", "html").exitCode())
                .isEqualTo(DiffCommand.INVALID);
        Run overwrite = strata("diff", "--base", copy.toString(), "--head", base.toString(), "--out", copy.toString());
        assertThat(overwrite.exitCode()).isEqualTo(DiffCommand.INVALID);
        assertThat(overwrite.stderr()).contains("--out " + copy + ": is the --base plan", "an input of this run");
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(base));
        Path out = dir.resolve("diff.md");
        Run written = strata("diff", "--base", base.toString(), "--head", base.toString(), "--format", "markdown", "--out", out.toString());
        assertThat(written.exitCode()).isZero();
        assertThat(written.stdout()).isEmpty();
        assertThat(Files.readString(out)).startsWith("#### Strata diff, stack prod: no changes");
    }
}
