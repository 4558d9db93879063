package org.clinicalsenate.review.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.clinicalsenate.api.review.EvidenceApi;
import org.clinicalsenate.api.review.model.EvidenceCreate;
import org.clinicalsenate.api.review.model.EvidenceList;
import org.clinicalsenate.api.review.model.InformationAnswer;
import org.clinicalsenate.api.review.model.InformationRequestCreate;
import org.clinicalsenate.api.review.model.InformationRequestList;
import org.clinicalsenate.commons.mapping.OpenEnums;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.review.mapping.EvidenceMapper;
import org.clinicalsenate.review.service.EvidenceService;

public class EvidenceResource implements EvidenceApi {

    @Inject
    EvidenceService evidence;

    @Inject
    EvidenceMapper mapper;

    @Inject
    Clock clock;

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listEvidence(UUID id) {
        return Response.ok(new EvidenceList(evidence.register(id).stream().map(mapper::toApi).toList())).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response addEvidence(UUID id, EvidenceCreate evidenceCreate) {
        return Response.status(Response.Status.CREATED)
                .entity(mapper.toApi(evidence.add(id, mapper.toEntity(evidenceCreate)))).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listInformationRequests(UUID id, String status) {
        LocalDate today = LocalDate.now(clock);
        // validated here: the contract's enum of a query parameter is not a generated type
        EvidenceService.Questions which = OpenEnums.parse(EvidenceService.Questions.class, "status", status);
        return Response.ok(new InformationRequestList(evidence.questions(id, which).stream()
                .map(question -> mapper.toApi(question, today)).toList())).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response askForInformation(UUID id, InformationRequestCreate informationRequestCreate) {
        return Response.status(Response.Status.CREATED).entity(mapper.toApi(evidence.ask(id,
                informationRequestCreate.getQuestion(), informationRequestCreate.getDueBy()), LocalDate.now(clock)))
                .build();
    }

    @Override
    @RolesAllowed(Roles.REQUESTER)
    public Response answerInformationRequest(UUID id, UUID informationRequestId, InformationAnswer answer) {
        List<UUID> evidenceIds = answer.getEvidenceIds() == null ? List.of() : List.copyOf(answer.getEvidenceIds());
        return Response.ok(mapper.toApi(evidence.answer(id, informationRequestId, answer.getText(), evidenceIds),
                LocalDate.now(clock))).build();
    }
}
