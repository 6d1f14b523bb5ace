package org.cfpflow.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Starts the infrastructure before the Spring context is built, or skips the class with the reason. */
class CfpInfrastructureExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestClass().map(CfpInfrastructureExtension::requestedMode).orElse(null)
                == InfrastructureMode.CONTAINERS && !Docker.available()) {
            String reason = context.getDisplayName() + " skipped: it is a Testcontainers variant and no Docker engine "
                    + "answers on this machine (a docker client alone is not enough); the embedded variant runs the "
                    + "same tests";
            System.out.println("[cfp-test] " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
        return ConditionEvaluationResult.enabled("infrastructure available");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Infrastructures.get(requestedMode(context.getRequiredTestClass()));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestInfrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Infrastructures.get(requestedMode(context.getRequiredTestClass()));
    }

    static InfrastructureMode requestedMode(Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, CfpInfrastructure.class)
                .map(CfpInfrastructure::value)
                .orElse(InfrastructureMode.CONFIGURED);
    }
}
