package org.microcred.enrollment.service;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.microcred.enrollment.model.EnrollRequest;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.identity.Caller;

/** Checks the shape of the colleagues named in an enrolment request, before anything is read. */
final class PlcRequest {
    /** Deliberately loose: the member directory decides whether an address is real. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL_LENGTH = 254;

    private PlcRequest() {
    }

    /**
     * The distinct colleague addresses (lower-case) keyed by their index in the request, without
     * the caller's own address.
     *
     * @throws Invalid naming each malformed entry, or the list when the PLC would exceed 30
     */
    static Map<Integer, String> colleagueEmails(Caller caller, EnrollRequest request) {
        List<String> raw = request.plcMemberEmails();
        List<FieldError> errors = new java.util.ArrayList<>();
        Map<Integer, String> byIndex = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        String own = caller.email() == null ? "" : caller.email().toLowerCase(Locale.ROOT);
        for (int i = 0; i < raw.size(); i++) {
            String email = raw.get(i) == null ? "" : raw.get(i).strip().toLowerCase(Locale.ROOT);
            if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
                errors.add(new FieldError("plcMemberEmails[" + i + "]", "must be an email address"));
            } else if (!email.equals(own) && seen.add(email)) {
                byIndex.put(i, email);
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors.size() + " PLC colleague address(es) are not valid; see errors.", errors);
        }
        if (byIndex.size() > Enrolling.MAX_PLC_SIZE - 1) {
            throw new Invalid("plcMemberEmails", "names " + byIndex.size() + " colleagues; a PLC has at most "
                    + Enrolling.MAX_PLC_SIZE + " people including you, so name at most " + (Enrolling.MAX_PLC_SIZE - 1));
        }
        return byIndex;
    }
}
