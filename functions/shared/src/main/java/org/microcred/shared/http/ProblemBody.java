package org.microcred.shared.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.microcred.shared.domain.FieldError;

/** The RFC 9457 problem document, plus the request id people quote when they ask for help. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemBody(String type, String title, int status, String detail, String instance,
                          String requestId, List<FieldError> errors) {

    static ProblemBody of(ApiProblem problem, String path, String requestId) {
        return new ProblemBody(problem.type(), problem.title(), problem.status(), problem.detail(), path,
                requestId, problem.errors());
    }
}
