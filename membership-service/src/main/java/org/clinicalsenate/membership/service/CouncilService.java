package org.clinicalsenate.membership.service;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.membership.domain.AppointmentBody;
import org.clinicalsenate.membership.domain.Council;
import org.clinicalsenate.membership.domain.Senate;

@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class CouncilService {

    @Inject
    Clock clock;

    @Inject
    SenateService senates;

    @Inject
    Rosters rosters;

    @Inject
    Caller caller;

    /** The council today: for its senate's admins and chairs, assurance viewers and platform-admins. */
    public Council composition(String slug) {
        Senate senate = senates.get(slug);
        caller.requireReadsSenate(slug);
        LocalDate today = LocalDate.now(clock);
        return Council.of(senate, rosters.serving(slug, AppointmentBody.COUNCIL, today), today);
    }
}
