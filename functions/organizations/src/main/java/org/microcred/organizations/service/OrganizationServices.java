package org.microcred.organizations.service;

import org.microcred.organizations.roster.RosterImportService;

/** Everything OrganizationFunction's routes call, built once at init. */
public record OrganizationServices(Organizations organizations, MemberDirectory members, CoachPoolService pools,
                                   RosterImportService rosterImports) {
}
