package org.microcred.emulators.moto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class its own {@link MotoServer}, injectable into constructors, lifecycle
 * methods and tests (and shared with {@code @Nested} classes); JUnit closes it when the class is
 * done. moto is Python and not on every machine, so a missing {@code moto_server} skips the
 * class with a message saying so, while a {@code moto_server} that is there but does not start
 * fails the class: that is a broken machine, not a missing tool.
 *
 * <p>The JUnit configuration parameter (or system property) {@value #EXECUTABLE_PARAMETER}
 * names the executable when it is not on {@code PATH}; a name that is no executable fails.
 * moto's output goes to {@code target/moto/} when the test runs in a Maven module, otherwise to
 * a temporary directory.
 */
public final class MotoExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {
    public static final String EXECUTABLE_PARAMETER = "microcred.moto.executable";
    private static final String MISSING = MotoServer.COMMAND + " is not on PATH, so these tests are skipped"
            + " (pip install 'moto[server]==5.2.1', or set " + EXECUTABLE_PARAMETER + ")";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);

    /** Skips before anything runs, so reports show each test as skipped, with the reason. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getConfigurationParameter(EXECUTABLE_PARAMETER).isEmpty() && MotoServer.executable().isEmpty()) {
            return ConditionEvaluationResult.disabled(MISSING);
        }
        return ConditionEvaluationResult.enabled(MotoServer.COMMAND + " is available");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static MotoServer server(ExtensionContext context) {
        ExtensionContext classContext = outermostClassContext(context);
        Path executable = executable(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(MotoServer.class,
                key -> MotoServer.start(executable, logDirectory()), MotoServer.class);
    }

    private static Path executable(ExtensionContext context) {
        Optional<Path> configured = context.getConfigurationParameter(EXECUTABLE_PARAMETER).map(Path::of);
        if (configured.isPresent()) {
            // Asked for by name: a wrong name is a broken setup, not a missing tool.
            if (!Files.isExecutable(configured.get())) {
                throw new IllegalStateException(EXECUTABLE_PARAMETER + " names " + configured.get() + ", which is not an executable");
            }
            return configured.get();
        }
        Optional<Path> found = MotoServer.executable();
        if (found.isEmpty()) {
            Assumptions.abort(MISSING);
        }
        return found.get();
    }

    private static Path logDirectory() {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            return target.resolve("moto");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "microcred-moto");
    }

    private static ExtensionContext outermostClassContext(ExtensionContext context) {
        ExtensionContext outermost = null;
        for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
            if (current.getTestClass().isPresent() && current.getTestMethod().isEmpty()) {
                outermost = current;
            }
        }
        if (outermost == null) {
            throw new ParameterResolutionException("MotoServer needs a test class context");
        }
        return outermost;
    }
}
