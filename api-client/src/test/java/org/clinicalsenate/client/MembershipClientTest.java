package org.clinicalsenate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clinicalsenate.client.membership.ApiClient;
import org.clinicalsenate.client.membership.ApiException;
import org.clinicalsenate.client.membership.api.RegisterApi;
import org.clinicalsenate.client.membership.api.SenatesApi;
import org.clinicalsenate.client.membership.model.Register;
import org.clinicalsenate.client.membership.model.Senate;
import org.clinicalsenate.client.membership.model.SenatePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated client works on a bare JDK: a JDK HTTP server stands in for membership-service. */
class MembershipClientTest {

  private static final String SENATE_PAGE = """
      {"items":[{"slug":"wessex","name":"Wessex Clinical Senate","region":"South East",
        "coveredIcbs":["QRL"],"activeFrom":"2013-04-01","activeTo":"2020-03-31","predecessors":[],
        "createdAt":"2026-11-23T10:00:00Z","updatedAt":"2026-11-23T10:00:00Z"}],
       "nextCursor":"d2Vzc2V4"}""";

  private static final String NOT_FOUND = """
      {"type":"urn:clinical-senate:problem:not-found","title":"Not found","status":404,
       "detail":"No senate with slug 'atlantis'"}""";

  private static final String REGISTER = """
      {"senate":"south-east","senateName":"South East Clinical Senate","asOf":"2026-11-23",
       "decisionMakers":[{"name":"Dr Amara Okafor","role":"chair","profession":"paramedicine",
         "returnStatus":"some-new-status","declarations":[]}],"noDeclaration":[]}""";

  private static final String REGISTER_CSV = "\uFEFFName,Title\r\nDr Amara Okafor,Consultant Stroke Physician\r\n";

  private final Map<String, String> requestHeaders = new ConcurrentHashMap<>();
  private HttpServer server;
  private SenatesApi senates;
  private RegisterApi registers;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/senates", exchange -> {
      requestHeaders.put("query", String.valueOf(exchange.getRequestURI().getQuery()));
      requestHeaders.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      if (exchange.getRequestURI().getPath().equals("/senates")) {
        respond(exchange, 200, "application/json", SENATE_PAGE);
      } else if (exchange.getRequestURI().getPath().equals("/senates/south-east/register")) {
        respond(exchange, 200, "application/json", REGISTER);
      } else if (exchange.getRequestURI().getPath().equals("/senates/south-east/register.csv")) {
        respond(exchange, 200, "text/csv; charset=UTF-8", REGISTER_CSV);
      } else {
        respond(exchange, 404, "application/problem+json", NOT_FOUND);
      }
    });
    server.start();

    ApiClient apiClient = new ApiClient();
    apiClient.updateBaseUri("http://127.0.0.1:" + server.getAddress().getPort());
    // the Api classes copy the interceptor when constructed, so set it first
    apiClient.setRequestInterceptor(request -> request.header("Authorization", "Bearer test-token"));
    senates = new SenatesApi(apiClient);
    registers = new RegisterApi(apiClient);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void listsSenatesAndParsesDates() throws ApiException {
    SenatePage page = senates.listSenates(true, null, 10, null);

    assertThat(requestHeaders).containsEntry("query", "active=true&limit=10")
        .containsEntry("authorization", "Bearer test-token");
    assertThat(page.getNextCursor()).isEqualTo("d2Vzc2V4");
    assertThat(page.getItems()).hasSize(1);
    Senate wessex = page.getItems().get(0);
    assertThat(wessex.getSlug()).isEqualTo("wessex");
    assertThat(wessex.getCoveredIcbs()).containsExactly("QRL");
    assertThat(wessex.getActiveFrom()).isEqualTo(LocalDate.of(2013, 4, 1));
    assertThat(wessex.getActiveTo()).isEqualTo(LocalDate.of(2020, 3, 31));
  }

  @Test
  void problemSurfacesAsApiException() {
    ApiException e = catchThrowableOfType(ApiException.class, () -> senates.getSenate("atlantis"));

    assertThat(e.getCode()).isEqualTo(404);
    assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(e.getResponseBody()).isEqualTo(NOT_FOUND);
  }

  @Test
  void readsTheRegisterAsJsonAndAsCsvAndTakesValuesOfOpenListsItDoesNotKnow() throws Exception {
    Register register = registers.getRegister("south-east");

    assertThat(register.getSenateName()).isEqualTo("South East Clinical Senate");
    // open lists are strings: a profession or status added after this client was generated still reads
    assertThat(register.getDecisionMakers().get(0).getProfession()).isEqualTo("paramedicine");
    assertThat(register.getDecisionMakers().get(0).getReturnStatus()).isEqualTo("some-new-status");

    File csv = registers.getRegisterCsv("south-east");

    assertThat(Files.readString(csv.toPath(), StandardCharsets.UTF_8)).isEqualTo(REGISTER_CSV);
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
