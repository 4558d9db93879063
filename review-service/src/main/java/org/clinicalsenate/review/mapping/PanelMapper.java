package org.clinicalsenate.review.mapping;

import org.clinicalsenate.api.review.model.ClearanceOverride;
import org.clinicalsenate.api.review.model.ClearanceReason;
import org.clinicalsenate.api.review.model.Panel;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.OpenEnums;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.review.domain.Clearance;
import org.clinicalsenate.review.domain.PanelMember;
import org.clinicalsenate.review.domain.PanelRole;
import org.clinicalsenate.review.service.PanelService;
import org.mapstruct.Mapper;

/** A panel and its members as the contract shows them: each with their clearance and any override. */
@Mapper(config = MappingDefaults.class)
public interface PanelMapper {

    default Panel toApi(PanelService.Panel panel) {
        return new Panel()
                .adviceRequestId(panel.request().id)
                .minimumSize(panel.composition().minimumSize())
                .formed(panel.composition().formed())
                .problems(panel.composition().problems())
                .warnings(panel.composition().warnings())
                .members(panel.composition().members().stream().map(this::toApi).toList());
    }

    default org.clinicalsenate.api.review.model.PanelMember toApi(PanelMember member) {
        return new org.clinicalsenate.api.review.model.PanelMember()
                .memberId(member.memberId)
                .name(member.name)
                .professionalTitle(member.professionalTitle)
                .profession(member.profession)
                .senate(member.senate)
                .role(toApi(member.role))
                .invitation(OpenEnums.value(member.invitation))
                .clearance(clearance(member.clearance))
                .addedBy(member.addedBy)
                .addedAt(Times.utc(member.addedAt));
    }

    /** A conflict check's answer and the override that answers it, if any. */
    static org.clinicalsenate.api.review.model.Clearance clearance(Clearance clearance) {
        return new org.clinicalsenate.api.review.model.Clearance()
                .outcome(clearance.outcome)
                .reasons(clearance.reasons.stream()
                        .map(r -> new ClearanceReason().code(r.code()).message(r.message())).toList())
                .checkedAt(Times.utc(clearance.checkedAt))
                .override(clearance.isOverridden() ? new ClearanceOverride()
                        .justification(clearance.overrideJustification)
                        .by(clearance.overriddenBy)
                        .at(Times.utc(clearance.overriddenAt)) : null);
    }

    org.clinicalsenate.api.review.model.PanelRole toApi(PanelRole role);

    PanelRole toDomain(org.clinicalsenate.api.review.model.PanelRole role);
}
