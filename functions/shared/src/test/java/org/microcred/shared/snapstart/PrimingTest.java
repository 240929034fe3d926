package org.microcred.shared.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.http.ApiRequest;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.http.HttpFunction;
import org.microcred.shared.http.Routes;
import org.microcred.shared.identity.Role;

/** The SnapStart hooks invoked as Lambda invokes them, around a function with a route table of its own. */
class PrimingTest {

    /** A function whose routes remember the requests they were given. */
    static final class Shelf extends HttpFunction {
        final List<ApiRequest> seen = new ArrayList<>();

        Shelf(List<ApiRequest> seen) {
            super(Routes.builder()
                    .get("/shelves/{id}", request -> {
                        seen.add(request);
                        throw new NotFound("There is no shelf " + request.pathParameter("id") + ".");
                    })
                    .get("/shelves", request -> ApiResponse.json(200, List.of()))
                    .get("/broken", request -> {
                        throw new IllegalStateException("the table is gone");
                    })
                    .build());
        }
    }

    @Test
    void beforeCheckpoint_sendsEachRequestThroughTheRouteTable_andRecordsTheAnswers() {
        List<ApiRequest> seen = new ArrayList<>();
        Shelf shelf = new Shelf(seen);
        Priming priming = Priming.register(shelf, PrimingRequest.get("/shelves"),
                PrimingRequest.get("/shelves/{id}").as(Role.COACH, Role.LEARNER));

        priming.beforeCheckpoint(null);

        assertThat(priming.primed()).hasValue("GET /shelves -> 200, GET /shelves/{id} -> 404");
        assertThat(priming.failure()).isEmpty();
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.routeKey()).isEqualTo("GET /shelves/{id}");
            assertThat(request.path()).isEqualTo("/shelves/snapstart-priming");
            assertThat(request.pathParameter("id")).isEqualTo(PrimingRequest.ID);
            assertThat(request.caller().organizationId()).isEqualTo(PrimingRequest.ID);
            assertThat(request.caller().roles()).containsExactlyInAnyOrder(Role.COACH, Role.LEARNER);
        });
    }

    @Test
    void register_withARouteTheFunctionDoesNotHave_failsAtInit() {
        Shelf shelf = new Shelf(new ArrayList<>());

        assertThatThrownBy(() -> Priming.register(shelf, PrimingRequest.get("/cupboards/{id}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Shelf has no route GET /cupboards/{id} to prime");
    }

    @Test
    void beforeCheckpoint_whenARequestAnswers5xx_recordsTheFailure_andLetsTheSnapshotProceed() {
        Priming priming = Priming.register(new Shelf(new ArrayList<>()), PrimingRequest.get("/broken"));

        quietly(() -> priming.beforeCheckpoint(null));

        assertThat(priming.primed()).isEmpty();
        assertThat(priming.failure()).hasValueSatisfying(failure ->
                assertThat(failure).hasMessageStartingWith("GET /broken answered 500"));
        assertThat(priming.checkpoints()).isOne();
    }

    @Test
    void register_withAPrimeMethod_handsItTheFunction() {
        List<String> calls = new ArrayList<>();

        Priming priming = Priming.register(calls, list -> {
            list.add("primed");
            return "1 call";
        });
        priming.beforeCheckpoint(null);

        assertThat(calls).containsExactly("primed");
        assertThat(priming.primed()).hasValue("1 call");
    }

    @Test
    void of_findsThePrimingThatFunctionRegistered() {
        Shelf first = new Shelf(new ArrayList<>());
        Shelf second = new Shelf(new ArrayList<>());
        Priming primingOfFirst = Priming.register(first, PrimingRequest.get("/shelves"));
        Priming primingOfSecond = Priming.register(second, PrimingRequest.get("/shelves"));

        assertThat(Priming.of(first)).containsSame(primingOfFirst);
        assertThat(Priming.of(second)).containsSame(primingOfSecond);
        assertThat(Priming.of(new Shelf(new ArrayList<>()))).isEmpty();
        assertThat(Priming.registered()).contains(primingOfFirst, primingOfSecond);
    }

    @Test
    void afterRestore_countsTheRestore() {
        Priming priming = Priming.register(new Shelf(new ArrayList<>()), PrimingRequest.get("/shelves"));
        priming.beforeCheckpoint(null);

        priming.afterRestore(null);
        priming.afterRestore(null);

        assertThat(priming.restores()).isEqualTo(2);
        assertThat(priming.function()).isEqualTo("Shelf");
    }

    /** The failure is what the test provokes; its stack traces would only clutter the log. */
    private static void quietly(Runnable action) {
        List<String> loggers = List.of(HttpFunction.class.getName(), Priming.class.getName());
        List<Level> before = loggers.stream().map(name -> LogManager.getLogger(name).getLevel()).toList();
        loggers.forEach(name -> Configurator.setLevel(name, Level.OFF));
        try {
            action.run();
        } finally {
            for (int i = 0; i < loggers.size(); i++) {
                Configurator.setLevel(loggers.get(i), before.get(i));
            }
        }
    }
}
