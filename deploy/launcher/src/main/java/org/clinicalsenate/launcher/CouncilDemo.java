package org.clinicalsenate.launcher;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clinicalsenate.client.membership.ApiClient;
import org.clinicalsenate.client.membership.ApiException;
import org.clinicalsenate.client.membership.api.AppointmentsApi;
import org.clinicalsenate.client.membership.api.DeclarationRoundsApi;
import org.clinicalsenate.client.membership.api.DeclarationsApi;
import org.clinicalsenate.client.membership.api.MembersApi;
import org.clinicalsenate.client.membership.model.AppointmentBody;
import org.clinicalsenate.client.membership.model.AppointmentCreate;
import org.clinicalsenate.client.membership.model.AppointmentRole;
import org.clinicalsenate.client.membership.model.Counterparty;
import org.clinicalsenate.client.membership.model.Declaration;
import org.clinicalsenate.client.membership.model.DeclarationCreate;
import org.clinicalsenate.client.membership.model.DeclarationReviewUpdate;
import org.clinicalsenate.client.membership.model.DeclarationRoundCreate;
import org.clinicalsenate.client.membership.model.Employer;
import org.clinicalsenate.client.membership.model.InterestCategory;
import org.clinicalsenate.client.membership.model.ManagementAction;
import org.clinicalsenate.client.membership.model.ManagementActionKind;
import org.clinicalsenate.client.membership.model.Member;
import org.clinicalsenate.client.membership.model.MemberCreate;
import org.clinicalsenate.client.membership.model.PublicationDecision;
import org.clinicalsenate.client.membership.model.Registration;
import org.clinicalsenate.dev.LocalIssuer;
import org.clinicalsenate.dev.Personas;
import org.clinicalsenate.dev.Personas.Persona;

/**
 * Demo councils for two senates, created through membership-service's API with the published Java
 * client: members of several professions, patient and public members, council appointments (one
 * term ending soon), and for the South East an open declaration round in which some members have
 * declared (an interest of every category, reviewed: published, withheld, one still pending), one
 * made a nil return and some are outstanding. A senate that already has members is left alone.
 */
final class CouncilDemo {

    /** The demo member whose token the launcher prints: outstanding in the South East's round. */
    static final String DEMO_MEMBER = "Margaret Oduya";

    private record Seat(String name, String title, String profession, String registrationBody,
            String registrationNumber, String employerOds, String employerName, String employerIcb,
            AppointmentBody body, AppointmentRole role, boolean endingSoon) {
    }

    /** A declaration a seat makes (by name), and the admin's review of it (null: not reviewed yet). */
    private record Interest(String member, InterestCategory category, String description, String odsCode,
            String organisation, String relationship, int startedMonthsAgo, boolean onBehalf, Review review) {
    }

    private record Review(ManagementActionKind action, String detail, String withheldReason) {
    }

    private static final List<Seat> SOUTH_EAST = List.of(
            new Seat("Dr Helen Marsh", "Consultant Cardiologist", "medicine", "GMC", "4412087", "RHM",
                    "University Hospital Southampton NHS Foundation Trust", "QRL", AppointmentBody.COUNCIL,
                    AppointmentRole.CHAIR, false),
            new Seat("Prof Daniel Okoye", "Professor of Adult Nursing", "nursing", "NMC", "98I1234E", "RTH",
                    "Oxford University Hospitals NHS Foundation Trust", "QU9", AppointmentBody.COUNCIL,
                    AppointmentRole.VICE_CHAIR, false),
            new Seat("Sarah Whitfield", "Consultant Midwife", "midwifery", "NMC", "03C4567W", "RN7",
                    "Dartford and Gravesham NHS Trust", "QKS", AppointmentBody.COUNCIL, AppointmentRole.MEMBER, false),
            new Seat("Dr Raj Patel", "Chief Pharmacist", "pharmacy", "GPhC", "2051234", "RHW",
                    "Royal Berkshire NHS Foundation Trust", "QU9", AppointmentBody.COUNCIL, AppointmentRole.MEMBER, false),
            new Seat("Aisha Rahman", "Consultant Physiotherapist", "allied-health", "HCPC", "PH123456", "RHU",
                    "Portsmouth Hospitals University NHS Trust", "QRL", AppointmentBody.COUNCIL, AppointmentRole.MEMBER,
                    false),
            new Seat("Dr Tom Bell", "Consultant in Public Health", "public-health", "GMC", "6034512", "886",
                    "Kent County Council", "QKS", AppointmentBody.COUNCIL, AppointmentRole.MEMBER, false),
            new Seat("Dr Fiona Grant", "Consultant in Restorative Dentistry", "dentistry", "GDC", "81234",
                    "RTH", "Oxford University Hospitals NHS Foundation Trust", "QU9", AppointmentBody.COUNCIL,
                    AppointmentRole.MEMBER, false),
            new Seat("Peter Hughes", null, "patient-public-voice", null, null, null, null, null,
                    AppointmentBody.COUNCIL, AppointmentRole.PATIENT_PUBLIC_MEMBER, true),
            new Seat(DEMO_MEMBER, null, "patient-public-voice", null, null, null, null, null,
                    AppointmentBody.COUNCIL, AppointmentRole.PATIENT_PUBLIC_MEMBER, false),
            new Seat("Dr Imran Siddiqui", "Consultant Clinical Scientist", "healthcare-science", "HCPC",
                    "CS045678", "RN5", "Hampshire Hospitals NHS Foundation Trust", "QRL", AppointmentBody.ASSEMBLY,
                    AppointmentRole.MEMBER, false));

    private static final List<Interest> SOUTH_EAST_INTERESTS = List.of(
            new Interest("Dr Helen Marsh", InterestCategory.FINANCIAL,
                    "Private cardiology outpatient sessions (one a week)", "NT3", "Spire Healthcare", null, 30, false,
                    new Review(ManagementActionKind.RESTRICT_PARTICIPATION,
                            "Takes no part in advice on elective cardiology outsourcing", null)),
            new Interest("Prof Daniel Okoye", InterestCategory.NON_FINANCIAL_PROFESSIONAL,
                    "Member of the regional nursing workforce programme board", "RTH",
                    "Oxford University Hospitals NHS Foundation Trust", null, 14, false,
                    new Review(ManagementActionKind.NONE_REQUIRED, null, null)),
            new Interest("Dr Raj Patel", InterestCategory.NON_FINANCIAL_PERSONAL,
                    "Volunteer trustee of a local hospice charity", null, null, null, 40, false,
                    new Review(ManagementActionKind.NONE_REQUIRED, null, null)),
            new Interest("Aisha Rahman", InterestCategory.INDIRECT,
                    "Spouse is a consultant orthopaedic surgeon at Portsmouth Hospitals", "RHU",
                    "Portsmouth Hospitals University NHS Trust", "spouse", 60, false,
                    new Review(ManagementActionKind.EXCLUDE_FROM_RELEVANT_ITEMS,
                            "Leaves the meeting for items on Portsmouth orthopaedics", null)),
            new Interest("Sarah Whitfield", InterestCategory.INDIRECT,
                    "Close family member holds a senior post in a maternity service under review", "RN7",
                    "Dartford and Gravesham NHS Trust", "sibling", 8, true,
                    new Review(ManagementActionKind.WITHHOLD_PAPERS, null,
                            "Publication would identify a family member in an ongoing employment matter")),
            new Interest("Dr Imran Siddiqui", InterestCategory.FINANCIAL,
                    "Paid lectures for a diagnostics company (two a year)", "NLX", "Community Diagnostics Ltd", null, 2,
                    false, null));

    private static final List<Seat> LONDON = List.of(
            new Seat("Dr Kwame Mensah", "Consultant in Emergency Medicine", "medicine", "GMC", "5123987", "R1H",
                    "Barts Health NHS Trust", "QMF", AppointmentBody.COUNCIL, AppointmentRole.CHAIR, false),
            new Seat("Joanna Lewis", "Director of Midwifery", "midwifery", "NMC", "91A2345L", "RJ1",
                    "Guy's and St Thomas' NHS Foundation Trust", "QKK", AppointmentBody.COUNCIL,
                    AppointmentRole.VICE_CHAIR, false),
            new Seat("Dr Priya Shah", "General Practitioner", "medicine", "GMC", "7098123", "QMJ",
                    "NHS North Central London ICB", "QMJ", AppointmentBody.COUNCIL, AppointmentRole.MEMBER, false),
            new Seat("Michael Adeyemi", "Director of Adult Social Services", "social-care", null, null, "202",
                    "London Borough of Camden", "QMJ", AppointmentBody.COUNCIL, AppointmentRole.MEMBER, false),
            new Seat("Grace Thompson", null, "patient-public-voice", null, null, null, null, null,
                    AppointmentBody.COUNCIL, AppointmentRole.PATIENT_PUBLIC_MEMBER, false),
            new Seat("David Cohen", null, "patient-public-voice", null, null, null, null, null,
                    AppointmentBody.COUNCIL, AppointmentRole.PATIENT_PUBLIC_MEMBER, false));

    private static final List<Interest> LONDON_INTERESTS = List.of(
            new Interest("Dr Priya Shah", InterestCategory.FINANCIAL, "Partner in a GP practice holding an NHS contract",
                    "F83004", "Somerset Gardens Family Health Care Centre", null, 70, false,
                    new Review(ManagementActionKind.OTHER, "Declares the interest at the start of each primary care item",
                            null)));

    private final LocalIssuer issuer;
    private final String membershipUrl;
    private final LocalDate today = LocalDate.now();

    CouncilDemo(LocalIssuer issuer, String membershipUrl) {
        this.issuer = issuer;
        this.membershipUrl = membershipUrl;
    }

    /** Seeds both councils; returns the summary lines and the demo member persona (if the member exists). */
    DemoData.Result seed() {
        List<String> lines = new ArrayList<>();
        lines.add(seed("south-east", SOUTH_EAST, SOUTH_EAST_INTERESTS, true));
        lines.add(seed("london", LONDON, LONDON_INTERESTS, false));
        return new DemoData.Result(lines, demoMember().map(List::of).orElse(List.of()));
    }

    private String seed(String senate, List<Seat> seats, List<Interest> interests, boolean openRound) {
        MembersApi members = new MembersApi(client(Personas.PLATFORM_ADMIN));
        try {
            if (!members.listMembers(senate, null, null, null, null, null, null, 1, null).getItems().isEmpty()) {
                return "membership-service: " + senate + " already has members: left as it is";
            }
            Map<String, UUID> ids = new LinkedHashMap<>();
            AppointmentsApi appointments = new AppointmentsApi(client(Personas.PLATFORM_ADMIN));
            for (Seat seat : seats) {
                Member member = members.createMember(memberOf(senate, seat), key(senate, "member", seat.name()));
                ids.put(seat.name(), member.getId());
                var appointment = appointments.nominateAppointment(member.getId(), appointmentOf(seat),
                        key(senate, "appointment", seat.name()));
                appointments.approveAppointment(appointment.getId(), null);
            }
            String round = "";
            if (openRound) {
                new DeclarationRoundsApi(client(Personas.PLATFORM_ADMIN)).openDeclarationRound(senate,
                        new DeclarationRoundCreate().year(today.getYear()).dueDate(today.plusDays(28)),
                        key(senate, "round", Integer.toString(today.getYear())));
                round = ", round " + today.getYear() + " open";
            }
            for (Interest interest : interests) {
                declare(senate, ids.get(interest.member()), interest);
            }
            if (openRound) {
                // a patient and public member with nothing to declare makes a nil return
                UUID peter = ids.get("Peter Hughes");
                new DeclarationsApi(client(memberPersona(peter))).createDeclaration(peter,
                        new DeclarationCreate().nilReturn(true), key(senate, "nil-return", "Peter Hughes"));
            }
            long patientPublic = seats.stream().filter(s -> s.role() == AppointmentRole.PATIENT_PUBLIC_MEMBER).count();
            return String.format("membership-service: %s council of %d (%d patient and public members), %d declared interest%s%s",
                    senate, seats.stream().filter(s -> s.body() == AppointmentBody.COUNCIL).count(), patientPublic,
                    interests.size(), interests.size() == 1 ? "" : "s", round);
        } catch (ApiException e) {
            return "membership-service: " + senate + " demo council not complete: HTTP " + e.getCode() + " "
                    + abbreviate(e.getResponseBody());
        }
    }

    private void declare(String senate, UUID memberId, Interest interest) throws ApiException {
        Persona declarer = interest.onBehalf() ? Personas.SENATE_ADMIN : memberPersona(memberId);
        DeclarationCreate create = new DeclarationCreate().category(interest.category())
                .description(interest.description()).relationship(interest.relationship())
                .interestStart(today.minusMonths(interest.startedMonthsAgo()).withDayOfMonth(1));
        if (interest.odsCode() != null) {
            create.counterparty(new Counterparty().odsCode(interest.odsCode()).name(interest.organisation()));
        }
        DeclarationsApi declarations = new DeclarationsApi(client(declarer));
        Declaration declared = declarations.createDeclaration(memberId, create,
                key(senate, "declaration", interest.member() + interest.category()));
        if (interest.review() == null) {
            return;
        }
        // reviewed by the senate's admin (platform-admin for senates the demo admin does not run)
        Persona reviewer = "south-east".equals(senate) ? Personas.SENATE_ADMIN : Personas.PLATFORM_ADMIN;
        DeclarationsApi review = new DeclarationsApi(client(reviewer));
        String etag = review.getDeclarationWithHttpInfo(declared.getId()).getHeaders().get("etag").get(0);
        Review decision = interest.review();
        review.reviewDeclaration(declared.getId(), etag, new DeclarationReviewUpdate()
                .managementAction(new ManagementAction().action(decision.action()).detail(decision.detail()))
                .publication(decision.withheldReason() == null ? PublicationDecision.PUBLISHED : PublicationDecision.WITHHELD)
                .withheldReason(decision.withheldReason()));
    }

    private MemberCreate memberOf(String senate, Seat seat) {
        MemberCreate member = new MemberCreate().senate(senate).name(seat.name()).professionalTitle(seat.title())
                .profession(seat.profession())
                .email(seat.name().toLowerCase().replaceAll("^(dr|prof) ", "").replace(' ', '.') + "@nhs.example");
        if (seat.registrationBody() != null) {
            member.registration(new Registration().body(seat.registrationBody()).number(seat.registrationNumber()));
        }
        if (seat.employerOds() != null) {
            member.employer(new Employer().odsCode(seat.employerOds()).name(seat.employerName()).icb(seat.employerIcb()));
        }
        return member;
    }

    /** Three-year terms that started last year; a term ending soon shows in the council's composition. */
    private AppointmentCreate appointmentOf(Seat seat) {
        LocalDate start = seat.endingSoon() ? today.minusYears(2).withDayOfMonth(1) : today.minusYears(1).withDayOfMonth(1);
        LocalDate end = seat.endingSoon() ? today.plusDays(60) : start.plusYears(3).minusDays(1);
        return new AppointmentCreate().body(seat.body()).role(seat.role()).termStart(start).termEnd(end);
    }

    /** The persona printed with the others: a patient and public member with a return still to make. */
    Optional<Persona> demoMember() {
        try {
            return new MembersApi(client(Personas.PLATFORM_ADMIN))
                    .listMembers("south-east", null, null, null, null, DEMO_MEMBER, null, 1, null).getItems().stream()
                    .findFirst().map(m -> Personas.member(m.getId().toString(),
                            "member: " + DEMO_MEMBER + ", patient and public member of the south-east council"));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    private static Persona memberPersona(UUID memberId) {
        return Personas.member(memberId.toString(), "a demo member");
    }

    private ApiClient client(Persona persona) {
        String token = persona.token(issuer, Duration.ofMinutes(10));
        ApiClient client = new ApiClient();
        client.updateBaseUri(membershipUrl);
        client.setReadTimeout(Duration.ofSeconds(20));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** A fixed Idempotency-Key per demo item: a seeding interrupted and run again cannot duplicate it. */
    private static String key(String senate, String kind, String name) {
        return "demo-seed-" + senate + "-" + kind + "-" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
