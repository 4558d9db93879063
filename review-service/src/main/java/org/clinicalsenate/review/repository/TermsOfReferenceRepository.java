package org.clinicalsenate.review.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.review.domain.TermsOfReference;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TermsOfReferenceRepository implements PanacheRepositoryBase<TermsOfReference, UUID> {

    /** The request's latest version (index {@code terms_of_reference_advice_request_id_version_no_key}). */
    public Optional<TermsOfReference> latest(UUID adviceRequestId) {
        return find("adviceRequestId = ?1 order by version desc", adviceRequestId).firstResultOptional();
    }

    /** Every version of the request's terms, oldest first. */
    public List<TermsOfReference> versions(UUID adviceRequestId) {
        return list("adviceRequestId = ?1 order by version", adviceRequestId);
    }
}
