package org.clinicalsenate.review.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.review.domain.InformationRequest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InformationRequestRepository implements PanacheRepositoryBase<InformationRequest, UUID> {

    /** The request's questions, oldest first (index {@code information_request_by_request}). */
    public List<InformationRequest> of(UUID adviceRequestId) {
        return list("adviceRequestId = ?1 order by askedAt, id", adviceRequestId);
    }
}
