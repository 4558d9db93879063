package org.clinicalsenate.membership.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.membership.domain.Senate;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SenateRepository implements PanacheRepositoryBase<Senate, String> {
}
