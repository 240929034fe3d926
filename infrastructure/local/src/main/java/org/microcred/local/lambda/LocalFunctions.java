package org.microcred.local.lambda;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.microcred.emulators.FunctionDefinition;
import org.microcred.emulators.SamTemplate;
import org.microcred.shared.config.FunctionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every function of the template, each instantiated once with its own environment. */
public final class LocalFunctions {
    private static final Logger LOG = LoggerFactory.getLogger(LocalFunctions.class);

    private final Map<String, LocalFunction> byLogicalId;

    private LocalFunctions(Map<String, LocalFunction> byLogicalId) {
        this.byLogicalId = Map.copyOf(byLogicalId);
    }

    /** Instantiates the handlers; {@code environments} gives each function's resolved environment. */
    public static LocalFunctions load(SamTemplate template, Function<String, Map<String, String>> environments) {
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        for (FunctionDefinition definition : template.functions()) {
            LocalFunction function = LocalFunction.load(definition,
                    FunctionEnvironment.of(environments.apply(definition.logicalId())));
            function.loadFailure().ifPresent(reason -> LOG.warn("{}; its routes and events will fail", reason));
            functions.put(definition.logicalId(), function);
        }
        return new LocalFunctions(functions);
    }

    public LocalFunction get(String logicalId) {
        LocalFunction function = byLogicalId.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("No function " + logicalId + "; the template has " + byLogicalId.keySet());
        }
        return function;
    }
}
