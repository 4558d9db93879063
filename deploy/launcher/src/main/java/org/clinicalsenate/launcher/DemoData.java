package org.clinicalsenate.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinicalsenate.dev.LocalIssuer;
import org.clinicalsenate.dev.Personas;
import org.clinicalsenate.dev.Personas.Persona;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Demo data, created through the services' own REST APIs so that it passes the same validation,
 * audit and events as anything else: the councils of two senates ({@link CouncilDemo}) and a few
 * advice requests. Idempotent: an item already present (same title in the same senate; a senate
 * with members) is skipped, and each create carries a fixed Idempotency-Key so a retry cannot
 * duplicate. Senates need no seeding: membership-service's migrations create them.
 */
final class DemoData {

    /** One summary line per seeded part, and the personas that exist only once data does (a member). */
    record Result(List<String> lines, List<Persona> personas) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** An advice request, who submits it (subject, groups, scope claims), and how far the demo carries it. */
    private record AdviceRequestSeed(String key, String submitter, List<String> groups, Map<String, Object> claims,
            String senate, String requestingOrganisation, String kind, String title, String question,
            List<String> organisationsInScope, String proposalStage, ReviewDemo.Stage stage) {

        Persona requester() {
            return new Persona(submitter, "the requester", groups, claims);
        }
    }

    private static final List<AdviceRequestSeed> ADVICE_REQUESTS = List.of(
            new AdviceRequestSeed("demo-seed-hiow-stroke", Personas.REQUESTER.name(), Personas.REQUESTER.groups(),
                    Personas.REQUESTER.claims(), "south-east", "QRL", "clinical-review",
                    "Reconfiguration of acute stroke services in Hampshire and the Isle of Wight",
                    "Is the proposed model of two hyper-acute stroke units, with acute stroke units at three"
                            + " further sites and a networked early supported discharge service, clinically sound,"
                            + " and can it be staffed safely within the current stroke workforce?",
                    List.of("RHM", "RN5", "R1F"), "pre-consultation-business-case", ReviewDemo.Stage.PANEL_MET),
            new AdviceRequestSeed("demo-seed-nel-orthopaedics", "nel-requester", List.of("requester"),
                    Map.of("org", "QMF"), "london", "QMF", "early-advice",
                    "Consolidating elective orthopaedic surgery in north east London",
                    "Does moving routine hip and knee replacement from four acute sites to one elective"
                            + " surgical hub improve outcomes and waiting times without widening inequalities in"
                            + " access for patients from the outer boroughs?",
                    List.of("R1H", "RF4"), "options-appraisal", ReviewDemo.Stage.TERMS_AGREED),
            new AdviceRequestSeed("demo-seed-kent-maternity", "kent-requester", List.of("requester"),
                    Map.of("org", "QKS"), "south-east", "QKS", "clinical-review",
                    "Consolidating obstetric-led maternity units in Kent and Medway",
                    "Is moving from four obstetric-led units to three, with a new alongside midwife-led unit,"
                            + " clinically safe for women with complex pregnancies in east Kent?",
                    List.of("RVV", "RN7"), "options-appraisal", ReviewDemo.Stage.TRIAGED),
            new AdviceRequestSeed("demo-seed-bob-audiology", Personas.SENATE_ADMIN.name(), Personas.SENATE_ADMIN.groups(),
                    Personas.SENATE_ADMIN.claims(), "south-east", "QU9", "informal-advice",
                    "Community paediatric audiology in Buckinghamshire, Oxfordshire and Berkshire West",
                    "What clinical governance and quality assurance should a single community paediatric"
                            + " audiology service adopt after the national review of newborn hearing follow-up?",
                    List.of(), "case-for-change", ReviewDemo.Stage.RECEIVED),
            new AdviceRequestSeed("demo-seed-hiow-vascular", Personas.REQUESTER.name(), Personas.REQUESTER.groups(),
                    Personas.REQUESTER.claims(), "south-east", "QRL", "clinical-review",
                    "A vascular surgery network for Hampshire and the Isle of Wight",
                    "Is concentrating arterial surgery at one arterial centre, with non-arterial vascular services"
                            + " kept at the other hospitals, clinically sound for patients across the area?",
                    List.of("R1C", "RHU"), "pre-consultation-business-case", ReviewDemo.Stage.PUBLISHED),
            new AdviceRequestSeed("demo-seed-hiow-urgent-care", Personas.REQUESTER.name(),
                    Personas.REQUESTER.groups(), Personas.REQUESTER.claims(), "south-east", "QRL", "clinical-review",
                    "Urgent treatment centres on the Isle of Wight",
                    "Does replacing the minor injuries unit with an urgent treatment centre open 24 hours meet the"
                            + " urgent care needs of the island's residents and visitors safely?",
                    List.of("R1F"), "options-appraisal", ReviewDemo.Stage.FACTUAL_ACCURACY_OVERDUE));

    private DemoData() {
    }

    /** Seeds what belongs to the running services. */
    static Result seed(LocalIssuer issuer, Map<String, ServiceProcess> running) {
        List<String> lines = new java.util.ArrayList<>();
        List<Persona> personas = List.of();
        ServiceProcess membership = running.get("membership-service");
        if (membership == null) {
            lines.add("membership-service is not running: no demo councils");
        } else {
            Result councils = new CouncilDemo(issuer, membership.baseUrl()).seed();
            lines.addAll(councils.lines());
            personas = councils.personas();
        }
        lines.add(seedAdviceRequests(issuer, running.get("review-service"), membership));
        return new Result(lines, personas);
    }

    /** The personas of data seeded earlier (no seeding this run). */
    static List<Persona> existingPersonas(LocalIssuer issuer, Map<String, ServiceProcess> running) {
        ServiceProcess membership = running.get("membership-service");
        return membership == null ? List.of()
                : new CouncilDemo(issuer, membership.baseUrl()).demoMember().map(List::of).orElse(List.of());
    }

    private static String seedAdviceRequests(LocalIssuer issuer, ServiceProcess review, ServiceProcess membership) {
        if (review == null) {
            return "review-service is not running: no demo advice requests";
        }
        ReviewDemo life = membership == null ? null : new ReviewDemo(issuer, review.baseUrl(), membership.baseUrl());
        String admin = Personas.PLATFORM_ADMIN.token(issuer, Duration.ofMinutes(5));
        int created = 0;
        int present = 0;
        StringBuilder failures = new StringBuilder();
        for (AdviceRequestSeed seed : ADVICE_REQUESTS) {
            try {
                if (adviceRequestExists(review, admin, seed)) {
                    present++;
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("senate", seed.senate());
                body.put("requestingOrganisation", seed.requestingOrganisation());
                body.put("kind", seed.kind());
                body.put("title", seed.title());
                body.put("question", seed.question());
                body.put("requestingOrganisationType", "icb");
                body.put("areaUnderReview", List.of(seed.requestingOrganisation()));
                body.put("organisationsInScope", seed.organisationsInScope());
                body.put("proposalStage", seed.proposalStage());
                body.put("neededBy", java.time.LocalDate.now().plusMonths(6).toString());
                body.put("requesterContact", Map.of("name", "Demo requester for " + seed.requestingOrganisation(),
                        "email", "requests-" + seed.requestingOrganisation().toLowerCase(java.util.Locale.ROOT)
                                + "@example.nhs.uk"));
                String token = issuer.token(seed.submitter(), seed.groups(), seed.claims(), Duration.ofMinutes(5));
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(review.baseUrl() + "/advice-requests"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Idempotency-Key", seed.key())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    created++;
                    // carried along its life once, when created (a request already present is left as it is)
                    if (life != null) {
                        UUID id = UUID.fromString(JSON.readTree(response.body()).path("id").asText());
                        String stopped = life.carry(id, seed.senate(), seed.requester(), seed.stage());
                        if (!stopped.isEmpty()) {
                            failures.append(String.format("%n     \"%s\" not carried to %s%s", seed.title(),
                                    seed.stage(), stopped));
                        }
                    }
                } else {
                    failures.append(String.format("%n     \"%s\": HTTP %d %s", seed.title(), response.statusCode(),
                            abbreviate(response.body())));
                }
            } catch (IOException e) {
                failures.append(String.format("%n     \"%s\": %s", seed.title(), e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "review-service: seeding interrupted";
            }
        }
        String line = String.format("review-service: %d demo advice requests created (received, triaged, terms agreed,"
                + " a panel formed with an override that has met and has evidence, a report in its factual-accuracy"
                + " check past the due date, a published report with the sponsor's response), %d already present",
                created, present);
        return failures.length() == 0 ? line : line + "; could not create:" + failures;
    }

    private static boolean adviceRequestExists(ServiceProcess review, String adminToken, AdviceRequestSeed seed)
            throws IOException, InterruptedException {
        String cursor = null;
        for (int page = 0; page < 20; page++) {
            String url = review.baseUrl() + "/advice-requests?limit=100&senate=" + seed.senate()
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false; // the Idempotency-Key still guards the create
            }
            JsonNode json = JSON.readTree(response.body());
            for (JsonNode item : json.path("items")) {
                if (seed.title().equals(item.path("title").asText())) {
                    return true;
                }
            }
            cursor = json.path("nextCursor").isTextual() ? json.path("nextCursor").asText() : null;
            if (cursor == null) {
                return false;
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
