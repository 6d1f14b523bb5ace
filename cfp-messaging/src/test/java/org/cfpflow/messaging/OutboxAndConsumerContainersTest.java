package org.cfpflow.messaging;

import org.cfpflow.testsupport.CfpInfrastructure;
import org.cfpflow.testsupport.InfrastructureMode;

/** The same tests on Testcontainers (real Kafka, MongoDB, Mailpit images); skipped with the reason without Docker. */
@CfpInfrastructure(InfrastructureMode.CONTAINERS)
class OutboxAndConsumerContainersTest extends OutboxAndConsumerTest {
}
