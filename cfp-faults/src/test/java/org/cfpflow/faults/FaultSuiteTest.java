package org.cfpflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The short run of the fault suite, in every build: one round of every scenario against the local run started as
 * separate processes, a few hundred proposals in all. The full run is {@code ./cfp faults}.
 */
class FaultSuiteTest {

    @Test
    void everyInvariantHoldsAfterEveryFault() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        // the invariants, not the speed, are under test here: JVMs that start on half the CPU (no C2, no class-data
        // archive to train) keep the build short; the services get ./cfp's own JVM options, as in ./cfp faults
        FaultSuite.Options shortRun = new FaultSuite.Options(1, Integer.getInteger("cfp.faults.proposals", 100), 30,
                Duration.ofSeconds(5), Duration.ofSeconds(20), Map.of(
                        "CFP_INFRA_JAVA_OPTS", "-XX:TieredStopAtLevel=1", "CFP_CDS", "0"), List.of());
        List<FaultSuite.Row> rows = FaultSuite.run(root, root.resolve("cfp-faults/target/faults-home"), shortRun,
                System.out);

        assertThat(rows).hasSize(FaultSuite.scenarios().size());
        assertThat(rows).as(() -> FaultSuite.table(rows) + rows.stream().flatMap(r -> r.verdict().problems().stream()
                .map(p -> r.scenario() + ": " + p)).toList()).allMatch(FaultSuite.Row::passed);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.verdict().proposals()).isPositive();
            assertThat(row.verdict().emailsSent()).isEqualTo(row.verdict().emailsExpected());
            assertThat(row.verdict().lost()).isZero();
        });
    }
}
