package org.clinicalsenate.review.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.review.domain.AdviceRequest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AdviceRequestRepository implements PanacheRepositoryBase<AdviceRequest, UUID> {
}
