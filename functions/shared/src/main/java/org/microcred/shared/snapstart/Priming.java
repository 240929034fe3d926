package org.microcred.shared.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.microcred.shared.http.HttpFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SnapStart runtime hooks of one function (CRaC, {@code org.crac}). Lambda initialises a
 * SnapStart function once, when a version is published, runs {@link #beforeCheckpoint} and
 * snapshots the JVM; every new execution environment resumes from that snapshot and runs
 * {@link #afterRestore}. Priming sends the function's first request before the snapshot, so the
 * classes, Jackson serializers, SDK marshallers, credentials, TLS context and templates that
 * request loads are in the snapshot rather than on the first caller's clock. It reads only what
 * does not exist (ids no record has) and writes nothing.
 *
 * <p>A handler registers from its {@code FunctionEnvironment} constructor, which its no-arg
 * constructor (the one Lambda calls) runs; the local stack and tests register too, where nothing
 * ever checkpoints. The CRaC context holds resources weakly, so this registry holds them; a
 * priming holds its handler weakly, so a handler a test drops is collected as before.
 *
 * <p>A failed priming is logged, never thrown: the snapshot is then taken unprimed and the first
 * request does the warming, as without SnapStart. After a restore there is nothing of ours to
 * re-create; docs/snapstart.md gives the reasons (SecureRandom, credentials, connections).
 */
public final class Priming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    private final String function;
    private final WeakReference<Object> target;
    private final Function<Object, String> prime;
    private final AtomicInteger checkpoints = new AtomicInteger();
    private final AtomicInteger restores = new AtomicInteger();
    private volatile String primed;
    private volatile RuntimeException failure;

    private Priming(Object target, Function<Object, String> prime) {
        this.function = target.getClass().getSimpleName();
        this.target = new WeakReference<>(target);
        this.prime = prime;
    }

    /**
     * Primes an HTTP function with synthetic requests through its own route table
     * ({@link HttpFunction#dispatch}: routing, the route, its service and store, problem+json).
     * A request that answers 5xx counts as a failed priming.
     *
     * @throws IllegalArgumentException at init, if the function has no route for a request
     */
    public static Priming register(HttpFunction function, PrimingRequest... requests) {
        List<PrimingRequest> all = List.of(requests);
        for (PrimingRequest request : all) {
            if (function.routes().find(request.routeKey()).isEmpty()) {
                throw new IllegalArgumentException(function.getClass().getSimpleName() + " has no route "
                        + request.routeKey() + " to prime");
            }
        }
        return register(function, http -> dispatch(http, all));
    }

    /**
     * Primes a function with {@code prime}, which runs the function's first-request path without
     * writing and answers what it did (for the log). It must not capture the function itself
     * (pass an unbound method reference such as {@code NotificationHandler::prime}): the function
     * is handed to it.
     */
    public static <F> Priming register(F function, Function<? super F, String> prime) {
        @SuppressWarnings("unchecked")
        Function<Object, String> erased = target -> prime.apply((F) target);
        Priming priming = new Priming(function, erased);
        REGISTERED.removeIf(registered -> registered.target.get() == null);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** The priming registered for this function object, if any. */
    public static Optional<Priming> of(Object function) {
        return REGISTERED.stream().filter(priming -> priming.target.get() == function).findFirst();
    }

    /** Every priming whose function is still alive, oldest first. */
    public static List<Priming> registered() {
        return REGISTERED.stream().filter(priming -> priming.target.get() != null).toList();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        checkpoints.incrementAndGet();
        Object function = target.get();
        if (function == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            primed = prime.apply(function);
            failure = null;
            LOG.info("SnapStart: primed {} before the snapshot in {} ms: {}", this.function,
                    (System.nanoTime() - started) / 1_000_000, primed);
        } catch (RuntimeException e) {
            primed = null;
            failure = e;
            LOG.warn("SnapStart: priming {} failed; the snapshot is taken unprimed and the first request warms up instead",
                    this.function, e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        restores.incrementAndGet();
        LOG.info("SnapStart: {} restored from a snapshot", function);
    }

    /** The simple class name of the function. */
    public String function() {
        return function;
    }

    /** What the last priming did, e.g. {@code GET /microcredentials/{id} -> 404}; empty if it failed or never ran. */
    public Optional<String> primed() {
        return Optional.ofNullable(primed);
    }

    /** Why the last priming failed, if it did. */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    public int checkpoints() {
        return checkpoints.get();
    }

    public int restores() {
        return restores.get();
    }

    private static String dispatch(HttpFunction function, List<PrimingRequest> requests) {
        List<String> answers = new ArrayList<>();
        for (PrimingRequest request : requests) {
            APIGatewayV2HTTPResponse response = function.dispatch(request.event());
            if (response.getStatusCode() >= 500) {
                throw new IllegalStateException(request.routeKey() + " answered " + response.getStatusCode() + ": "
                        + response.getBody());
            }
            answers.add(request.routeKey() + " -> " + response.getStatusCode());
        }
        return String.join(", ", answers);
    }
}
