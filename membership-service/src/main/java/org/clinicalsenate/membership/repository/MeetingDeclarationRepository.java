package org.clinicalsenate.membership.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.membership.domain.MeetingDeclaration;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MeetingDeclarationRepository implements PanacheRepositoryBase<MeetingDeclaration, UUID> {
}
