package org.microcred.emulators.junit;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.microcred.emulators.LocalEmulators;
import org.microcred.emulators.SamTemplate;
import org.microcred.emulators.SesMode;

/**
 * Gives tests a {@link TestStack}: the template's tables and buckets on real emulators over
 * real connections. The emulators start once per JVM, on first use, and stop when the test
 * run ends; each test class gets its own freshly created tables.
 *
 * <pre>{@code
 * @WithEmulators
 * class CatalogReadHandlerTest {
 *     private final CatalogReadHandler handler;
 *
 *     CatalogReadHandlerTest(TestStack stack) {
 *         handler = new CatalogReadHandler(stack.environment("CatalogReadFunction"));
 *     }
 *
 *     @Test
 *     void get_unknownId_is404(TestStack stack) {  // the same stack, also injectable into methods
 *         stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("CatalogTable")).item(...));
 *     }
 * }
 * }</pre>
 *
 * <p>{@code TestStack} can be injected into constructors, {@code @BeforeAll}/{@code @BeforeEach}
 * and test methods; all of them (and {@code @Nested} classes) see the same stack. The SES
 * emulator starts when node >= 20.19 is installed; the JUnit configuration parameter
 * {@value #SES_PARAMETER} ({@code if_available}, {@code required}, {@code off}) overrides that.
 */
public final class EmulatorsExtension implements ParameterResolver {
    public static final String SES_PARAMETER = "microcred.emulators.ses";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorsExtension.class);
    private static final AtomicInteger STACKS = new AtomicInteger();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = outermostClassContext(context);
        SharedEmulators shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedEmulators.class, key -> SharedEmulators.start(sesMode(context)),
                        SharedEmulators.class);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(TestStack.class,
                key -> new TestStack(shared.emulators(), shared.template(), prefixFor(classContext)), TestStack.class);
    }

    private static ExtensionContext outermostClassContext(ExtensionContext context) {
        ExtensionContext outermost = null;
        for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
            if (current.getTestClass().isPresent() && current.getTestMethod().isEmpty()) {
                outermost = current;
            }
        }
        if (outermost == null) {
            throw new ParameterResolutionException("TestStack needs a test class context");
        }
        return outermost;
    }

    private static String prefixFor(ExtensionContext classContext) {
        String className = classContext.getRequiredTestClass().getSimpleName();
        return "t" + STACKS.incrementAndGet() + "-" + (className.length() > 40 ? className.substring(0, 40) : className) + "-";
    }

    private static SesMode sesMode(ExtensionContext context) {
        return context.getConfigurationParameter(SES_PARAMETER)
                .map(value -> SesMode.valueOf(value.trim().toUpperCase(Locale.ROOT)))
                .orElse(SesMode.IF_AVAILABLE);
    }

    /** The JVM-wide emulators, closed by JUnit when the root context closes at the end of the run. */
    private record SharedEmulators(LocalEmulators emulators, SamTemplate template) implements AutoCloseable {
        static SharedEmulators start(SesMode sesMode) {
            SamTemplate template = SamTemplate.locate();
            return new SharedEmulators(LocalEmulators.builder().inMemory().ses(sesMode).start(), template);
        }

        @Override
        public void close() {
            emulators.close();
        }
    }
}
