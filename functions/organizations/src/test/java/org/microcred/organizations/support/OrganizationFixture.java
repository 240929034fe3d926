package org.microcred.organizations.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microcred.emulators.junit.ApiResponses;
import org.microcred.emulators.junit.TestStack;
import org.microcred.organizations.OrganizationHandler;
import org.microcred.organizations.TestOrganizationHandlers;
import org.microcred.organizations.accounts.UserAccounts;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.OrganizationKeys;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * OrganizationFunction as template.yaml configures it, against this class's tables, with the
 * user accounts the test chooses; and the records around it: organisations and members made
 * through the API, micro-credentials and coach loads as the catalog and enrolment functions
 * leave them.
 */
public final class OrganizationFixture {
    public final TestStack stack;
    public final OrganizationHandler api;
    public final OrganizationsTable table;

    public OrganizationFixture(TestStack stack, UserAccounts accounts) {
        this.stack = stack;
        api = TestOrganizationHandlers.withAccounts(stack.environment("OrganizationFunction"), accounts);
        table = new OrganizationsTable(stack.dynamoDb(), stack.tableName("OrganizationsTable"));
    }

    public APIGatewayV2HTTPResponse call(OrgCall call) {
        return api.dispatch(call.event());
    }

    /** The complete organisation fixture (every field set) as a mutable tree, with this id. */
    public static ObjectNode organizationJson(String id) {
        try (InputStream in = OrganizationFixture.class.getResourceAsStream("/fixtures/organization-riverbend.json")) {
            ObjectNode json = (ObjectNode) Json.mapper().readTree(in);
            json.put("id", id);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the organisation through the API, as a platform admin; returns what the API answered. */
    public JsonNode createOrganization(String id) {
        APIGatewayV2HTTPResponse created = call(OrgCall.createOrganization(organizationJson(id)).as(Who.platformAdmin()));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        return ApiResponses.body(created);
    }

    /** Adds a member through the API, as the organisation's admin; returns the member. */
    public JsonNode addMember(String organizationId, String email, String givenName, String familyName,
                              String... roles) {
        Map<String, Object> body = Map.of("email", email, "givenName", givenName, "familyName", familyName,
                "roles", List.of(roles));
        APIGatewayV2HTTPResponse added = call(OrgCall.addMember(organizationId, body).as(Who.orgAdmin(organizationId)));
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(201);
        return ApiResponses.body(added);
    }

    /** A micro-credential's draft as the catalog function keeps it: the item that says who owns it. */
    public void microCredential(String microCredentialId, String ownerOrganizationId) {
        stack.dynamoDb().putItem(put -> put.tableName(stack.tableName("CatalogTable")).item(Map.of(
                "pk", AttributeValue.fromS("MC#" + microCredentialId),
                "sk", AttributeValue.fromS("DRAFT"),
                "organizationId", AttributeValue.fromS(ownerOrganizationId),
                "title", AttributeValue.fromS("Micro-credential " + microCredentialId))));
    }

    /** A coach's open enrolments as the enrolment function counts them: in all, and of one micro-credential. */
    public void coachLoad(String organizationId, String userId, String microCredentialId, long open, long openHere) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":open", AttributeValue.fromN(Long.toString(open)));
        values.put(":here", AttributeValue.fromN(Long.toString(openHere)));
        stack.dynamoDb().updateItem(update -> update.tableName(table.name())
                .key(OrganizationKeys.coach(organizationId, userId))
                .updateExpression("SET openEnrollments = :open, #here = :here")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#here", OrganizationKeys.openForMicroCredential(microCredentialId)))
                .expressionAttributeValues(values));
    }

    /** An enrolment coached by {@code coachId}, as the enrolment function writes it (index ByCoach). */
    public void openEnrollment(String organizationId, String enrollmentId, String coachId, String microCredentialId) {
        stack.dynamoDb().putItem(put -> put.tableName(stack.tableName("LearningTable")).item(Map.of(
                "pk", AttributeValue.fromS("ENR#" + enrollmentId),
                "sk", AttributeValue.fromS("ENROLLMENT"),
                "enrollmentId", AttributeValue.fromS(enrollmentId),
                "organizationId", AttributeValue.fromS(organizationId),
                "microCredentialId", AttributeValue.fromS(microCredentialId),
                "title", AttributeValue.fromS("Micro-credential " + microCredentialId),
                "learnerName", AttributeValue.fromS("Lee Learner"),
                "status", AttributeValue.fromS("submitted"),
                "coachKey", AttributeValue.fromS("COACH#" + coachId),
                "updatedAt", AttributeValue.fromS("2026-09-02T10:00:00Z"))));
    }

    /** How many items the OrganizationsTable holds: what a refused request must leave unchanged. */
    public int itemCount() {
        return stack.dynamoDb().scan(scan -> scan.tableName(table.name()).select(Select.COUNT).consistentRead(true))
                .count();
    }

    public Members members() {
        return new Members(table);
    }

    public OrganizationProfiles profiles() {
        return new OrganizationProfiles(table);
    }

    public CoachPools pools() {
        return new CoachPools(table);
    }
}
