package org.microcred.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.microcred.emulators.FunctionDefinition;
import org.microcred.shared.config.FunctionEnvironment;

/**
 * One function of the template, instantiated once like a warm Lambda container: the handler
 * class built through its {@code FunctionEnvironment} constructor. Lambda never runs two
 * events through one instance at the same time, so neither does this (handlers may rely on it).
 */
public final class LocalFunction {
    private final FunctionDefinition definition;
    private final Object handler;
    private final Method method;
    private final String loadFailure;

    private LocalFunction(FunctionDefinition definition, Object handler, Method method, String loadFailure) {
        this.definition = definition;
        this.handler = handler;
        this.method = method;
        this.loadFailure = loadFailure;
    }

    /**
     * Loads the handler. A function whose class is not on the classpath (a module not yet
     * added to the local stack) does not stop the others: its invocations fail, saying why.
     */
    static LocalFunction load(FunctionDefinition definition, FunctionEnvironment environment) {
        try {
            Class<?> type = Class.forName(definition.handlerClass(), true, Thread.currentThread().getContextClassLoader());
            Constructor<?> constructor = type.getConstructor(FunctionEnvironment.class);
            Object handler = constructor.newInstance(environment);
            return new LocalFunction(definition, handler, handlerMethod(type, definition.handlerMethod()), null);
        } catch (ClassNotFoundException e) {
            return failed(definition, "class " + definition.handlerClass() + " is not on the local stack's classpath"
                    + " (add its module as a dependency of infrastructure/local)");
        } catch (NoSuchMethodException e) {
            return failed(definition, definition.handlerClass() + " needs a public constructor taking FunctionEnvironment"
                    + " and a public method " + definition.handlerMethod() + "(event, Context)");
        } catch (InvocationTargetException e) {
            return failed(definition, "its constructor threw " + e.getCause());
        } catch (ReflectiveOperationException e) {
            return failed(definition, e.toString());
        }
    }

    private static LocalFunction failed(FunctionDefinition definition, String reason) {
        return new LocalFunction(definition, null, null, definition.logicalId() + " could not be loaded: " + reason);
    }

    private static Method handlerMethod(Class<?> type, String name) throws NoSuchMethodException {
        return Arrays.stream(type.getMethods())
                .filter(candidate -> candidate.getName().equals(name) && candidate.getParameterCount() == 2
                        && candidate.getParameterTypes()[1] == Context.class && !candidate.isBridge())
                .findFirst()
                .orElseThrow(() -> new NoSuchMethodException(name));
    }

    /**
     * Runs the handler with the event, as Lambda would.
     *
     * @throws FunctionFailedException when the handler throws or could not be loaded
     */
    public synchronized Object invoke(Object event) {
        return invoke(event, UUID.randomUUID().toString());
    }

    public synchronized Object invoke(Object event, String requestId) {
        if (loadFailure != null) {
            throw new FunctionFailedException(loadFailure, null);
        }
        if (!method.getParameterTypes()[0].isInstance(event)) {
            throw new FunctionFailedException(definition.logicalId() + "." + method.getName() + " takes "
                    + method.getParameterTypes()[0].getSimpleName() + ", not " + event.getClass().getSimpleName(), null);
        }
        try {
            return method.invoke(handler, event, new LocalLambdaContext(definition, requestId));
        } catch (InvocationTargetException e) {
            throw new FunctionFailedException(definition.logicalId() + " threw " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new FunctionFailedException(definition.logicalId() + " handler is not accessible", e);
        }
    }

    public FunctionDefinition definition() {
        return definition;
    }

    /** Why the handler could not be loaded, if it could not. */
    public Optional<String> loadFailure() {
        return Optional.ofNullable(loadFailure);
    }
}
