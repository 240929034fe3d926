package org.microcred.local.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Injects a {@link RunningStack} into test constructors, lifecycle and test methods. One stack
 * per JVM for each flavour (seeded or empty), started on first use and closed when the run ends:
 * booting takes seconds, so test classes share it and use their own ids to stay apart.
 *
 * <pre>{@code
 * @WithLocalStack(seeded = true)
 * class CatalogEndToEndTest {
 *     @Test
 *     void list_returnsPublishedDemoMicroCredentials(RunningStack stack) throws Exception {
 *         var response = stack.http().send(stack.request("/microcredentials").build(), BodyHandlers.ofString());
 *         assertThat(response.statusCode()).isEqualTo(200);
 *     }
 * }
 * }</pre>
 *
 * <p>The JVM running the tests needs {@code POWERTOOLS_METRICS_DISABLED=true} in its
 * environment (surefire {@code <environmentVariables>}); the stack refuses to start without it.
 */
public final class LocalStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        boolean seeded = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, WithLocalStack.class))
                .map(WithLocalStack::seeded)
                .orElse(false);
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(seeded ? "seeded" : "empty", key -> RunningStack.start(seeded), RunningStack.class);
    }
}
