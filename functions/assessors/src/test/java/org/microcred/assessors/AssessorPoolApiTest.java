package org.microcred.assessors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.assessors.support.Call;
import org.microcred.assessors.support.Fixture;
import org.microcred.assessors.support.Who;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.records.organizations.CoachPool;
import org.microcred.records.organizations.CoachSeat;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Assessors and the micro-credential's coach pool (issue 12): accepting an invitation puts the
 * assessor into the pool when the organisation set one, once, calibrating, so the pool stays the
 * one list of who coaches it; a coach with a seat in it already coaches it.
 */
@ExtendWith(EmulatorsExtension.class)
class AssessorPoolApiTest {
    static final Who ADMIN = Who.admin("u-admin-p", "Ada Admin");
    static final Who POOLED = Who.coach("u-pooled-p", "Paz Pooled");

    private static Fixture fixture;
    private static AssessorHandler handler;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new Fixture(stack);
        fixture.member(ADMIN, ADMIN.group());
        fixture.member(POOLED, "coach");
        fixture.badge(POOLED, "active");
        // In the pool, but not listed in the coach entry's own qualifications: the pool is what counts.
        fixture.coach(POOLED, 2);
        fixture.pool(new CoachSeat(POOLED.userId(), 3));
        handler = fixture.handler();
    }

    private static Who invited(String userId, String name) {
        Who who = Who.learner(userId, name);
        fixture.member(who, "learner");
        fixture.badge(who, "active");
        expect(handler.dispatch(Call.invite(Fixture.ORGANIZATION, Map.of("userId", who.userId(), "microCredentialId",
                Fixture.MICRO_CREDENTIAL)).as(ADMIN).event()), 201);
        return who;
    }

    private static String acceptForm(String token) {
        return Fixture.formFields(expect(handler.dispatch(Call.invitationPage(token).event()), 200).getBody());
    }

    private static List<CoachSeat> seatsOf(Who who) {
        return fixture.pool().orElseThrow().seats().stream().filter(seat -> seat.userId().equals(who.userId())).toList();
    }

    @Test
    void accept_whenThePoolExists_addsTheAssessorToIt_calibrating() {
        Who gus = invited("u-gus-p", "Gus Pool");
        long revision = fixture.pool().orElseThrow().revision();
        String token = fixture.invitationToken(gus, 1);

        expect(handler.dispatch(Call.acceptInvitation(token, acceptForm(token)).event()), 200);

        CoachPool pool = fixture.pool().orElseThrow();
        assertThat(seatsOf(gus)).containsExactly(new CoachSeat(gus.userId(), null));
        assertThat(pool.seatOf(POOLED.userId())).contains(new CoachSeat(POOLED.userId(), 3));
        assertThat(pool.revision()).as("an admin editing an older read gets a conflict").isEqualTo(revision + 1);
        assertThat(fixture.coachItem(gus).get("calibratingMicroCredentialIds").l()).extracting(AttributeValue::s)
                .containsExactly(Fixture.MICRO_CREDENTIAL);
        assertThat(fixture.liveCoaches()).as("calibrating: not chosen yet, however idle")
                .contains(POOLED.userId()).doesNotContain(gus.userId());
    }

    @Test
    void accept_eightTimesAtOnce_withAPool_seatsTheAssessorOnce() throws Exception {
        Who zoe = invited("u-zoe-p", "Zoe Doubleclick");
        String token = fixture.invitationToken(zoe, 1);
        String form = acceptForm(token);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            AssessorHandler container = fixture.handler();
            results.add(threads.submit(() -> {
                start.await();
                return container.dispatch(Call.acceptInvitation(token, form).event()).getStatusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        threads.shutdown();

        assertThat(statuses).containsOnly(200);
        assertThat(seatsOf(zoe)).hasSize(1);
    }

    @Test
    void invite_aCoachWithASeatInThePool_is409() {
        assertThat(body(expect(handler.dispatch(Call.invite(Fixture.ORGANIZATION, Map.of("userId", POOLED.userId(),
                "microCredentialId", Fixture.MICRO_CREDENTIAL)).as(ADMIN).event()), 409)).get("type").asText())
                .endsWith("/already-coach");
        assertThat(seatsOf(POOLED)).hasSize(1);
    }
}
