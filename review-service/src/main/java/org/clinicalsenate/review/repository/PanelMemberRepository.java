package org.clinicalsenate.review.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.review.domain.PanelMember;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PanelMemberRepository implements PanacheRepositoryBase<PanelMember, UUID> {

    /** The request's panel, in the order its members were added. */
    public List<PanelMember> panel(UUID adviceRequestId) {
        return list("adviceRequestId = ?1 order by addedAt, id", adviceRequestId);
    }

    public Optional<PanelMember> onPanel(UUID adviceRequestId, UUID memberId) {
        return find("adviceRequestId = ?1 and memberId = ?2", adviceRequestId, memberId).firstResultOptional();
    }
}
