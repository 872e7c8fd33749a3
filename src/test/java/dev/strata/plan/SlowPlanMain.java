package dev.strata.plan;

import dev.strata.core.AtomicFile;
import dev.strata.core.SlowChannel;
import dev.strata.policy.PolicyRunner;
import picocli.CommandLine;

import java.nio.file.Path;

/**
 * {@code strata plan} whose {@code --out} is written a few bytes at a time: a process a test kills
 * in the middle of writing. It prints {@code writing} on stdout once the first bytes are on disk.
 * Arguments: the project root, then the plan's arguments.
 */
public final class SlowPlanMain {
    private SlowPlanMain() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        AtomicFile.Opener slow = temporary -> new SlowChannel(AtomicFile.CREATE_NEW.open(temporary), 512, 20, () -> {
            System.out.println("writing");
            System.out.flush();
        });
        PlanCommand plan = new PlanCommand(root, System.err, System.err, PolicyRunner.forProject(root), slow);
        String[] planArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        System.exit(new CommandLine(plan).execute(planArgs));
    }
}
