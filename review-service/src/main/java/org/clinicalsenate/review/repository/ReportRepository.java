package org.clinicalsenate.review.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.review.domain.FactualAccuracyComment;
import org.clinicalsenate.review.domain.Report;
import org.clinicalsenate.review.domain.ReportVersion;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** A request's report: its life (one row), its versions and the sponsor's factual-accuracy comments. */
@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    /** Every version, oldest first (unique index {@code report_version_once}). */
    public List<ReportVersion> versions(UUID adviceRequestId) {
        return getEntityManager().createQuery("select v from ReportVersion v where v.adviceRequestId = :request"
                + " order by v.version", ReportVersion.class)
                .setParameter("request", adviceRequestId).getResultList();
    }

    public Optional<ReportVersion> version(UUID adviceRequestId, int version) {
        return getEntityManager().createQuery("select v from ReportVersion v where v.adviceRequestId = :request"
                + " and v.version = :version", ReportVersion.class)
                .setParameter("request", adviceRequestId).setParameter("version", version)
                .getResultStream().findFirst();
    }

    public void persist(ReportVersion version) {
        getEntityManager().persist(version);
    }

    /** The comments, oldest first (index {@code factual_accuracy_comment_by_request}). */
    public List<FactualAccuracyComment> comments(UUID adviceRequestId) {
        return getEntityManager().createQuery("select c from FactualAccuracyComment c"
                + " where c.adviceRequestId = :request order by c.madeAt, c.id", FactualAccuracyComment.class)
                .setParameter("request", adviceRequestId).getResultList();
    }

    public Optional<FactualAccuracyComment> comment(UUID adviceRequestId, UUID commentId) {
        return Optional.ofNullable(getEntityManager().find(FactualAccuracyComment.class, commentId))
                .filter(comment -> comment.adviceRequestId.equals(adviceRequestId));
    }

    public void persist(FactualAccuracyComment comment) {
        getEntityManager().persist(comment);
    }
}
