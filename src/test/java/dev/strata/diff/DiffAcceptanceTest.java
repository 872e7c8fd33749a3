package dev.strata.diff;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.strata.diff.DiffCommandTest.PROJECT;
import static dev.strata.diff.DiffCommandTest.strata;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #18's acceptance, as docs/commands.md shows it: prod planned from its stack file and again
 * from a settings change; a deployment-type change of the hot tier blocks, naming the protected
 * file system and the property; a lifecycle-days change passes, with the cost and the changed inputs.
 */
class DiffAcceptanceTest {
    @TempDir
    static Path dir;
    static Path base;

    @BeforeAll
    static void planProd() {
        base = plan(PROJECT.resolve("Pulumi.prod.yaml"), "base");
    }

    static Path plan(Path stackFile, String name) {
        Path out = dir.resolve(name + ".json");
        DiffCommandTest.Run run = strata("plan", "--stack", "prod", "--config-file", stackFile.toString(), "--format", "json", "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return out;
    }

    /** Prod's stack file with each {@code from} replaced by its {@code to}. */
    static Path prodWith(String name, String... fromTo) throws IOException {
        String text = Files.readString(PROJECT.resolve("Pulumi.prod.yaml"));
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(text).contains(fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return Files.writeString(dir.resolve("Pulumi." + name + ".yaml"), text);
    }

    @Test
    void aDeploymentTypeChangeReplacesTheProtectedHotTierAndExitsOne() throws IOException {
        // PERSISTENT_1 links to S3 through importPath (the default), not through associations, at 50-200 MB/s/TiB.
        Path stackFile = prodWith("persistent1", "deploymentType: PERSISTENT_2", "deploymentType: PERSISTENT_1",
                "perUnitStorageThroughput: 500", "perUnitStorageThroughput: 200",
                """
                      dataRepositoryAssociations:
                        - fileSystemPath: /datasets
                          dataRepositoryPath: datasets/
                        - fileSystemPath: /results
                          dataRepositoryPath: results/
                """, "");
        Path head = plan(stackFile, "persistent1");
        DiffCommandTest.Run run = DiffCommandTest.diff(base, head, "table");
        assertThat(run.exitCode()).isEqualTo(DiffCommand.BLOCKING);
        assertThat(run.stdout()).contains("Blocking (strata diff exits 1):\n  protected aws:fsx/lustreFileSystem:LustreFileSystem "
                + "prod-training-hot would be REPLACED: deploymentType PERSISTENT_2 -> PERSISTENT_1");
        assertThat(run.stderr()).contains("prod-training-hot would be REPLACED: deploymentType PERSISTENT_2 -> PERSISTENT_1");
    }

    @Test
    void aLifecycleDaysChangeExitsZeroWithTheCostAndTheChangedInputPaths() throws IOException {
        Path head = plan(prodWith("logs400", "accessLogExpirationDays: 365", "accessLogExpirationDays: 400"), "logs400");
        DiffCommandTest.Run run = DiffCommandTest.diff(base, head, "table");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(DiffCommand.NOTHING_BLOCKING);
        assertThat(run.stdout()).containsPattern("Strata diff, stack prod: 0 added, 0 removed, 3 changed; monthly cost "
                + "(\\$[\\d,.]+) -> \\1 \\(unchanged\\)\n");
        assertThat(run.stdout()).contains(
                "~ aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2 prod-access-logs-lifecycle\n"
                        + "      rules[0].expiration.days: 365 -> 400\n",
                "~ strata:datalake:DataLake prod\n      accessLogExpirationDays: 365 -> 400\n");
        assertThat(run.stdout()).doesNotContain("Blocking", "Replacements");
    }
}
