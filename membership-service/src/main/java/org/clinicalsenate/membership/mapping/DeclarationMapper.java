package org.clinicalsenate.membership.mapping;

import org.clinicalsenate.api.membership.model.DeclarationCreate;
import org.clinicalsenate.api.membership.model.DeclarationReview;
import org.clinicalsenate.api.membership.model.InterestFields;
import org.clinicalsenate.api.membership.model.ManagementAction;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.membership.domain.Declaration;
import org.clinicalsenate.membership.domain.DeclarationVersion;
import org.clinicalsenate.membership.domain.Interest;
import org.clinicalsenate.membership.domain.ManagementActionKind;
import org.clinicalsenate.membership.domain.Publication;
import org.clinicalsenate.membership.domain.Review;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Declarations, their versions and reviews to the contract's models; the declared interest is flattened. */
@Mapper(config = MappingDefaults.class)
public interface DeclarationMapper {

    @FlattenedInterest
    @Mapping(target = "versionNumber", source = "versionNo")
    org.clinicalsenate.api.membership.model.Declaration toApi(Declaration declaration);

    @FlattenedInterest
    @Mapping(target = "versionNumber", source = "versionNo")
    org.clinicalsenate.api.membership.model.DeclarationVersion toApi(DeclarationVersion version);

    /**
     * The review note is internal to the admins of the member's senate: the member sees the
     * decision on their declaration, not the note.
     */
    default org.clinicalsenate.api.membership.model.Declaration toApi(Declaration declaration, boolean seesReviewNote) {
        org.clinicalsenate.api.membership.model.Declaration view = toApi(declaration);
        if (!seesReviewNote) {
            view.getReview().setNote(null);
        }
        return view;
    }

    default DeclarationReview toApi(Review review) {
        ManagementAction action = review.action == null ? null
                : new ManagementAction().action(toApi(review.action)).detail(review.actionDetail);
        return new DeclarationReview()
                .publication(OpenLists.publication(review.publication))
                .withheldReason(review.withheldReason)
                .managementAction(action)
                .note(review.note)
                .reviewedBy(review.reviewedBy)
                .reviewedAt(Times.utc(review.reviewedAt));
    }

    @Mapping(target = "start", source = "interestStart")
    @Mapping(target = "end", source = "interestEnd")
    Interest toInterest(DeclarationCreate create);

    @Mapping(target = "start", source = "interestStart")
    @Mapping(target = "end", source = "interestEnd")
    Interest toInterest(InterestFields fields);

    ManagementActionKind toDomain(org.clinicalsenate.api.membership.model.ManagementActionKind kind);

    Publication toDomain(org.clinicalsenate.api.membership.model.PublicationDecision decision);

    org.clinicalsenate.api.membership.model.ManagementActionKind toApi(ManagementActionKind kind);
}
