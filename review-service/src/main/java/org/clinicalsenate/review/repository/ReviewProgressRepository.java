package org.clinicalsenate.review.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.review.domain.ReviewProgress;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReviewProgressRepository implements PanacheRepositoryBase<ReviewProgress, UUID> {
}
