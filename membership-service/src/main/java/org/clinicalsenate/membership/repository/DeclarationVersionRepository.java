package org.clinicalsenate.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.membership.domain.DeclarationVersion;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DeclarationVersionRepository implements PanacheRepositoryBase<DeclarationVersion, DeclarationVersion.Key> {

    /** Every version of a declaration, oldest first. */
    public List<DeclarationVersion> of(UUID declarationId) {
        return list("declarationId = ?1 order by versionNo", declarationId);
    }
}
