package org.clinicalsenate.membership.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.membership.domain.Declaration;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DeclarationRepository implements PanacheRepositoryBase<Declaration, UUID> {
}
