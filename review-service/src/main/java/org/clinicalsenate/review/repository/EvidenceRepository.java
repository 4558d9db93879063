package org.clinicalsenate.review.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.review.domain.Evidence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<Evidence, UUID> {

    /** The request's register, in the order it was recorded (index {@code evidence_by_request}). */
    public List<Evidence> register(UUID adviceRequestId) {
        return list("adviceRequestId = ?1 order by addedAt, id", adviceRequestId);
    }

    /** How many of these ids are items of the request's register. */
    public long countOf(UUID adviceRequestId, Collection<UUID> ids) {
        return ids.isEmpty() ? 0 : count("adviceRequestId = ?1 and id in ?2", adviceRequestId, ids);
    }

    public long countFor(UUID adviceRequestId) {
        return count("adviceRequestId", adviceRequestId);
    }
}
